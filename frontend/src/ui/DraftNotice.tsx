import { useI18n } from '../i18n/i18n';

/** "Draft restored" above a form whose unsaved text came back, with a way to throw it away. */
export function DraftNotice({ restoredAt, onDiscard }: { restoredAt: string | null; onDiscard: () => void }) {
  const { t, dateTime } = useI18n();
  if (!restoredAt) return null;
  return (
    <p className="notice draft-notice" role="status">
      {t('draft.restored', { when: dateTime(restoredAt) })}{' '}
      <button type="button" className="small" onClick={onDiscard}>
        {t('draft.discard')}
      </button>
    </p>
  );
}
