import { useEffect, useRef, useState } from 'react';
import { api, call } from '../api/client';
import type { Phase } from '../api/types';
import { useLoad } from '../api/useLoad';
import { useI18n, type Translate } from '../i18n/i18n';
import { checkChain, eventInWords, GENESIS, type Entry, type EntryCheck } from '../ledger/chain';
import { Link } from '../router/router';
import { EmptyState, Region } from '../ui/states';
import { PHASE_KEYS } from '../ui/PhaseBadge';
import { plural } from '../results/plural';
import { MoreButton, useMore } from '../ui/useMore';

const PAGE = 100;

function entriesAfter(proposal: string, after: number) {
  return call(
    api.GET('/api/v1/proposals/{proposal}/ledger', {
      params: { path: { proposal }, query: { after: String(after), limit: String(PAGE) } },
    }),
  );
}

/**
 * The proposal's ledger, entry by entry, in words and as hashed; the reader's browser recomputes every hash
 * (Web Crypto) instead of trusting the service's word for it.
 */
export function LedgerScreen({ id }: { id: string }) {
  const { t } = useI18n();
  const loaded = useLoad(async () => {
    const [proposal, first] = await Promise.all([
      call(api.GET('/api/v1/proposals/{proposal}', { params: { path: { proposal: id } } })),
      entriesAfter(id, 0),
    ]);
    return { proposal, first };
  }, [id]);
  return (
    <Region loaded={loaded}>
      {({ proposal, first }) => (
        <article>
          <header className="page-header">
            <p className="eyebrow">
              <Link to={`/proposals/${id}`}>{proposal.title}</Link>
            </p>
            <h1>{t('ledger.screenTitle')}</h1>
            <p>{t('ledger.intro')}</p>
          </header>
          <Entries proposal={id} first={first.items ?? []} next={first.next ?? null} />
        </article>
      )}
    </Region>
  );
}

function Entries({ proposal, first, next: firstNext }: { proposal: string; first: Entry[]; next: number | null }) {
  const i18n = useI18n();
  const { t, dateTime } = i18n;
  const list = useMore({ items: first, next: firstNext }, (after: number) => entriesAfter(proposal, after));
  const entries = list.items;
  const [checks, setChecks] = useState<Map<number, EntryCheck> | null>(null);
  const checked = useRef(0);
  const canHash = typeof crypto !== 'undefined' && crypto.subtle !== undefined;

  // each entry's check depends only on the entry before it: a new page is checked from where the last one ended
  useEffect(() => {
    if (!canHash || checked.current >= entries.length) return;
    const from = checked.current;
    const last = entries[from - 1];
    const before = last ? { hash: last.hash ?? '', seq: last.seq ?? 0 } : { hash: GENESIS, seq: 0 };
    let current = true;
    void checkChain(entries.slice(from), before).then((results) => {
      if (!current) return;
      checked.current = entries.length;
      setChecks((shown) => new Map([...(shown ?? []), ...results.map((c) => [c.seq, c] as const)]));
    });
    return () => {
      current = false;
    };
  }, [entries, canHash]);

  if (entries.length === 0) return <EmptyState>{t('ledger.empty')}</EmptyState>;
  const firstBroken = checks && [...checks.values()].find((c) => !c.ok);
  const phase = (name: string) => (name in PHASE_KEYS ? t(PHASE_KEYS[name as Phase]) : name);
  return (
    <section className="panel" aria-labelledby="ledger-entries">
      <h2 id="ledger-entries" className="visually-hidden">
        {t('ledger.screenTitle')}
      </h2>
      <div data-testid="chain-check" aria-live="polite">
        {!canHash ? (
          <p className="notice">{t('ledger.noCrypto')}</p>
        ) : !checks ? (
          <p>{t('ledger.checking')}</p>
        ) : firstBroken && !firstBroken.ok ? (
          <p className="warning" role="alert">
            ✗ {t('ledger.checkFailed', { seq: firstBroken.seq, reason: t(`ledger.reason.${firstBroken.reason}`) })}
          </p>
        ) : (
          <p className="ok">✓ {plural(i18n, 'ledgerScreen.checked', entries.length)}</p>
        )}
      </div>
      <div className="breakdown">
        <table className="breakdown-table ledger-table" aria-labelledby="ledger-entries">
          <thead>
            <tr>
              <th scope="col">{t('ledger.seq')}</th>
              <th scope="col">{t('ledger.when')}</th>
              <th scope="col">{t('ledger.event')}</th>
              <th scope="col">{t('ledgerActor.who')}</th>
              <th scope="col">{t('ledger.hash')}</th>
              <th scope="col">{t('ledger.check')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => {
              const words = eventInWords(e, phase);
              const check = checks?.get(e.seq ?? 0);
              return (
                <tr key={e.seq} data-testid={`entry-${e.seq}`}>
                  <th scope="row">{e.seq}</th>
                  <td>{dateTime(e.recordedAt)}</td>
                  <td>
                    {t(words.key, words.vars)}
                    <details>
                      <summary className="small">{t('ledger.entryText')}</summary>
                      <pre className="entry-body">{pretty(e.body)}</pre>
                    </details>
                  </td>
                  <td>{actorInWords(e, t)}</td>
                  <td>
                    <code className="hash">{e.hash?.slice(0, 16)}</code>
                  </td>
                  <td>{check ? (check.ok ? `✓ ${t('ledger.ok')}` : `✗ ${t('ledger.bad')}`) : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <MoreButton list={list} label={t('ledger.more')} />
    </section>
  );
}

function pretty(body: string | undefined): string {
  try {
    return JSON.stringify(JSON.parse(body ?? ''), null, 2);
  } catch {
    return body ?? '';
  }
}

/**
 * Who made an entry: the member's name where the service gives it; the scheduler (a deadline); a secret
 * ballot's voter, who stays unnamed; otherwise the service itself.
 */
export function actorInWords(entry: Entry, t: Translate): string {
  if (entry.actor?.displayName) return entry.actor.displayName;
  let actor = '';
  try {
    actor = String((JSON.parse(entry.body ?? '{}') as { actor?: unknown }).actor ?? '');
  } catch {
    // an entry whose text is not JSON is still listed; its hash check says whether it was tampered with
  }
  if (actor === 'scheduler') return t('ledgerActor.scheduler');
  if (entry.kind === 'BALLOT_CAST' || entry.kind?.startsWith('DELEGATION')) return t('ledgerActor.secretVoter');
  return actor ? t('ledgerActor.unnamed') : '';
}
