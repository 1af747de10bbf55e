import { describe, expect, it } from 'vitest';
import { policyExample, weightOf } from './policies';

describe('weighting policies', () => {
  it('weighs stake 0 as no vote under every policy', () => {
    for (const policy of ['LINEAR', 'SQRT', 'EQUAL', 'CAPPED'] as const) expect(weightOf(policy, 0)).toBe(0);
  });

  it('follows the design: LINEAR s, SQRT √s to micro-units, EQUAL 1, CAPPED min(s, k)', () => {
    expect(weightOf('LINEAR', 4)).toBe(4);
    expect(weightOf('SQRT', 2)).toBe(1.414214);
    expect(weightOf('SQRT', 5)).toBe(2.236068);
    expect(weightOf('EQUAL', 5)).toBe(1);
    expect(weightOf('CAPPED', 5, 3)).toBe(3);
    expect(weightOf('CAPPED', 2, 3)).toBe(2);
  });

  it('explains a policy with shares of the same three people that add up to the whole', () => {
    const linear = policyExample('LINEAR');
    expect(linear.weights).toEqual([5, 2, 1]);
    expect(linear.shares[0]).toBeCloseTo(5 / 8);
    const equal = policyExample('EQUAL');
    expect(equal.shares).toEqual([1 / 3, 1 / 3, 1 / 3]);
    const capped = policyExample('CAPPED', 2);
    expect(capped.weights).toEqual([2, 2, 1]);
    expect(capped.shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
  });
});
