import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MyBallot, TallyResult } from '../api/types';
import { makeI18n } from '../i18n/i18n';
import { actorInWords } from '../screens/LedgerScreen';
import { Receipt } from '../vote/Receipt';
import { Exports } from './Exports';
import { Hashes } from './LedgerCheck';
import { OutcomeSummary } from './OutcomeSummary';
import { plural } from './plural';
import { dateTimeWithZone, ResultsPending } from './ResultsPending';
import { SecrecyStatement } from './SecrecyStatement';

describe('the results page before the close', () => {
  it('says when the results appear, with the closing time and its time zone, and is no error', () => {
    render(
      <ResultsPending
        proposal={{ id: 'p', phase: 'VOTING', liveResults: false, votingEndsAt: '2031-06-30T16:00:00Z' }}
      />,
    );
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(screen.getByTestId('results-pending')).toHaveTextContent(
      `Voting is open until ${dateTimeWithZone('en', '2031-06-30T16:00:00Z')}. The results appear here when voting closes.`,
    );
    expect(screen.getByTestId('results-pending')).toHaveTextContent(`(${zone})`);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Go to the proposal to vote' })).toHaveAttribute('href', '/proposals/p');
  });

  it('writes the time with its zone in each language', () => {
    expect(dateTimeWithZone('en', '2031-06-30T16:00:00Z', 'Europe/Paris')).toBe(
      '30 Jun 2031, 18:00 CEST (Europe/Paris)',
    );
    expect(dateTimeWithZone('de', '2031-06-30T16:00:00Z', 'Europe/Berlin')).toBe(
      '30. Juni 2031, 18:00 MESZ (Europe/Berlin)',
    );
  });
});

describe('units and plural forms', () => {
  it('writes a consent threshold’s percentage once ("25%" in English, not "25% %")', () => {
    const tally: TallyResult = { threshold: { rule: 'CONSENT', objection: '0.25', met: true }, outcome: 'ADOPTED' };
    render(<OutcomeSummary tally={tally} labels={['For', 'Against', 'Abstain']} />);
    expect(screen.getByText('Consent: adopted unless 25% of the weight objects: met')).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/%\s*%/);
  });

  it('says "1 entry" and "2 entries", by each language’s rules', () => {
    const en = makeI18n('en', () => undefined);
    const fr = makeI18n('fr', () => undefined);
    expect(plural(en, 'ledgerCheck.verified', 1)).toBe('Verified: 1 entry, its hash recomputed.');
    expect(plural(en, 'ledgerCheck.verified', 2)).toMatch(/^Verified: 2 entries/);
    expect(plural(fr, 'ledgerScreen.checked', 0)).toMatch(/^Vérifié dans votre navigateur : 0 entrée,/);
    expect(plural(fr, 'ledgerScreen.checked', 1234)).toMatch(/1\u202f234 entrées/);
  });

  it('says what a secret result reveals without "1 people" or "declaration(s)"', () => {
    const tally: TallyResult = {
      secrecy: {
        minCellVoters: 5,
        unanimous: [{ breakdown: 'all', voters: 1, option: 0 }],
        smallClasses: [{ declarations: 1, weight: '4.000000' }],
      },
    };
    render(<SecrecyStatement tally={tally} labels={['For', 'Against', 'Abstain']} />);
    expect(screen.getByText('The 1 person counted chose “For”.')).toBeInTheDocument();
    expect(
      screen.getByText('1 declaration of weight 4: few enough that its ballot can be narrowed down to it.'),
    ).toBeInTheDocument();
  });
});

describe('the ledger, receipts and the recount', () => {
  it('explains its two hashes in plain words and compares them', () => {
    render(<Hashes head="abc" resultHead="abc" />);
    expect(screen.getByText('The ledger’s latest fingerprint:')).toBeInTheDocument();
    expect(screen.getByText(/changing any entry, even one letter, would change it/)).toBeInTheDocument();
    expect(screen.getByText('The fingerprint the count was made from:')).toBeInTheDocument();
    expect(screen.getByTestId('hashes-compared')).toHaveTextContent('nothing was recorded after the count');
  });

  it('says why the two hashes differ after a close', () => {
    render(<Hashes head="def" resultHead="abc" resultSeq={17} entries={19} />);
    expect(screen.getByTestId('hashes-compared')).toHaveTextContent(
      'the count was made from the ledger as it stood after entry 17; the entries after it, up to entry 19, record the count itself',
    );
  });

  it('names who made a ledger entry, not their id', () => {
    const { t } = makeI18n('en', () => undefined);
    const body = (actor: string) => JSON.stringify({ actor, payload: {} });
    expect(
      actorInWords({ kind: 'STAKE_DECLARED', body: body('6f1c'), actor: { id: '6f1c', displayName: 'Bob Okafor' } }, t),
    ).toBe('Bob Okafor');
    expect(actorInWords({ kind: 'PHASE_CHANGED', body: body('scheduler') }, t)).toBe('the scheduler (a deadline)');
    expect(actorInWords({ kind: 'BALLOT_CAST', body: body('pseudonym-9a') }, t)).toBe(
      'a voter (secret ballot: not named)',
    );
  });

  it('gives a receipt with what to keep and how to check it', () => {
    const ballot: MyBallot = { receipt: 'f'.repeat(64), castAt: '2031-06-30T16:00:00Z' };
    render(<Receipt proposalId="p" ballot={ballot} />);
    expect(screen.getByTestId('receipt-help')).toHaveTextContent(
      'Keep this receipt: copy it, or save or print this page.',
    );
    expect(screen.getByTestId('receipt-help')).toHaveTextContent('press “Verify my receipt”');
    expect(screen.getByRole('button', { name: 'Copy the receipt' })).toBeInTheDocument();
  });

  it('links to the recount jar beside the exports', () => {
    render(<Exports proposalId="p" />);
    expect(screen.getByRole('link', { name: 'Download devolve-recount.jar' })).toHaveAttribute(
      'href',
      '/api/v1/recount.jar',
    );
  });
});
