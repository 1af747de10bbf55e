import { api, call } from '../api/client';
import type { MyBallot, Receipt as ReceiptView } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router/router';
import { FormError } from '../ui/states';
import { useSubmit } from '../ui/useSubmit';
import { useState } from 'react';
import { sha256 } from '../ledger/chain';
import { plural } from '../results/plural';

/** Whether the entry a receipt names commits to this ballot: SHA-256(salt ‖ the ballot's canonical JSON). */
async function sealedUnchanged(proposalId: string, ballot: MyBallot, seq: number): Promise<boolean> {
  if (!ballot.salt || !ballot.committed) return false;
  const page = await call(
    api.GET('/api/v1/proposals/{proposal}/ledger', {
      params: { path: { proposal: proposalId }, query: { after: String(seq - 1), limit: '1' } },
    }),
  );
  const body = page.items?.[0]?.body;
  if (!body) return false;
  const commitment = (JSON.parse(body) as { payload?: { commitment?: string } }).payload?.commitment;
  return commitment === (await sha256(ballot.salt + ballot.committed));
}

/** My ballot's receipt (the hash of its ledger entry) and a check that it is in the chain, intact. */
export function Receipt({ proposalId, ballot }: { proposalId: string; ballot: MyBallot }) {
  const i18n = useI18n();
  const { t, dateTime } = i18n;
  const [checked, setChecked] = useState<ReceiptView | null>(null);
  const [sealed, setSealed] = useState<boolean | null>(null);
  const [copied, setCopied] = useState(false);
  const verify = useSubmit();
  const receipt = ballot.receipt ?? '';
  return (
    <div className="receipt" data-testid="receipt">
      <p>{t('receipt.cast', { when: dateTime(ballot.castAt) })}</p>
      <p>
        {t('receipt.label')} <code className="hash">{receipt}</code>{' '}
        <button
          type="button"
          className="small"
          onClick={() =>
            void navigator.clipboard?.writeText(receipt).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {t('receiptHelp.copy')}
        </button>{' '}
        <span aria-live="polite" className="small">
          {copied ? t('receiptHelp.copied') : ''}
        </span>
      </p>
      <div className="receipt-help small" data-testid="receipt-help">
        <p>{t('receiptHelp.keep')}</p>
        <p>{t('receiptHelp.check')}</p>
      </div>
      <button
        type="button"
        className="small"
        disabled={verify.busy}
        onClick={() =>
          void verify.run(async () => {
            const found = await call(
              api.GET('/api/v1/proposals/{proposal}/ledger/receipts/{receipt}', {
                params: { path: { proposal: proposalId, receipt } },
              }),
            );
            setChecked(found);
            setSealed(found.intact ? await sealedUnchanged(proposalId, ballot, found.seq ?? 0) : false);
          })
        }
      >
        {t('receipt.verify')}
      </button>
      <p aria-live="polite">
        {checked &&
          (checked.intact ? (
            <>
              <span className="ok">
                ✓ {plural(i18n, 'receiptHelp.verified', checked.entriesAfter ?? 0, { seq: checked.seq ?? 0 })}
              </span>{' '}
              {sealed === true && (
                <span className="ok" data-testid="receipt-sealed">
                  ✓ {t('receipt.sealed')}
                </span>
              )}
              {sealed === false && <span className="warning">{t('receipt.notSealed')}</span>}{' '}
              <Link to={`/proposals/${proposalId}/ledger`}>{t('ledger.seeAll')}</Link>
            </>
          ) : (
            <span className="warning">{t('receipt.broken')}</span>
          ))}
      </p>
      <FormError error={verify.error} />
    </div>
  );
}
