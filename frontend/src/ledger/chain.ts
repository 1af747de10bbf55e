import type { LedgerEntry } from '../api/types';
import type { MessageKey } from '../i18n/en';

/** One ledger entry as the service lists it. */
export type Entry = LedgerEntry;

/** The hash before the first entry. */
export const GENESIS = '0'.repeat(64);

export type Digest = (text: string) => Promise<string>;

/** SHA-256 of the UTF-8 text, as 64 lower-case hex digits, computed by the browser (Web Crypto). */
export const sha256: Digest = async (text) => {
  const bytes = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
};

export type EntryCheck = { seq: number; ok: true } | { seq: number; ok: false; reason: 'hash' | 'link' | 'seq' };

/**
 * Checks entries the way the service's verify endpoint does, but here, with the reader's own SHA-256: each
 * entry follows the previous one (its `prevHash` is the hash before it, its number the next), and its hash
 * is SHA-256(prevHash ‖ body). `before` is the hash and number the first entry must follow.
 */
export async function checkChain(
  entries: readonly Entry[],
  before: { hash: string; seq: number },
  digest: Digest = sha256,
): Promise<EntryCheck[]> {
  const checks: EntryCheck[] = [];
  let previous = before;
  for (const e of entries) {
    const seq = e.seq ?? 0;
    if (seq !== previous.seq + 1) checks.push({ seq, ok: false, reason: 'seq' });
    else if (e.prevHash !== previous.hash) checks.push({ seq, ok: false, reason: 'link' });
    else if ((await digest((e.prevHash ?? '') + (e.body ?? ''))) !== e.hash)
      checks.push({ seq, ok: false, reason: 'hash' });
    else checks.push({ seq, ok: true });
    previous = { hash: e.hash ?? '', seq };
  }
  return checks;
}

/**
 * What an entry records, in words: a message and its values, read from the entry's canonical body.
 * `phase` names a phase in the reader's language.
 */
export function eventInWords(
  entry: Entry,
  phase: (name: string) => string,
): { key: MessageKey; vars: Record<string, string | number> } {
  let payload: Record<string, unknown> = {};
  try {
    payload = ((JSON.parse(entry.body ?? '{}') as { payload?: Record<string, unknown> }).payload ?? {}) as Record<
      string,
      unknown
    >;
  } catch {
    // a body that is not JSON is still listed, by its kind; its hash check says whether it was tampered with
  }
  const text = (name: string) => (typeof payload[name] === 'string' ? (payload[name] as string) : '');
  const level = typeof payload.level === 'number' ? payload.level : 0;
  switch (entry.kind) {
    case 'PROPOSAL_CREATED':
      return { key: 'event.PROPOSAL_CREATED', vars: { title: text('title') } };
    case 'PHASE_CHANGED':
      return {
        key: text('trigger') === 'DEADLINE' ? 'event.PHASE_CHANGED_DEADLINE' : 'event.PHASE_CHANGED',
        vars: { from: phase(text('from')), to: phase(text('to')) },
      };
    case 'STAKE_DECLARED':
      return { key: 'event.STAKE_DECLARED', vars: { level } };
    case 'STAKE_CHALLENGED':
      return { key: 'event.STAKE_CHALLENGED', vars: { level } };
    case 'CHALLENGE_RESOLVED':
      return {
        key: text('decision') === 'LOWERED' ? 'event.CHALLENGE_LOWERED' : 'event.CHALLENGE_UPHELD',
        vars: { level },
      };
    case 'BALLOT_CAST':
      return { key: text('replaces') ? 'event.BALLOT_CHANGED' : 'event.BALLOT_CAST', vars: {} };
    case 'PROPOSAL_CORRECTED':
      return { key: 'event.PROPOSAL_CORRECTED', vars: { note: text('note') } };
    case 'DEADLINES_CHANGED':
    case 'GROUP_ADDED':
    case 'CHALLENGE_ANSWERED':
    case 'DELEGATION_SET':
    case 'DELEGATION_REVOKED':
    case 'TALLY_COMPUTED':
      return { key: `event.${entry.kind}`, vars: {} };
    default:
      return { key: 'event.other', vars: { kind: entry.kind ?? '' } };
  }
}
