import { describe, expect, it } from 'vitest';
import type { TallyResult } from '../api/types';
import { breakdownRows, compareWithEqual, micro, solidaritiesDisagree, tieMessage } from './chartData';

const tally: TallyResult = {
  method: 'APPROVE_REJECT',
  totals: ['5.000000', '2.000000', '0.000000'],
  counterfactual: {
    rule: 'ONE_PERSON_ONE_VOTE',
    outcome: 'REJECTED',
    totals: ['2.000000', '2.000000', '0.000000'],
    changesOutcome: true,
  },
};

describe('chart data', () => {
  it('reads the engine’s decimal strings', () => {
    expect(micro('1.414214')).toBe(1.414214);
    expect(micro(undefined)).toBe(0);
    expect(micro('not a number')).toBe(0);
  });

  it('puts weighted and one-person-one-vote shares side by side', () => {
    const rows = compareWithEqual(tally, ['For', 'Against', 'Abstain']);
    expect(rows.map((r) => r.label)).toEqual(['For', 'Against', 'Abstain']);
    expect(rows[0]).toMatchObject({ weighted: 5, equal: 2, weightedShare: 5 / 7, equalShare: 0.5 });
    expect(rows[2]).toMatchObject({ weightedShare: 0, equalShare: 0 });
  });

  it('has zero shares, not NaN, when nothing was cast', () => {
    const rows = compareWithEqual({ totals: ['0.000000', '0.000000'] }, ['A', 'B']);
    expect(rows.map((r) => [r.weightedShare, r.equalShare])).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });

  it('finds what each group leans to, and sees solidarities disagree', () => {
    const rows = breakdownRows([
      {
        key: 'tenants',
        name: 'Tenants',
        voters: 1,
        weightCast: '4.000000',
        totals: ['4.000000', '0.000000', '0.000000'],
      },
      {
        key: 'members',
        name: 'Members',
        voters: 3,
        weightCast: '3.000000',
        totals: ['1.000000', '2.000000', '0.000000'],
      },
    ]);
    expect(rows.map((r) => r.leader)).toEqual([0, 1]);
    expect(rows[1]!.shares[1]).toBeCloseTo(2 / 3);
    expect(solidaritiesDisagree(rows)).toBe(true);
  });

  it('sees no disagreement when every cell leans the same way or is split', () => {
    const rows = breakdownRows([
      { key: '5', voters: 1, totals: ['3.000000', '1.000000'] },
      { key: '2', voters: 2, totals: ['1.000000', '1.000000'] },
      { key: '1', voters: 1, totals: ['0.000000', '0.000000'] },
    ]);
    expect(rows.map((r) => r.leader)).toEqual([0, null, null]);
    expect(solidaritiesDisagree(rows)).toBe(false);
  });
});

describe('ties in words', () => {
  const options = ['Garden', 'Parking', 'Playground'];

  it('says that an exact for/against tie keeps the status quo, naming no option', () => {
    expect(
      tieMessage({ stage: 'threshold', options: [], chosen: -1, rule: 'STATUS_QUO' }, ['For', 'Against', 'Abstain']),
    ).toEqual({
      key: 'tie.statusQuo',
      vars: { options: '', chosen: '', round: 0 },
    });
  });

  it('names the tied options and the one the rule put first, by stage', () => {
    expect(tieMessage({ stage: 'winner', options: [0, 2], chosen: 0, rule: 'LOWER_INDEX' }, options)).toEqual({
      key: 'tie.lowerIndexWinner',
      vars: { options: 'Garden, Playground', chosen: 'Garden', round: 0 },
    });
    expect(tieMessage({ stage: 'ranking', options: [1, 2], chosen: 1, rule: 'LOWER_INDEX' }, options).key).toBe(
      'tie.lowerIndexRanking',
    );
    expect(
      tieMessage(
        { stage: 'elimination', round: 2, options: [1, 2], chosen: 1, rule: 'ELIMINATE_LOWER_INDEX' },
        options,
      ),
    ).toEqual({
      key: 'tie.eliminateLowerIndex',
      vars: { options: 'Parking, Playground', chosen: 'Parking', round: 2 },
    });
  });

  it('still shows a rule it does not know, by the engine’s name', () => {
    expect(tieMessage({ stage: 'winner', options: [0, 1], chosen: 1, rule: 'COIN' as never }, options)).toEqual({
      key: 'results.tie',
      vars: { options: 'Garden, Parking', chosen: 'Parking', round: 0, rule: 'COIN' },
    });
  });
});
