import { useId, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { EmptyState, FormError } from './states';
import { useSubmit } from './useSubmit';

/**
 * A search form that finds things by name and offers one action on each found (add a member, delegate to
 * someone, add a member circle). The results are announced to screen readers.
 */
export function SearchAndPick<T>({
  label,
  find,
  show,
  name,
  action,
  noneFound,
  onPick,
  busy,
  inForm = false,
}: {
  label: string;
  find: (query: string) => Promise<T[]>;
  show: (item: T) => ReactNode;
  name: (item: T) => string;
  action: (name: string) => string;
  noneFound: string;
  onPick: (item: T) => void;
  busy: boolean;
  /** Inside another form (a form may not hold a form): a search region whose Enter and button search here. */
  inForm?: boolean;
}) {
  const { t } = useI18n();
  const id = useId();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<T[] | null>(null);
  const search = useSubmit();
  const run = () => void search.run(async () => setFound(await find(query)));
  const Box = inForm ? 'div' : 'form';
  return (
    <Box
      className="member-search"
      role="search"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        run();
      }}
    >
      <label htmlFor={id}>{label}</label>
      <div className="inline">
        <input
          id={id}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (!inForm || e.key !== 'Enter') return;
            e.preventDefault(); // not the surrounding form's submit
            if (query.trim() !== '') run();
          }}
        />
        <button
          type={inForm ? 'button' : 'submit'}
          disabled={search.busy || query.trim() === ''}
          onClick={inForm ? run : undefined}
        >
          {t('action.search')}
        </button>
      </div>
      <FormError error={search.error} />
      <div aria-live="polite">
        {found && found.length === 0 && <EmptyState>{noneFound}</EmptyState>}
        {found && found.length > 0 && (
          <ul className="plain-list">
            {found.map((item, i) => (
              <li key={i}>
                <span>{show(item)}</span>
                <button
                  type="button"
                  className="small"
                  disabled={busy}
                  onClick={() => {
                    setFound(null);
                    setQuery('');
                    onPick(item);
                  }}
                >
                  {action(name(item))}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Box>
  );
}
