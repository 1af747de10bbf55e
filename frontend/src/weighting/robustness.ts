import type { Policy } from '../api/types';

/**
 * What the legitimacy study (docs/legitimacy.md, `mvn -B -q -Dui.skip compile exec:exec@legitimacy`, seed 15)
 * measured for each policy against a faction of 20 % that votes together and declares 5 everywhere, all electorate
 * sizes pooled: the share of the decisions it loses when it declares honestly that it overturns, without and with
 * a stake budget, and the share of those overturned decisions that the result does not flag (neither fragile
 * naming an inflated declaration, at any count, nor an anchored counterfactual that differs).
 * Figures in percent, copied from the study's output; CAPPED was measured with a cap of 3 only.
 */
export interface Robustness {
  flips: number;
  flipsWithBudget: number;
  unflagged: number;
}

export const MEASURED: Partial<Record<Policy, Robustness>> = {
  LINEAR: { flips: 34.6, flipsWithBudget: 11.6, unflagged: 1.6 },
  SQRT: { flips: 15.3, flipsWithBudget: 5.1, unflagged: 3.2 },
  CAPPED: { flips: 10.1, flipsWithBudget: 3.4, unflagged: 9.2 },
  EQUAL: { flips: 0, flipsWithBudget: 0, unflagged: 0 },
};

/** The cap the study measured CAPPED with. */
export const MEASURED_CAP = 3;

/** The study's figures for a policy, or null when it was not measured (EXPLICIT, or CAPPED with another cap). */
export function robustnessOf(policy: Policy, cap?: number | null): Robustness | null {
  if (policy === 'CAPPED' && (cap ?? MEASURED_CAP) !== MEASURED_CAP) return null;
  return MEASURED[policy] ?? null;
}
