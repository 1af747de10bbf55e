import { useId, useState } from 'react';
import { api, call } from '../api/client';
import type { MemberSummary } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { EmptyState, FormError } from './states';
import { useSubmit } from './useSubmit';

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
  const id = useId();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<MemberSummary[] | null>(null);
  const search = useSubmit();
  return (
    <form
      className="member-search"
      role="search"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        void search.run(async () => {
          const page = await call(api.GET('/api/v1/members', { params: { query: { q: query, limit: '10' } } }));
          setFound(page.items ?? []);
        });
      }}
    >
      <label htmlFor={id}>{label}</label>
      <div className="inline">
        <input id={id} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        <button type="submit" disabled={search.busy || query.trim() === ''}>
          {t('action.search')}
        </button>
      </div>
      <FormError error={search.error} />
      <div aria-live="polite">
        {found && found.length === 0 && <EmptyState>{t('member.noneFound')}</EmptyState>}
        {found && found.length > 0 && (
          <ul className="plain-list">
            {found.map((m) => (
              <li key={m.id}>
                <span>
                  {m.displayName} <span className="muted">@{m.username}</span>
                </span>
                <button type="button" className="small" disabled={busy} onClick={() => {
                    setFound(null);
                    setQuery('');
                    onPick(m);
                  }}>
                  {action(m.displayName ?? '')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </form>
  );
}
