import type { Policy } from '../api/types';

/** The weight a stake level gives under a weighting policy (DESIGN: LINEAR s, SQRT √s, EQUAL 1, CAPPED min(s, k)). */
export function weightOf(policy: Policy, level: number, cap = 5): number {
  if (level <= 0) return 0;
  switch (policy) {
    case 'LINEAR':
      return level;
    case 'SQRT':
      return Math.round(Math.sqrt(level) * 1e6) / 1e6;
    case 'EQUAL':
      return 1;
    case 'CAPPED':
      return Math.min(level, cap);
    case 'EXPLICIT':
      return level;
  }
}

/** The people of the policy example: a resident who bears the decision, one who is touched by it, one barely. */
export const EXAMPLE_LEVELS = [5, 2, 1] as const;

export interface PolicyExample {
  levels: readonly number[];
  weights: number[];
  /** Each person's share of the total weight, 0..1. */
  shares: number[];
}

/** How the same three declarations weigh under a policy, to explain it with numbers. */
export function policyExample(policy: Policy, cap = 3): PolicyExample {
  const weights = EXAMPLE_LEVELS.map((level) => weightOf(policy, level, cap));
  const total = weights.reduce((a, b) => a + b, 0);
  return { levels: EXAMPLE_LEVELS, weights, shares: weights.map((w) => w / total) };
}

export const POLICIES = ['LINEAR', 'SQRT', 'CAPPED', 'EQUAL'] as const satisfies readonly Policy[];
