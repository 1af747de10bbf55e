import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkChain, eventInWords, GENESIS, sha256, type Entry } from './chain';

const digest = async (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A chain built the way the service builds it: hash = SHA-256(previous hash ‖ body). */
async function chain(bodies: string[]): Promise<Entry[]> {
  const entries: Entry[] = [];
  let prev = GENESIS;
  for (const [i, body] of bodies.entries()) {
    const hash = await digest(prev + body);
    entries.push({ seq: i + 1, prevHash: prev, hash, body });
    prev = hash;
  }
  return entries;
}

describe('the ledger checked in the browser', () => {
  it('computes SHA-256 as the service does (UTF-8, lower-case hex)', async () => {
    expect(await sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256('écu')).toBe(await digest('écu'));
  });

  it('finds an intact chain intact, page after page', async () => {
    const entries = await chain(['{"seq":1}', '{"seq":2}', '{"seq":3,"reason":"Wohnung über dem Hof"}']);
    expect(await checkChain(entries, { hash: GENESIS, seq: 0 })).toEqual([1, 2, 3].map((seq) => ({ seq, ok: true })));
    const second = entries.slice(2);
    expect(await checkChain(second, { hash: entries[1]!.hash!, seq: 2 })).toEqual([{ seq: 3, ok: true }]);
  });

  it('names an entry whose body was changed, one that does not follow the one before, and a gap', async () => {
    const entries = await chain(['{"level":5}', '{"level":2}', '{"level":3}']);
    const edited = entries.map((e, i) => (i === 1 ? { ...e, body: '{"level":1}' } : e));
    expect((await checkChain(edited, { hash: GENESIS, seq: 0 })).map((c) => c.ok)).toEqual([true, false, true]);
    expect((await checkChain(edited, { hash: GENESIS, seq: 0 }))[1]).toEqual({ seq: 2, ok: false, reason: 'hash' });
    const relinked = [entries[0]!, { ...entries[2]!, seq: 2 }];
    expect((await checkChain(relinked, { hash: GENESIS, seq: 0 }))[1]).toEqual({ seq: 2, ok: false, reason: 'link' });
    expect((await checkChain([entries[0]!, entries[2]!], { hash: GENESIS, seq: 0 }))[1]).toEqual({
      seq: 3,
      ok: false,
      reason: 'seq',
    });
  });
});

describe('ledger events in words', () => {
  const phase = (p: string) => p.toLowerCase();
  const entry = (kind: string, payload: object): Entry => ({ kind, body: JSON.stringify({ kind, payload }) });

  it('reads the phase change, who triggered it, and the levels', () => {
    expect(eventInWords(entry('PHASE_CHANGED', { from: 'VOTING', to: 'CLOSED', trigger: 'DEADLINE' }), phase)).toEqual({
      key: 'event.PHASE_CHANGED_DEADLINE',
      vars: { from: 'voting', to: 'closed' },
    });
    expect(
      eventInWords(entry('PHASE_CHANGED', { from: 'DRAFT', to: 'DELIBERATION', trigger: 'MANUAL' }), phase).key,
    ).toBe('event.PHASE_CHANGED');
    expect(eventInWords(entry('STAKE_DECLARED', { level: 4 }), phase)).toEqual({
      key: 'event.STAKE_DECLARED',
      vars: { level: 4 },
    });
    expect(eventInWords(entry('CHALLENGE_RESOLVED', { decision: 'LOWERED', level: 3 }), phase)).toEqual({
      key: 'event.CHALLENGE_LOWERED',
      vars: { level: 3 },
    });
  });

  it('tells a changed ballot from a first one, and still lists an unknown or unreadable entry', () => {
    expect(eventInWords(entry('BALLOT_CAST', { voter: 'p-1', replaces: 'ab' }), phase).key).toBe(
      'event.BALLOT_CHANGED',
    );
    expect(eventInWords(entry('BALLOT_CAST', { voter: 'p-1' }), phase).key).toBe('event.BALLOT_CAST');
    expect(eventInWords(entry('PROPOSAL_CORRECTED', { revision: 1, note: 'typo in the title' }), phase)).toEqual({
      key: 'event.PROPOSAL_CORRECTED',
      vars: { note: 'typo in the title' },
    });
    expect(eventInWords({ kind: 'SOMETHING_NEW', body: 'not json' }, phase)).toEqual({
      key: 'event.other',
      vars: { kind: 'SOMETHING_NEW' },
    });
  });
});
