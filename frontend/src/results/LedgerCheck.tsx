import { api, call } from '../api/client';
import { useLoad } from '../api/useLoad';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router/router';
import { Region } from '../ui/states';

/** Recomputes the proposal's hash chain on the service and shows its head beside the one the tally used. */
export function LedgerCheck({ proposalId, resultHead }: { proposalId: string; resultHead: string }) {
  const { t, number } = useI18n();
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
              <p className="ok">✓ {t('ledger.verified', { entries: number(v.entries ?? 0) })}</p>
              <p className="small">
                {t('ledger.head')} <code className="hash">{v.head}</code>
              </p>
              {resultHead && (
                <p className="small">
                  {t('ledger.resultHead')} <code className="hash">{resultHead}</code>
                </p>
              )}
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
