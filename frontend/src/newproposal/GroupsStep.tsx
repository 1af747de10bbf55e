import type { CircleSummary, GroupSpec } from '../api/types';
import { useMe } from '../auth/me';
import { useI18n } from '../i18n/i18n';
import { LEVELS, levelKey } from '../stake/levels';
import { CircleSearch } from '../ui/CircleSearch';
import { Field } from '../ui/Field';
import { FieldErrors } from '../ui/states';
import type { StepProps } from './step';

const DESCRIBED = '';

/** Who the decision affects: circles, or described groups ("tenants of building C"), with a suggested level. */
export function GroupsStep({ draft, set, error, deciding }: StepProps & { deciding: CircleSummary }) {
  const { t } = useI18n();
  const mine = useMe().circles ?? [];
  const known = mine.some((c) => c.id === deciding.id) ? mine : [deciding, ...mine];
  // any circle may be affected (the neighbourhood that bears the cost): one found by search is offered as well,
  // named by the group's name, which picking it sets
  const circles = [
    ...known,
    ...draft.groups
      .filter((g) => g.circleId && !known.some((c) => c.id === g.circleId))
      .map((g) => ({ id: g.circleId ?? '', name: g.name ?? g.circleId ?? '' })),
  ].filter((c, i, all) => all.findIndex((o) => o.id === c.id) === i);
  const groups = draft.groups;
  const update = (i: number, patch: Partial<GroupSpec>) =>
    set({ groups: groups.map((g, j) => (j === i ? { ...g, ...patch } : g)) });
  return (
    <fieldset className="step" data-field="affectedGroups" data-label={t('new.stepGroups')}>
      <legend>{t('new.stepGroups')}</legend>
      <p className="hint">{t('new.groupsHint')}</p>
      <FieldErrors id="groups-error" error={error} field="affectedGroups" />
      {groups.map((g, i) => (
        <div className="group-editor" key={i}>
          <h3>{t('new.group', { n: i + 1 })}</h3>
          <Field label={t('new.groupWho')} field={`affectedGroups[${i}].circleId`} error={error}>
            <select
              value={g.circleId ?? DESCRIBED}
              onChange={(e) => {
                const id = e.target.value;
                update(
                  i,
                  id
                    ? { circleId: id, name: circles.find((c) => c.id === id)?.name ?? '' }
                    : { circleId: null, name: '' },
                );
              }}
            >
              {circles.map((c) => (
                <option key={c.id} value={c.id}>
                  {t('new.groupCircle', { name: c.name ?? '' })}
                </option>
              ))}
              <option value={DESCRIBED}>{t('new.groupDescribed')}</option>
            </select>
          </Field>
          <CircleSearch
            inForm
            label={t('new.groupFind')}
            action={(name) => t('new.groupFindAction', { name })}
            onPick={(c) => update(i, { circleId: c.id ?? null, name: c.name ?? '' })}
          />
          {!g.circleId && (
            <Field label={t('new.groupName')} field={`affectedGroups[${i}].name`} error={error} max={200}>
              <input value={g.name ?? ''} onChange={(e) => update(i, { name: e.target.value })} />
            </Field>
          )}
          <Field label={t('new.howAffected')} field={`affectedGroups[${i}].howAffected`} error={error} max={2000}>
            <textarea
              value={g.howAffected ?? ''}
              onChange={(e) => update(i, { howAffected: e.target.value })}
              rows={2}
            />
          </Field>
          <Field
            label={t('new.suggestedLevel')}
            hint={t('new.suggestedHint')}
            field={`affectedGroups[${i}].suggestedLevel`}
            error={error}
          >
            <select value={g.suggestedLevel} onChange={(e) => update(i, { suggestedLevel: Number(e.target.value) })}>
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {l} · {t(levelKey(l))}
                </option>
              ))}
            </select>
          </Field>
          {groups.length > 1 && (
            <button type="button" className="small" onClick={() => set({ groups: groups.filter((_, j) => j !== i) })}>
              {t('new.removeGroup', { n: i + 1 })}
            </button>
          )}
        </div>
      ))}
      {groups.length < 20 && (
        <button
          type="button"
          onClick={() => set({ groups: [...groups, { circleId: null, name: '', howAffected: '', suggestedLevel: 3 }] })}
        >
          {t('new.addGroup')}
        </button>
      )}
    </fieldset>
  );
}
