import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import { move } from './ballot';

/**
 * Options in order of preference, reordered by drag and drop or by keyboard: Space or Enter picks an option
 * up, the arrow keys move it, Space or Enter drops it, Escape puts it back. Every move is announced.
 * Move-up and move-down buttons do the same in one step.
 */
export function RankingControl({
  labels,
  ranking,
  onChange,
}: {
  labels: readonly string[];
  ranking: number[];
  onChange: (ranking: number[]) => void;
}) {
  const { t } = useI18n();
  const [lifted, setLifted] = useState<{ option: number; before: number[] } | null>(null);
  const [dragged, setDragged] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const items = useRef(new Map<number, HTMLLIElement>());
  const focusAfterMove = useRef<number | null>(null);

  useEffect(() => {
    if (focusAfterMove.current !== null) {
      items.current.get(focusAfterMove.current)?.focus();
      focusAfterMove.current = null;
    }
  }, [ranking]);

  const name = (option: number) => labels[option] ?? String(option + 1);
  const moveTo = (option: number, to: number) => {
    const from = ranking.indexOf(option);
    const next = move(ranking, from, to);
    focusAfterMove.current = option;
    onChange(next);
    setAnnouncement(
      t('ranking.moved', { option: name(option), position: next.indexOf(option) + 1, count: next.length }),
    );
  };

  const rank = (option: number) => {
    onChange([...ranking, option]);
    setAnnouncement(t('ranking.added', { option: name(option), position: ranking.length + 1 }));
  };
  const unrank = (option: number) => {
    onChange(ranking.filter((o) => o !== option));
    setAnnouncement(t('ranking.removed', { option: name(option) }));
  };
  const unranked = labels.map((_, i) => i).filter((i) => !ranking.includes(i));

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>, option: number) => {
    if (event.target !== event.currentTarget) return; // the keys of its buttons are theirs
    const position = ranking.indexOf(option);
    if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      if (lifted?.option === option) {
        setLifted(null);
        setAnnouncement(t('ranking.dropped', { option: name(option), position: position + 1 }));
      } else {
        setLifted({ option, before: ranking });
        setAnnouncement(t('ranking.lifted', { option: name(option), position: position + 1 }));
      }
    } else if (lifted?.option === option && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      moveTo(option, position + (event.key === 'ArrowUp' ? -1 : 1));
    } else if (lifted?.option === option && event.key === 'Escape') {
      event.preventDefault();
      focusAfterMove.current = option;
      onChange(lifted.before);
      setLifted(null);
      setAnnouncement(t('ranking.cancelled', { option: name(option) }));
    }
  };

  return (
    <div className="ranking">
      <p className="hint" id="ranking-help">
        {t('ranking.partialHint')} {t('ranking.help')}
      </p>
      <h3 className="ranking-heading">{t('ranking.ranked')}</h3>
      {ranking.length === 0 && <p className="muted">{t('ranking.empty')}</p>}
      <ol className="ranking-list" aria-describedby="ranking-help">
        {ranking.map((option, position) => (
          <li
            key={option}
            ref={(el) => {
              if (el) items.current.set(option, el);
              else items.current.delete(option);
            }}
            tabIndex={0}
            draggable
            aria-roledescription={t('ranking.item')}
            aria-label={t('ranking.itemLabel', { option: name(option), position: position + 1, count: ranking.length })}
            className={[
              'ranking-item',
              lifted?.option === option ? 'lifted' : '',
              dragged === option ? 'dragging' : '',
            ].join(' ')}
            onKeyDown={(e) => onKeyDown(e, option)}
            onBlur={() => lifted?.option === option && focusAfterMove.current === null && setLifted(null)}
            onDragStart={(e) => {
              setDragged(option);
              e.dataTransfer.effectAllowed = 'move';
              e.dataTransfer.setData('text/plain', String(option));
            }}
            onDragOver={(e) => {
              if (dragged === null) return;
              e.preventDefault();
              if (dragged !== option) moveTo(dragged, position);
            }}
            onDrop={(e) => e.preventDefault()}
            onDragEnd={() => setDragged(null)}
            data-testid={`rank-${option}`}
          >
            <span className="rank" aria-hidden="true">
              {position + 1}
            </span>
            <span className="rank-label">{name(option)}</span>
            <span className="rank-buttons">
              <button
                type="button"
                className="small"
                tabIndex={-1}
                aria-hidden="true"
                disabled={position === 0}
                onClick={() => moveTo(option, position - 1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="small"
                tabIndex={-1}
                aria-hidden="true"
                disabled={position === ranking.length - 1}
                onClick={() => moveTo(option, position + 1)}
              >
                ↓
              </button>
              <button type="button" className="small" onClick={() => unrank(option)}>
                {t('ranking.remove', { option: name(option) })}
              </button>
            </span>
          </li>
        ))}
      </ol>
      {unranked.length > 0 && (
        <>
          <h3 className="ranking-heading">{t('ranking.unranked')}</h3>
          <ul className="ranking-unranked">
            {unranked.map((option) => (
              <li key={option} data-testid={`unranked-${option}`}>
                <span className="rank-label">{name(option)}</span>
                <button type="button" className="small" onClick={() => rank(option)}>
                  {t('ranking.add', { option: name(option) })}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="visually-hidden" role="status" aria-live="assertive">
        {announcement}
      </p>
    </div>
  );
}
