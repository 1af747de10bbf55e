import { describe, expect, it } from 'vitest';
import { budgetCost, levelKey, previewCost } from './levels';

describe('stake budget cost', () => {
  it('costs the square of the level', () => {
    expect([0, 1, 2, 3, 4, 5].map(budgetCost)).toEqual([0, 1, 4, 9, 16, 25]);
  });

  it('shows what is left after a first declaration', () => {
    expect(previewCost(4, null, 50)).toEqual({ cost: 16, refund: 0, leftAfter: 34, overBudget: false });
  });

  it('gives back the current declaration before charging the new one', () => {
    // declared 5 (25 points) earlier, 10 left; lowering to 3 costs 9 and frees 25
    expect(previewCost(3, 5, 10)).toEqual({ cost: 9, refund: 25, leftAfter: 26, overBudget: false });
  });

  it('flags a level the budget cannot pay', () => {
    expect(previewCost(5, 1, 20)).toMatchObject({ leftAfter: -4, overBudget: true });
  });

  it('has no limit where the circle has no budget', () => {
    expect(previewCost(5, null, null)).toEqual({ cost: 25, refund: 0, leftAfter: null, overBudget: false });
  });

  it('names every level in words', () => {
    expect(levelKey(0)).toBe('level.0');
    expect(levelKey(5)).toBe('level.5');
    expect(levelKey(9)).toBe('level.5');
  });
});
