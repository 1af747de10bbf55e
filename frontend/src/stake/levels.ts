/** Stake levels 0..5 and what a declaration costs against a circle's stake budget (s² points). */
export const LEVELS = [0, 1, 2, 3, 4, 5] as const;

export const LEVEL_KEYS = ['level.0', 'level.1', 'level.2', 'level.3', 'level.4', 'level.5'] as const;

export function levelKey(level: number) {
  return LEVEL_KEYS[Math.max(0, Math.min(5, level))]!;
}

/** A declaration of level s costs s² points of the stake budget. */
export function budgetCost(level: number): number {
  return level * level;
}

export interface CostPreview {
  cost: number;
  /** Points given back by replacing my current declaration in this proposal. */
  refund: number;
  /** Points left in the period after confirming; null when the circle has no budget. */
  leftAfter: number | null;
  overBudget: boolean;
}

/**
 * What confirming a declaration of `level` does to my budget: a change replaces my current declaration,
 * so its cost is given back first.
 */
export function previewCost(
  level: number,
  currentLevel: number | null | undefined,
  budgetLeft: number | null,
): CostPreview {
  const cost = budgetCost(level);
  const refund = currentLevel == null ? 0 : budgetCost(currentLevel);
  if (budgetLeft === null) return { cost, refund, leftAfter: null, overBudget: false };
  const leftAfter = budgetLeft + refund - cost;
  return { cost, refund, leftAfter, overBudget: leftAfter < 0 };
}
