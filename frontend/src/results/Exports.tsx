import { api, call } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { FormError } from '../ui/states';
import { useSubmit } from '../ui/useSubmit';

/** The tally document (JSON, CSV) from which anyone can recount with `java -jar devolve-recount.jar`. */
export function Exports({ proposalId }: { proposalId: string }) {
  const { t } = useI18n();
  const download = useSubmit();
  const save = (format: 'json' | 'csv') =>
    download.run(async () => {
      const params = { params: { path: { proposal: proposalId } }, parseAs: 'blob' as const };
      const blob = await call(
        format === 'json'
          ? api.GET('/api/v1/proposals/{proposal}/export.json', params)
          : api.GET('/api/v1/proposals/{proposal}/export.csv', params),
      );
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `proposal-${proposalId}.${format}`;
      link.click();
      URL.revokeObjectURL(url);
    });
  return (
    <section className="panel" aria-labelledby="exports">
      <h2 id="exports">{t('exports.title')}</h2>
      <p className="small">{t('exports.explain')}</p>
      <div className="actions">
        <button type="button" disabled={download.busy} onClick={() => void save('json')}>
          {t('exports.json')}
        </button>
        <button type="button" disabled={download.busy} onClick={() => void save('csv')}>
          {t('exports.csv')}
        </button>
      </div>
      <p className="small">
        <a href="/api/v1/recount.jar" download="devolve-recount.jar" data-testid="recount-jar">
          {t('exports.jar')}
        </a>{' '}
        {t('exports.jarExplain')}
      </p>
      <FormError error={download.error} />
    </section>
  );
}
