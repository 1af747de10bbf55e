import { useI18n } from '../i18n/i18n';

/** Within this share of the limit, the counter is also said to screen readers (politely). */
const NEAR = 0.9;

/**
 * "120 / 200" under a text field with a maximum, so that nobody is cut off by surprise: the field takes more, and
 * the counter says by how much it is over. Near the limit, what is left is announced politely.
 */
export function CharCounter({ id, length, max }: { id: string; length: number; max: number }) {
  const { t, tn, number } = useI18n();
  const over = length - max;
  const near = length >= max * NEAR;
  return (
    <p className={over > 0 ? 'char-counter over' : 'char-counter'} id={id}>
      <span>{t('counter.value', { count: number(length), max: number(max) })}</span>{' '}
      <span className={over > 0 ? 'counter-over' : 'visually-hidden'} aria-live="polite">
        {over > 0 ? tn('counter.over', over) : near ? tn('counter.left', max - length) : ''}
      </span>
    </p>
  );
}

/** Whether a text is over its limit (then the form says so rather than sending it). */
export const overLimit = (text: string, max: number) => text.length > max;
