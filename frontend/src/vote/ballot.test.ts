import { describe, expect, it } from 'vitest';
import { allocationShares, initialDraft, move, toBallot, toggle } from './ballot';

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
    expect(toBallot(initialDraft('COPELAND', 3, { ranking: [2] }))).toEqual({ ranking: [2, 0, 1] });
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
