import { bearer } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { FormError } from '../ui/states';
import { useSubmit } from '../ui/useSubmit';
import { ApiError } from '../api/client';

/** The tally document (JSON, CSV) from which anyone can recount with `java -jar devolve-recount.jar`. */
export function Exports({ proposalId }: { proposalId: string }) {
  const { t } = useI18n();
  const download = useSubmit();
  const save = (format: 'json' | 'csv') =>
    download.run(async () => {
      const token = await bearer();
      const response = await fetch(`/api/v1/proposals/${proposalId}/export.${format}`, {
        headers: token ? { Authorization: `Bearer ${token}` } : {},
      });
      if (!response.ok) throw new ApiError({ status: response.status, detail: response.statusText });
      const url = URL.createObjectURL(await response.blob());
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
      <FormError error={download.error} />
    </section>
  );
}
