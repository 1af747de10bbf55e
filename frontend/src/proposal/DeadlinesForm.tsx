import { useState } from 'react';
import { api, call } from '../api/client';
import type { Proposal } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { instant, localInput } from '../newproposal/draft';
import { DateTimeField } from '../ui/DateTimeField';
import { FormError } from '../ui/states';
import { useSubmit } from '../ui/useSubmit';

/** When voting opens and closes by itself (the scheduler); each change is written to the ledger. */
export function DeadlinesForm({ proposal, onChange }: { proposal: Proposal; onChange: () => void }) {
  const { t } = useI18n();
  const [opens, setOpens] = useState(localInput(proposal.deliberationEndsAt));
  const [closes, setCloses] = useState(localInput(proposal.votingEndsAt));
  const submit = useSubmit();
  return (
    <form
      className="form compact"
      noValidate
      onSubmit={submit.onSubmit(
        () =>
          call(
            api.PUT('/api/v1/proposals/{proposal}/deadlines', {
              params: { path: { proposal: proposal.id! } },
              body: { deliberationEndsAt: instant(opens), votingEndsAt: instant(closes) },
            }),
          ),
        onChange,
      )}
    >
      <h3>{t('deadlines.title')}</h3>
      <div className="field-row">
        {proposal.phase === 'DELIBERATION' && (
          <DateTimeField
            label={t('new.deliberationEnds')}
            field="deliberationEndsAt"
            error={submit.error}
            value={opens}
            onChange={setOpens}
          />
        )}
        <DateTimeField
          label={t('new.votingEnds')}
          field="votingEndsAt"
          error={submit.error}
          value={closes}
          onChange={setCloses}
        />
      </div>
      <FormError error={submit.error} />
      <button type="submit" disabled={submit.busy}>
        {t('deadlines.save')}
      </button>
    </form>
  );
}
