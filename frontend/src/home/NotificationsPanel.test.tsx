import { describe, expect, it } from 'vitest';
import { makeI18n } from '../i18n/i18n';
import { noticeText } from './NotificationsPanel';

const fr = makeI18n('fr', () => undefined);
const de = makeI18n('de', () => undefined);

describe('notifications in the reader’s language', () => {
  it('are said from their kind and parameters, not from the English text', () => {
    expect(
      noticeText(
        {
          kind: 'PROPOSAL_CLOSED',
          text: 'in English',
          params: { title: 'Tool library: “phase 2”', outcome: 'ADOPTED' },
        },
        fr,
      ),
    ).toBe('« Tool library: “phase 2” » est décidée : adoptée');
    expect(noticeText({ kind: 'PROPOSAL_VOTING', text: 'in English', params: { title: 'Garden' } }, de)).toBe(
      'Die Abstimmung über „Garden“ ist offen',
    );
    expect(
      noticeText({ kind: 'VOTING_DELAYED', text: 'in English', params: { title: 'Garden', openChallenges: '1' } }, fr),
    ).toBe('Le vote sur « Garden » est dû mais 1 contestation d’enjeu est ouverte : statuez pour ouvrir le vote');
  });

  it('say challenges, rulings, trust, arguments and deadlines in French and German', () => {
    expect(noticeText({ kind: 'STAKE_CHALLENGED', text: 'x', params: { title: 'Garden', level: '5' } }, fr)).toBe(
      'Votre déclaration (niveau 5) sur « Garden » est contestée : répondez-y',
    );
    expect(
      noticeText(
        { kind: 'CHALLENGE_RESOLVED', text: 'x', params: { title: 'Garden', ruling: 'LOWERED', level: '2' } },
        de,
      ),
    ).toBe('Eine Anfechtung zu „Garden“ ist entschieden: Die Erklärung wurde auf 2 gesenkt');
    expect(
      noticeText(
        { kind: 'DELEGATION_RECEIVED', text: 'x', params: { delegator: 'Dave Nakamura', circle: 'Riverside' } },
        fr,
      ),
    ).toBe('Dave Nakamura vous confie son vote dans Riverside');
    const argued = noticeText(
      { kind: 'ARGUMENT_POSTED', text: 'x', params: { title: 'Garden', author: 'Erin', side: 'AGAINST' } },
      de,
    );
    expect(argued).toContain('Erin');
    expect(argued).not.toContain('AGAINST');
    const soon = noticeText(
      { kind: 'VOTING_CLOSING_SOON', text: 'x', params: { title: 'Garden', endsAt: '2026-12-03T10:00:00Z' } },
      fr,
    );
    expect(soon).toContain('« Garden » se termine le');
    expect(soon).not.toContain('2026-12-03T10');
  });

  it('show what the catalogue cannot say as the service wrote it', () => {
    expect(noticeText({ kind: 'PROPOSAL_VOTING', text: 'Voting is open', params: {} }, fr)).toBe('Voting is open');
  });
});
