import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Proposal, TallyResult } from '../api/types';
import { EveryWeight } from './EveryWeight';
import { Fragility } from './Fragility';
import approveReject from './testdata/approve_reject.json';
import { declarationRows, parseCsv, weightLedger } from './weights';

// the CSV export of the same document the engine counted in testdata/approve_reject.json
const CSV = [
  'voter,voter_name,stake,group,group_name,weight,lower_to,delegate,via,voted,ballot',
  'id-bob,Bob Okafor,5,g-c,Tenants of building C,5.000000,,,,yes,FOR',
  'id-carol,Carol Lindqvist,2,g-all,Riverside Housing,2.000000,,,,yes,AGAINST',
  'id-alice,"Moreau, Alice",2,g-all,Riverside Housing,2.000000,,,,yes,AGAINST',
  'id-dave,Dave Nakamura,1,g-all,Riverside Housing,1.000000,,id-bob,,no,',
  "id-erin,'=Erin Haddad,1,g-all,Riverside Housing,1.000000,,,,no,",
].join('\r\n');
const tally = approveReject as TallyResult;
const proposal: Proposal = {
  id: 'p',
  method: 'APPROVE_REJECT',
  secret: false,
  affectedGroups: [
    { id: 'g-all', name: 'Riverside Housing', suggestedLevel: 2 },
    { id: 'g-c', name: 'Tenants of building C', suggestedLevel: 1 },
  ],
};
const labels = ['For', 'Against', 'Abstain'];

describe('every weight that counted (public proposals)', () => {
  it('reads the CSV export: quoted names, names guarded against spreadsheets', () => {
    expect(parseCsv('a,"b, ""c"""\r\nd,e\r\n')).toEqual([
      ['a', 'b, "c"'],
      ['d', 'e'],
    ]);
    const rows = declarationRows(CSV);
    expect(rows.map((r) => r.name)).toEqual([
      'Bob Okafor',
      'Carol Lindqvist',
      'Moreau, Alice',
      'Dave Nakamura',
      '=Erin Haddad',
    ]);
    expect(rows[3]).toMatchObject({ weight: 1, delegate: 'id-bob', via: '', voted: false });
  });

  it('lists the delegator whose weight followed a delegate, with every weight, and sums as the turnout does', () => {
    render(<EveryWeight proposal={proposal} tally={tally} rows={declarationRows(CSV)} labels={labels} />);
    const table = screen.getByTestId('weights-table');
    const row = (name: string) => within(table).getByRole('rowheader', { name }).parentElement!;
    expect(row('Dave Nakamura')).toHaveTextContent('level 1, Riverside Housing1.00through Bob Okafor: For');
    expect(row('Bob Okafor')).toHaveTextContent('5.00their own ballot: For');
    expect(row('Carol Lindqvist')).toHaveTextContent('2.00their own ballot: Against');
    expect(within(table).getByRole('rowheader', { name: 'In all' }).parentElement).toHaveTextContent(
      '10.004 people (3 own ballots, 1 through a delegate)',
    );
    expect(screen.getByTestId('weights-agree')).toHaveTextContent('These sums are the tally’s');
    expect(screen.getByTestId('weights-not-counted')).toHaveTextContent(
      'Declared but counted for no ballot (1 person, weight 1.00): =Erin Haddad.',
    );
  });

  it('says so when its sums differ from the tally’s', () => {
    const rows = declarationRows(CSV).filter((r) => r.voter !== 'id-dave');
    render(<EveryWeight proposal={proposal} tally={tally} rows={rows} labels={labels} />);
    expect(screen.getByTestId('weights-agree')).toHaveTextContent('differ');
  });

  it('follows a delegation chain to the ballot it ends at', () => {
    const chain = declarationRows(
      [
        'voter,voter_name,stake,group,group_name,weight,lower_to,delegate,via,voted,ballot',
        'a,Ana,1,g,G,1.000000,,b,,no,',
        'b,Bo,1,g,G,1.000000,,c,,no,',
        'c,Cy,1,g,G,1.000000,,,,yes,FOR',
      ].join('\n'),
    );
    const ledger = weightLedger(chain);
    expect(ledger.counted.map((c) => `${c.row.name}→${c.countedWith.name}`)).toEqual(['Cy→Cy', 'Ana→Cy', 'Bo→Cy']);
    expect(ledger).toMatchObject({ weightCast: 3, voters: 1, delegators: 2 });
  });

  it('counts a chain that loops, or ends without a ballot, for no ballot', () => {
    const loop = declarationRows(
      [
        'voter,voter_name,stake,group,group_name,weight,lower_to,delegate,via,voted,ballot',
        'a,Ana,1,g,G,1.000000,,b,,no,',
        'b,Bo,2,g,G,2.000000,,a,,no,',
        'c,Cy,1,g,G,1.000000,,,,yes,FOR',
      ].join('\n'),
    );
    const ledger = weightLedger(loop);
    expect(ledger.counted.map((c) => c.row.name)).toEqual(['Cy']);
    expect(ledger.notCounted.map((r) => r.name)).toEqual(['Ana', 'Bo']);
  });
});

describe('a fragile result names the declarations to check', () => {
  it('in a public proposal, by name, level, group and suggested level', () => {
    render(<Fragility tally={tally} proposal={proposal} rows={declarationRows(CSV)} />);
    expect(screen.getByTestId('fragile')).toHaveTextContent(
      'Fragile: one declaration above its group’s suggested level decides this outcome: check it.',
    );
    expect(screen.getByTestId('fragility-declarations')).toHaveTextContent(
      'Bob Okafor: level 5, Tenants of building C (suggested: 1)',
    );
  });

  it('in a secret proposal, nobody', () => {
    render(<Fragility tally={tally} proposal={{ ...proposal, secret: true }} rows={declarationRows(CSV)} />);
    expect(screen.getByTestId('fragile')).toBeInTheDocument();
    expect(screen.queryByTestId('fragility-declarations')).toBeNull();
    expect(screen.queryByText(/Bob Okafor/)).toBeNull();
  });
});
