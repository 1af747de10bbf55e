import { useState } from 'react';
import { api, call } from '../api/client';
import type { GroupSpec, Proposal } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { LEVELS, levelKey } from '../stake/levels';
import { CircleSearch } from '../ui/CircleSearch';
import { Field } from '../ui/Field';
import { FormError } from '../ui/states';
import { useSubmit } from '../ui/useSubmit';

/**
 * During deliberation, those who may (ProposalPolicy: the facilitators; in a draft also the author) add a group
 * that discussion shows is affected too: any circle, found by search, or a described group.
 */
export function AddGroupForm({ proposal, onAdded }: { proposal: Proposal; onAdded: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [spec, setSpec] = useState<GroupSpec>({ circleId: null, name: '', howAffected: '', suggestedLevel: 3 });
  const [added, setAdded] = useState<string | null>(null);
  const add = useSubmit();
  const send = (group: GroupSpec) =>
    void add
      .run(() =>
        call(
          api.POST('/api/v1/proposals/{proposal}/groups', {
            params: { path: { proposal: proposal.id ?? '' } },
            body: group,
          }),
        ),
      )
      .then((ok) => {
        if (!ok) return;
        setAdded(group.name ?? '');
        setSpec({ circleId: null, name: '', howAffected: '', suggestedLevel: 3 });
        setOpen(false);
        onAdded();
      });
  if (!open)
    return (
      <div className="add-group">
        {added !== null && (
          <p role="status" className="success">
            {t('groups.added', { name: added })}
          </p>
        )}
        <button type="button" onClick={() => setOpen(true)}>
          {t('groups.add')}
        </button>
      </div>
    );
  return (
    <div className="add-group" role="group" aria-labelledby="add-group-title">
      <h3 id="add-group-title">{t('groups.add')}</h3>
      <p className="hint">{t('groups.addHint')}</p>
      <Field label={t('new.howAffected')} field="howAffected" error={add.error} max={2000}>
        <textarea
          value={spec.howAffected ?? ''}
          onChange={(e) => setSpec({ ...spec, howAffected: e.target.value })}
          rows={2}
        />
      </Field>
      <Field label={t('new.suggestedLevel')} field="suggestedLevel" error={add.error}>
        <select
          value={spec.suggestedLevel}
          onChange={(e) => setSpec({ ...spec, suggestedLevel: Number(e.target.value) })}
        >
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {l} · {t(levelKey(l))}
            </option>
          ))}
        </select>
      </Field>
      <CircleSearch
        label={t('groups.findCircle')}
        action={(name) => t('groups.addCircle', { name })}
        busy={add.busy}
        onPick={(c) => send({ ...spec, circleId: c.id ?? null, name: c.name ?? '' })}
      />
      <Field label={t('groups.describe')} field="name" error={add.error} max={200}>
        <input value={spec.name ?? ''} onChange={(e) => setSpec({ ...spec, name: e.target.value })} />
      </Field>
      <FormError error={add.error} />
      <div className="notification-actions">
        <button
          type="button"
          className="primary"
          disabled={add.busy || (spec.name ?? '').trim() === ''}
          onClick={() => send({ ...spec, circleId: null })}
        >
          {t('groups.addDescribed')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('action.cancel')}
        </button>
      </div>
    </div>
  );
}
