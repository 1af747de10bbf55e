import type { BallotContent, Method, Stance } from '../api/types';

/** What a voter has chosen so far, in the shape of the proposal's method. */
export type Draft =
  | { kind: 'stance'; stance: Stance | null }
  | { kind: 'choice'; choice: number | null }
  | { kind: 'approvals'; approvals: number[] }
  | { kind: 'scores'; scores: number[] }
  | { kind: 'allocation'; points: number[] }
  | { kind: 'ranking'; ranking: number[] };

export function kindOf(method: Method): Draft['kind'] {
  switch (method) {
    case 'APPROVE_REJECT':
      return 'stance';
    case 'SINGLE_CHOICE':
      return 'choice';
    case 'APPROVAL':
      return 'approvals';
    case 'SCORE':
      return 'scores';
    case 'SPLIT':
    case 'QUADRATIC':
      return 'allocation';
    case 'RANKED_IRV':
    case 'RANKED_SCHULZE':
    case 'COPELAND':
      return 'ranking';
  }
}

/** A fresh draft, or the draft of the ballot I cast before, for `optionCount` options. */
export function initialDraft(method: Method, optionCount: number, cast?: BallotContent | null): Draft {
  const options = [...Array(optionCount).keys()];
  switch (kindOf(method)) {
    case 'stance':
      return { kind: 'stance', stance: cast?.stance ?? null };
    case 'choice':
      return { kind: 'choice', choice: cast?.choice ?? null };
    case 'approvals':
      return { kind: 'approvals', approvals: cast?.approvals ?? [] };
    case 'scores':
      return { kind: 'scores', scores: cast?.scores ?? options.map(() => 0) };
    case 'allocation':
      return { kind: 'allocation', points: options.map((i) => cast?.allocation?.[String(i)] ?? 0) };
    case 'ranking':
      // unranked until the voter ranks: never pre-filled in the order the author listed the options
      return { kind: 'ranking', ranking: cast?.ranking ?? [] };
  }
}

/** The ballot to send, or null while the draft is not a ballot yet (nothing chosen, no points). */
export function toBallot(draft: Draft): BallotContent | null {
  switch (draft.kind) {
    case 'stance':
      return draft.stance ? { stance: draft.stance } : null;
    case 'choice':
      return draft.choice === null ? null : { choice: draft.choice };
    case 'approvals':
      return { approvals: [...draft.approvals].sort((a, b) => a - b) };
    case 'scores':
      return { scores: draft.scores };
    case 'allocation': {
      if (draft.points.every((p) => p <= 0)) return null;
      const allocation: Record<string, number> = {};
      draft.points.forEach((p, i) => p > 0 && (allocation[String(i)] = p));
      return { allocation };
    }
    case 'ranking':
      // a partial ranking is a ballot (the unranked options tie below the ranked ones); an empty one is not
      return draft.ranking.length === 0 ? null : { ranking: draft.ranking };
  }
}

export function toggle(list: number[], item: number): number[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

/** Moves the item at `from` to position `to` (clamped), keeping the others in order. */
export function move<T>(list: readonly T[], from: number, to: number): T[] {
  const target = Math.max(0, Math.min(list.length - 1, to));
  if (from === target || from < 0 || from >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(target, 0, item as T);
  return next;
}

/** Each option's share of the points (0..1), as the tally splits the voter's weight. */
export function allocationShares(points: readonly number[]): number[] {
  const total = points.reduce((a, b) => a + Math.max(0, b), 0);
  return points.map((p) => (total === 0 ? 0 : Math.max(0, p) / total));
}

/**
 * A cast ballot in words, for the list of who voted what: the stance, the option chosen, the options
 * approved, each option's score or points, or the ranking in order of preference. `labels` names the
 * options (for APPROVE_REJECT, the stances); `none` is said for an empty approval.
 */
export function ballotInWords(method: Method, ballot: BallotContent, labels: readonly string[], none: string): string {
  const name = (i: number) => labels[i] ?? `#${i + 1}`;
  switch (kindOf(method)) {
    case 'stance':
      return name(['FOR', 'AGAINST', 'ABSTAIN'].indexOf(ballot.stance ?? ''));
    case 'choice':
      return ballot.choice == null ? none : name(ballot.choice);
    case 'approvals':
      return ballot.approvals?.length
        ? [...ballot.approvals]
            .sort((a, b) => a - b)
            .map(name)
            .join(', ')
        : none;
    case 'scores':
      return (ballot.scores ?? []).map((s, i) => `${name(i)}: ${s}`).join(', ');
    case 'allocation':
      return (
        Object.entries(ballot.allocation ?? {})
          .map(([i, points]) => [Number(i), points] as const)
          .filter(([, points]) => points > 0)
          .sort(([a], [b]) => a - b)
          .map(([i, points]) => `${name(i)}: ${points}`)
          .join(', ') || none
      );
    case 'ranking':
      return ballot.ranking?.length ? ballot.ranking.map(name).join(' › ') : none;
  }
}
