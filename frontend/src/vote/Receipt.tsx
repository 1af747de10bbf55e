import { api, call } from '../api/client';
import type { MyBallot, Receipt as ReceiptView } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router/router';
import { FormError } from '../ui/states';
import { useSubmit } from '../ui/useSubmit';
import { useState } from 'react';

/** My ballot's receipt (the hash of its ledger entry) and a check that it is in the chain, intact. */
export function Receipt({ proposalId, ballot }: { proposalId: string; ballot: MyBallot }) {
  const { t, dateTime } = useI18n();
  const [checked, setChecked] = useState<ReceiptView | null>(null);
  const verify = useSubmit();
  const receipt = ballot.receipt ?? '';
  return (
    <div className="receipt" data-testid="receipt">
      <p>{t('receipt.cast', { when: dateTime(ballot.castAt) })}</p>
      <p>
        {t('receipt.label')} <code className="hash">{receipt}</code>
      </p>
      <button
        type="button"
        className="small"
        disabled={verify.busy}
        onClick={() =>
          void verify.run(async () =>
            setChecked(
              await call(api.GET('/api/v1/proposals/{proposal}/ledger/receipts/{receipt}', { params: { path: { proposal: proposalId, receipt } } })),
            ),
          )
        }
      >
        {t('receipt.verify')}
      </button>
      <p aria-live="polite">
        {checked &&
          (checked.intact ? (
            <>
              <span className="ok">✓ {t('receipt.verified', { seq: checked.seq ?? 0, after: checked.entriesAfter ?? 0 })}</span>{' '}
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
