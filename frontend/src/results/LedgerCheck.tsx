import { api, call } from '../api/client';
import { useLoad } from '../api/useLoad';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router/router';
import { Region } from '../ui/states';
import { plural } from './plural';

/** Recomputes the proposal's hash chain on the service and shows its head beside the one the tally used. */
export function LedgerCheck({
  proposalId,
  resultHead,
  resultSeq,
}: {
  proposalId: string;
  resultHead: string;
  /** How many entries the ledger had when the tally was computed. */
  resultSeq?: number | null | undefined;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const verification = useLoad(
    () => call(api.GET('/api/v1/proposals/{proposal}/ledger/verify', { params: { path: { proposal: proposalId } } })),
    [proposalId],
  );
  return (
    <section className="panel" aria-labelledby="ledger">
      <h2 id="ledger">{t('ledger.title')}</h2>
      <Region loaded={verification}>
        {(v) =>
          v.valid ? (
            <div data-testid="ledger-verified">
              <p className="ok">✓ {plural(i18n, 'ledgerCheck.verified', v.entries ?? 0)}</p>
              <Hashes head={v.head ?? ''} resultHead={resultHead} resultSeq={resultSeq} entries={v.entries ?? 0} />
            </div>
          ) : (
            <p className="warning" role="alert">
              ✗ {t('ledger.broken', { seq: v.firstBroken ?? 0, problem: v.problem ?? '' })}
            </p>
          )
        }
      </Region>
      <p>
        <Link to={`/proposals/${proposalId}/ledger`}>{t('ledger.seeAll')}</Link>
      </p>
    </section>
  );
}

/** The ledger's latest hash and the one the count was made from, each said in plain words, and compared. */
export function Hashes({
  head,
  resultHead,
  resultSeq,
  entries,
}: {
  head: string;
  resultHead: string;
  resultSeq?: number | null | undefined;
  entries?: number;
}) {
  const { t } = useI18n();
  return (
    <>
      <dl className="hashes small">
        <dt>{t('ledgerCheck.head')}</dt>
        <dd>
          <code className="hash">{head}</code>
          <span className="muted">{t('ledgerCheck.headExplain')}</span>
        </dd>
        {resultHead && (
          <>
            <dt>{t('ledgerCheck.resultHead')}</dt>
            <dd>
              <code className="hash">{resultHead}</code>
              <span className="muted">{t('ledgerCheck.resultHeadExplain')}</span>
            </dd>
          </>
        )}
      </dl>
      {resultHead && (
        <p className="small" data-testid="hashes-compared">
          {resultHead === head
            ? t('ledgerCheck.same')
            : resultSeq
              ? t('ledgerCheck.differAt', { seq: resultSeq, entries: entries ?? 0 })
              : t('ledgerCheck.differ')}
        </p>
      )}
    </>
  );
}
