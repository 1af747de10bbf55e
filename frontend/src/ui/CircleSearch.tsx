import { api, call } from '../api/client';
import type { CircleSummary } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { SearchAndPick } from './SearchAndPick';

/** Finds any circle by name, slug or description (the directory's search) and offers one action on each. */
export function CircleSearch({
  label,
  action,
  onPick,
  busy = false,
  inForm = false,
}: {
  label: string;
  action: (name: string) => string;
  onPick: (circle: CircleSummary) => void;
  busy?: boolean;
  inForm?: boolean;
}) {
  const { t } = useI18n();
  return (
    <SearchAndPick
      label={label}
      find={async (q) =>
        (await call(api.GET('/api/v1/circles', { params: { query: { q, limit: '10' } } }))).items ?? []
      }
      show={(c) => (
        <>
          {c.name} <span className="muted">{c.slug}</span>
        </>
      )}
      name={(c) => c.name ?? ''}
      action={action}
      noneFound={t('directory.none')}
      onPick={onPick}
      busy={busy}
      inForm={inForm}
    />
  );
}
