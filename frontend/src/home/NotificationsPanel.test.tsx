import { describe, expect, it } from 'vitest';
import { makeI18n } from '../i18n/i18n';
import { noticeText } from './NotificationsPanel';

const fr = makeI18n('fr', () => undefined);
const de = makeI18n('de', () => undefined);

describe('notifications in the reader’s language', () => {
  it('are said from their kind, with the proposal’s title and outcome', () => {
    expect(noticeText({ kind: 'PROPOSAL_CLOSED', text: '“Tool library: “phase 2”” is decided: adopted' }, fr)).toBe(
      '« Tool library: “phase 2” » est décidée : adoptée',
    );
    expect(noticeText({ kind: 'PROPOSAL_VOTING', text: 'Voting is open on “Garden”' }, de)).toBe(
      'Die Abstimmung über „Garden“ ist offen',
    );
    expect(
      noticeText(
        {
          kind: 'VOTING_DELAYED',
          text: 'Voting on “Garden” is due but 1 stake challenge(s) are open: resolve them to open voting',
        },
        fr,
      ),
    ).toBe('Le vote sur « Garden » est dû mais 1 contestation d’enjeu est ouverte : statuez pour ouvrir le vote');
  });

  it('show a kind they do not know as the service wrote it', () => {
    expect(noticeText({ kind: 'SOMETHING_NEW', text: 'Something new' }, fr)).toBe('Something new');
  });
});
