import type { BallotContent, Method } from '../api/types';
import { kindOf } from '../vote/ballot';
import { micro } from './chartData';

/** One line of the published tally document as CSV (GET …/export.csv): one declaration. */
export interface DeclarationRow {
  /** Member id in a public proposal; empty in a secret one. */
  voter: string;
  name: string;
  /** The stake level, or null where a secret tally publishes only the weight. */
  stake: number | null;
  group: string;
  groupName: string;
  weight: number;
  /** The member id this person entrusted their vote to (public proposals). */
  delegate: string;
  /**
   * In a published secret document: `followed` (their weight followed a delegate's ballot) or `lost` (their chain
   * ended without a ballot); empty in a public one, whose rows name the delegate instead.
   */
  via: '' | 'followed' | 'lost';
  voted: boolean;
  /** The ballot as the CSV writes it: FOR; 2; 0;2; 5;0;3; 0:3;2:1; 2>0>1. */
  ballot: string;
}

/** RFC 4180 fields: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A name the CSV prefixed with an apostrophe, so that a spreadsheet would not take it for a formula. */
function unguarded(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

export function declarationRows(csv: string): DeclarationRow[] {
  const [header, ...lines] = parseCsv(csv);
  if (!header) return [];
  const at = (name: string) => header.indexOf(name);
  const col = (line: string[], name: string) => line[at(name)] ?? '';
  return lines
    .filter((line) => line.length > 1)
    .map((line) => {
      const via = col(line, 'via');
      const stake = col(line, 'stake');
      return {
        voter: col(line, 'voter'),
        name: unguarded(col(line, 'voter_name')),
        stake: stake === '' ? null : Number(stake),
        group: col(line, 'group'),
        groupName: unguarded(col(line, 'group_name')),
        weight: micro(col(line, 'weight')),
        delegate: col(line, 'delegate'),
        via: via === 'followed' || via === 'lost' ? via : '',
        voted: col(line, 'voted') === 'yes',
        ballot: col(line, 'ballot'),
      };
    });
}

/** A ballot as the CSV writes it, in the API's shape, so that it is said in words like any other. */
export function ballotFromCsv(method: Method, text: string): BallotContent {
  const list = (separator: string) => (text === '' ? [] : text.split(separator).map(Number));
  switch (kindOf(method)) {
    case 'stance':
      return { stance: text as BallotContent['stance'] };
    case 'choice':
      return { choice: text === '' ? null : Number(text) };
    case 'approvals':
      return { approvals: list(';') };
    case 'scores':
      return { scores: list(';') };
    case 'allocation':
      return {
        allocation: Object.fromEntries(
          (text === '' ? [] : text.split(';')).map((part) => {
            const [index, points] = part.split(':');
            return [index ?? '', Number(points)];
          }),
        ),
      };
    case 'ranking':
      return { ranking: list('>') };
  }
}

export interface CountedWeight {
  row: DeclarationRow;
  /** Whose ballot this weight counted for: the person's own, or the end of their delegation chain. */
  countedWith: DeclarationRow;
}

export interface WeightLedger {
  /** Everyone whose weight counted: own ballots first (heaviest first), then delegators. */
  counted: CountedWeight[];
  /** Declared, but counted for no ballot (no vote and no delegate, or a chain that ended without a ballot). */
  notCounted: DeclarationRow[];
  weightCast: number;
  voters: number;
  delegators: number;
}

/**
 * Whose weight counted for which ballot, from the published rows: a ballot counts its voter's own weight; a
 * person who did not vote and whose delegation was followed counts for the ballot at the end of their chain.
 * The sums are those of the tally's turnout (weight cast, voters, through a delegate).
 */
export function weightLedger(rows: readonly DeclarationRow[]): WeightLedger {
  const byVoter = new Map(rows.filter((r) => r.voter).map((r) => [r.voter, r]));
  const chainEnd = (row: DeclarationRow): DeclarationRow | null => {
    const seen = new Set<string>();
    let at: DeclarationRow | undefined = row;
    while (at && !at.voted) {
      if (seen.has(at.voter)) return null;
      seen.add(at.voter);
      at = at.delegate ? byVoter.get(at.delegate) : undefined;
    }
    return at ?? null;
  };
  const own: CountedWeight[] = [];
  const followed: CountedWeight[] = [];
  const notCounted: DeclarationRow[] = [];
  for (const row of rows) {
    // a weight of 0 counts for nothing, as in the engine's turnout
    if (row.weight <= 0) continue;
    if (row.voted) own.push({ row, countedWith: row });
    // a public document names the delegate and leaves `via` empty; a published secret one says `followed`
    else if (row.via === 'followed' || (row.via === '' && row.delegate)) {
      const end = chainEnd(row);
      if (end) followed.push({ row, countedWith: end });
      else notCounted.push(row);
    } else notCounted.push(row);
  }
  const heaviest = (a: CountedWeight, b: CountedWeight) =>
    b.row.weight - a.row.weight || a.row.name.localeCompare(b.row.name);
  own.sort(heaviest);
  followed.sort(heaviest);
  const counted = [...own, ...followed];
  return {
    counted,
    notCounted,
    weightCast: counted.reduce((sum, c) => sum + c.row.weight, 0),
    voters: own.length,
    delegators: followed.length,
  };
}
