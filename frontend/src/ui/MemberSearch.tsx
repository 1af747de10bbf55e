import { api, call } from '../api/client';
import type { MemberSummary } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { SearchAndPick } from './SearchAndPick';

/** Finds members by name and offers one action on each (add to a circle, delegate to). */
export function MemberSearch({
  label,
  action,
  onPick,
  busy,
}: {
  label: string;
  action: (name: string) => string;
  onPick: (member: MemberSummary) => void;
  busy: boolean;
}) {
  const { t } = useI18n();
  return (
    <SearchAndPick
      label={label}
      find={async (q) =>
        (await call(api.GET('/api/v1/members', { params: { query: { q, limit: '10' } } }))).items ?? []
      }
      show={(m) => (
        <>
          {m.displayName} <span className="muted">@{m.username}</span>
        </>
      )}
      name={(m) => m.displayName ?? ''}
      action={action}
      noneFound={t('member.noneFound')}
      onPick={onPick}
      busy={busy}
    />
  );
}
