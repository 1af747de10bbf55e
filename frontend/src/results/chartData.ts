import type { TallyCell, TallyResult, TallyTie, Turnout } from '../api/types';
import { isMessageKey, type MessageKey } from '../i18n/en';
import type { I18n, Translate } from '../i18n/i18n';

/** A decimal string of the engine ("1.414214", exact micro-units) as a number, for display and charts only. */
export function micro(value: string | null | undefined): number {
  const n = Number(value ?? 0);
  return Number.isFinite(n) ? n : 0;
}

function shares(values: number[]): number[] {
  const total = values.reduce((a, b) => a + b, 0);
  return values.map((v) => (total > 0 ? v / total : 0));
}

export interface ComparedOption {
  label: string;
  weighted: number;
  weightedShare: number;
  /** Counted one person, one vote among the same voters. */
  equal: number;
  equalShare: number;
}

/** Weighted totals beside the one-person-one-vote counterfactual, option by option. */
export function compareWithEqual(tally: TallyResult, labels: readonly string[]): ComparedOption[] {
  const weighted = (tally.totals ?? []).map(micro);
  const equal = (tally.counterfactual?.totals ?? []).map(micro);
  const weightedShares = shares(weighted);
  const equalShares = shares(equal);
  return weighted.map((w, i) => ({
    label: labels[i] ?? String(i + 1),
    weighted: w,
    weightedShare: weightedShares[i] ?? 0,
    equal: equal[i] ?? 0,
    equalShare: equalShares[i] ?? 0,
  }));
}

export interface BreakdownRow {
  key: string;
  name: string;
  voters: number;
  weightCast: number;
  /** The share of the cell's measure that each option got, 0..1. */
  shares: number[];
  /** The option this cell leans to, or null when it is split evenly or cast nothing. */
  leader: number | null;
}

export function breakdownRows(cells: readonly TallyCell[]): BreakdownRow[] {
  return cells.map((cell) => {
    const totals = (cell.totals ?? []).map(micro);
    const top = Math.max(0, ...totals);
    const leaders = totals.flatMap((v, i) => (v === top && top > 0 ? [i] : []));
    return {
      key: cell.key ?? '',
      name: cell.name ?? cell.key ?? '',
      voters: cell.voters ?? 0,
      weightCast: micro(cell.weightCast),
      shares: shares(totals),
      leader: leaders.length === 1 ? leaders[0]! : null,
    };
  });
}

/**
 * Whether the cells lean to different options: two solidarities (groups, or stake levels) that disagree,
 * which a single total would average away.
 */
export function solidaritiesDisagree(rows: readonly BreakdownRow[]): boolean {
  const leaders = new Set(rows.filter((r) => r.leader !== null).map((r) => r.leader));
  return leaders.size > 1;
}

/** The largest value, so that every bar of a chart is drawn to the same scale. */
export function scaleMax(values: readonly number[]): number {
  return Math.max(1e-9, ...values);
}

/**
 * A tie and the rule that resolved it, as a message: which options tied, at which stage, and what the rule
 * did. A tie the UI does not know yet is still shown, with the engine's name for its rule.
 */
export function tieMessage(
  tie: TallyTie,
  labels: readonly string[],
): { key: MessageKey; vars: Record<string, string | number> } {
  const name = (i: number) => labels[i] ?? `#${i + 1}`;
  const vars = {
    options: (tie.options ?? []).map(name).join(', '),
    chosen: tie.chosen != null && tie.chosen >= 0 ? name(tie.chosen) : '',
    round: tie.round ?? 0,
  };
  switch (tie.rule) {
    case 'STATUS_QUO':
      return { key: 'tie.statusQuo', vars };
    case 'LOWER_INDEX':
      return { key: tie.stage === 'winner' ? 'tie.lowerIndexWinner' : 'tie.lowerIndexRanking', vars };
    case 'ELIMINATE_LOWER_INDEX':
      return { key: 'tie.eliminateLowerIndex', vars };
    case 'AVERAGE_SUPPORT':
      return { key: 'tie.averageSupport', vars };
    default:
      return { key: 'results.tie', vars: { ...vars, rule: tie.rule ?? '' } };
  }
}

/** The turnout in one sentence: share of the weight declared, weight cast of declared, voters and delegators. */
export function turnoutSummary(
  turnout: Pick<Turnout, 'turnout' | 'weightCast' | 'weightDeclared' | 'voters' | 'delegators'>,
  { t, number, percent }: I18n,
): string {
  return t('turnout.summary', {
    share: percent(micro(turnout.turnout)),
    cast: number(micro(turnout.weightCast), 2),
    declared: number(micro(turnout.weightDeclared), 2),
    voters: turnout.voters ?? 0,
    delegators: turnout.delegators ?? 0,
  });
}

/** A closed proposal's outcome in words: adopted, rejected, no quorum, or the winning option. */
export function outcomeInWords(t: Translate, outcome: string | null | undefined, winner: string): string {
  if (outcome === 'WINNER') return t('outcome.WINNER', { option: winner });
  const key = `outcome.${outcome ?? 'NO_QUORUM'}`;
  return isMessageKey(key) ? t(key) : (outcome ?? '');
}

/**
 * What another count of the same ballots (one person, one vote) would have decided, in words: the same, or
 * adopted / rejected / no quorum / the option it would have chosen.
 */
export function otherCountInWords(
  t: Translate,
  method: string | null | undefined,
  other: Pick<NonNullable<TallyResult['counterfactual']>, 'outcome' | 'winner' | 'changesOutcome'>,
  labels: readonly string[],
): string {
  if (!other.changesOutcome) return t('results.weightingSame');
  if (other.outcome === 'NO_QUORUM') return t('equal.noQuorum');
  if (method === 'APPROVE_REJECT' || other.outcome === 'ADOPTED' || other.outcome === 'REJECTED')
    return other.outcome === 'ADOPTED' ? t('equal.adopted') : t('equal.rejected');
  const index = other.winner?.index;
  const option = index != null ? (labels[index] ?? other.winner?.name ?? '') : (other.winner?.name ?? '');
  return t('equal.chosen', { option });
}
