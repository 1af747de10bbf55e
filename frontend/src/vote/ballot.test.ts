import { describe, expect, it } from 'vitest';
import { allocationShares, ballotInWords, initialDraft, move, toBallot, toggle } from './ballot';

describe('ballot drafts', () => {
  it('is no ballot until a stance or a choice is made', () => {
    expect(toBallot(initialDraft('APPROVE_REJECT', 0))).toBeNull();
    expect(toBallot({ kind: 'stance', stance: 'AGAINST' })).toEqual({ stance: 'AGAINST' });
    expect(toBallot(initialDraft('SINGLE_CHOICE', 3))).toBeNull();
    expect(toBallot({ kind: 'choice', choice: 0 })).toEqual({ choice: 0 });
  });

  it('sends approvals in option order, and an empty approval is a ballot', () => {
    expect(toBallot({ kind: 'approvals', approvals: [2, 0] })).toEqual({ approvals: [0, 2] });
    expect(toBallot({ kind: 'approvals', approvals: [] })).toEqual({ approvals: [] });
    expect(toggle(toggle([1], 2), 1)).toEqual([2]);
  });

  it('starts scores at 0 for every option', () => {
    expect(toBallot(initialDraft('SCORE', 3))).toEqual({ scores: [0, 0, 0] });
  });

  it('sends only the options that got points, keyed by index', () => {
    expect(toBallot(initialDraft('SPLIT', 3))).toBeNull();
    expect(toBallot({ kind: 'allocation', points: [0, 3, 1] })).toEqual({ allocation: { '1': 3, '2': 1 } });
    expect(allocationShares([0, 3, 1])).toEqual([0, 0.75, 0.25]);
  });

  it('ranks every option, keeping an earlier ballot first', () => {
    expect(initialDraft('RANKED_SCHULZE', 3).kind).toBe('ranking');
    expect(toBallot(initialDraft('COPELAND', 3, { ranking: [2] }))).toEqual({ ranking: [2] });
    expect(initialDraft('RANKED_IRV', 3)).toEqual({ kind: 'ranking', ranking: [] });
    expect(toBallot(initialDraft('RANKED_IRV', 3))).toBeNull();
  });

  it('restores an earlier ballot of each kind', () => {
    expect(initialDraft('APPROVE_REJECT', 0, { stance: 'FOR' })).toEqual({ kind: 'stance', stance: 'FOR' });
    expect(initialDraft('QUADRATIC', 2, { allocation: { '1': 5 } })).toEqual({ kind: 'allocation', points: [0, 5] });
  });

  it('moves an item and clamps the target', () => {
    expect(move(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 1, 9)).toEqual(['a', 'c', 'b']);
  });
});

describe('a cast ballot in words', () => {
  const options = ['Garden', 'Parking', 'Playground'];
  const stances = ['For', 'Against', 'Abstain'];

  it('names the stance or the option chosen', () => {
    expect(ballotInWords('APPROVE_REJECT', { stance: 'AGAINST' }, stances, '—')).toBe('Against');
    expect(ballotInWords('SINGLE_CHOICE', { choice: 2 }, options, '—')).toBe('Playground');
  });

  it('lists approvals in option order, and says so when none was approved', () => {
    expect(ballotInWords('APPROVAL', { approvals: [2, 0] }, options, '—')).toBe('Garden, Playground');
    expect(ballotInWords('APPROVAL', { approvals: [] }, options, 'none')).toBe('none');
  });

  it('gives each option its score, or its points leaving out those with none', () => {
    expect(ballotInWords('SCORE', { scores: [5, 0, 3] }, options, '—')).toBe('Garden: 5, Parking: 0, Playground: 3');
    expect(ballotInWords('SPLIT', { allocation: { '2': 1, '0': 3, '1': 0 } }, options, '—')).toBe(
      'Garden: 3, Playground: 1',
    );
  });

  it('orders a ranking by preference, partial rankings as cast', () => {
    expect(ballotInWords('RANKED_SCHULZE', { ranking: [1, 2, 0] }, options, '—')).toBe('Parking › Playground › Garden');
    expect(ballotInWords('COPELAND', { ranking: [2] }, options, '—')).toBe('Playground');
  });
});
