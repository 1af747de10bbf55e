import type { Stance } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { allocationShares, toggle, type Draft } from './ballot';
import { RankingControl } from './RankingControl';

const STANCES: Stance[] = ['FOR', 'AGAINST', 'ABSTAIN'];

/** The method's own ballot: stance buttons, one choice, approvals, scores, points to split, or a ranking. */
export function VoteControl({
  draft,
  labels,
  onChange,
}: {
  draft: Draft;
  labels: readonly string[];
  onChange: (draft: Draft) => void;
}) {
  const { t, percent } = useI18n();
  switch (draft.kind) {
    case 'stance':
      return (
        <fieldset className="stance-buttons">
          <legend>{t('vote.stanceLegend')}</legend>
          {STANCES.map((s) => (
            <label key={s} className={`stance stance-${s.toLowerCase()} ${draft.stance === s ? 'selected' : ''}`}>
              <input
                type="radio"
                name="stance"
                value={s}
                checked={draft.stance === s}
                onChange={() => onChange({ ...draft, stance: s })}
              />
              {t(`stance.${s}`)}
            </label>
          ))}
        </fieldset>
      );
    case 'choice':
      return (
        <fieldset>
          <legend>{t('vote.choiceLegend')}</legend>
          {labels.map((label, i) => (
            <label key={i} className="option">
              <input
                type="radio"
                name="choice"
                checked={draft.choice === i}
                onChange={() => onChange({ ...draft, choice: i })}
              />{' '}
              {label}
            </label>
          ))}
        </fieldset>
      );
    case 'approvals':
      return (
        <fieldset>
          <legend>{t('vote.approvalLegend')}</legend>
          {labels.map((label, i) => (
            <label key={i} className="option">
              <input
                type="checkbox"
                checked={draft.approvals.includes(i)}
                onChange={() => onChange({ ...draft, approvals: toggle(draft.approvals, i) })}
              />{' '}
              {label}
            </label>
          ))}
        </fieldset>
      );
    case 'scores':
      return (
        <fieldset>
          <legend>{t('vote.scoreLegend')}</legend>
          {labels.map((label, i) => (
            <div key={i} className="slider-row">
              <label htmlFor={`score-${i}`}>{label}</label>
              <input
                id={`score-${i}`}
                type="range"
                min={0}
                max={5}
                step={1}
                value={draft.scores[i] ?? 0}
                aria-valuetext={t('vote.scoreValue', { score: draft.scores[i] ?? 0 })}
                onChange={(e) =>
                  onChange({ ...draft, scores: draft.scores.map((s, j) => (j === i ? Number(e.target.value) : s)) })
                }
              />
              <output htmlFor={`score-${i}`}>{draft.scores[i] ?? 0}</output>
            </div>
          ))}
        </fieldset>
      );
    case 'allocation': {
      const shares = allocationShares(draft.points);
      return (
        <fieldset>
          <legend>{t('vote.allocationLegend')}</legend>
          {labels.map((label, i) => (
            <div key={i} className="slider-row">
              <label htmlFor={`points-${i}`}>{label}</label>
              <input
                id={`points-${i}`}
                type="number"
                min={0}
                max={100}
                value={draft.points[i] ?? 0}
                onChange={(e) =>
                  onChange({
                    ...draft,
                    points: draft.points.map((p, j) =>
                      j === i ? Math.max(0, Math.floor(Number(e.target.value) || 0)) : p,
                    ),
                  })
                }
              />
              <output htmlFor={`points-${i}`}>{percent(shares[i] ?? 0)}</output>
            </div>
          ))}
        </fieldset>
      );
    }
    case 'ranking':
      return (
        <fieldset>
          <legend>{t('vote.rankingLegend')}</legend>
          <RankingControl
            labels={labels}
            ranking={draft.ranking}
            onChange={(ranking) => onChange({ ...draft, ranking })}
          />
        </fieldset>
      );
  }
}
