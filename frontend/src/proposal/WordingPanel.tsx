import { useState } from 'react';
import { api, call } from '../api/client';
import { useLoad } from '../api/useLoad';
import type { Proposal, ProposalRevision, ProposalRevisionChange } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { DoneNote } from '../ui/DoneNote';
import { Field } from '../ui/Field';
import { EmptyState, FormError, Region } from '../ui/states';
import { useSubmit } from '../ui/useSubmit';

/**
 * Corrections of an open proposal's wording: the form for its author and the facilitators (during deliberation and
 * voting), and the edit history everyone reads (who, when, why, each field before → after).
 */
export function WordingPanel({ proposal, onCorrected }: { proposal: Proposal; onCorrected: () => void }) {
  const { t, tn } = useI18n();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(0);
  const [historyShown, setHistoryShown] = useState(false);
  const revisions = proposal.revisions ?? 0;
  if (!proposal.my?.canCorrect && revisions === 0) return null;
  return (
    <section className="panel wording-panel" aria-labelledby="wording-history">
      <h2 id="wording-history">{t('history.title')}</h2>
      <p className="small">{revisions > 0 ? tn('history.count', revisions) : t('history.none')}</p>
      <DoneNote message={t('correction.saved')} stamp={saved} />
      {proposal.my?.canCorrect && !editing && (
        <button type="button" onClick={() => setEditing(true)}>
          {t('correction.open')}
        </button>
      )}
      {editing && (
        <CorrectionForm
          proposal={proposal}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            setSaved((n) => n + 1);
            setHistoryShown(true);
            onCorrected();
          }}
        />
      )}
      {revisions > 0 &&
        (historyShown ? (
          <RevisionList proposalId={proposal.id!} version={revisions} />
        ) : (
          <button type="button" className="small" onClick={() => setHistoryShown(true)}>
            {t('history.show')}
          </button>
        ))}
    </section>
  );
}

function CorrectionForm({
  proposal,
  onCancel,
  onSaved,
}: {
  proposal: Proposal;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const submit = useSubmit();
  const [title, setTitle] = useState(proposal.title ?? '');
  const [summary, setSummary] = useState(proposal.summary ?? '');
  const [body, setBody] = useState(proposal.body ?? '');
  const originalOptions = (proposal.options ?? []).map((o) => o.label ?? '');
  const [options, setOptions] = useState(originalOptions);
  const [note, setNote] = useState('');
  const optionsChanged = options.some((label, i) => label !== originalOptions[i]);
  const changed =
    title !== (proposal.title ?? '') || summary !== (proposal.summary ?? '') || body !== (proposal.body ?? '');
  const anyChange = changed || optionsChanged;
  return (
    <form
      className="form compact correction-form"
      noValidate
      onSubmit={submit.onSubmit(
        () =>
          call(
            api.POST('/api/v1/proposals/{proposal}/corrections', {
              params: { path: { proposal: proposal.id! } },
              body: {
                ...(title !== (proposal.title ?? '') ? { title } : {}),
                ...(summary !== (proposal.summary ?? '') ? { summary } : {}),
                ...(body !== (proposal.body ?? '') ? { body } : {}),
                ...(optionsChanged ? { options } : {}),
                note,
              },
            }),
          ),
        onSaved,
      )}
    >
      <h3>{t('correction.title')}</h3>
      <p className="hint">{t('correction.explain')}</p>
      <Field label={t('correction.titleField')} field="title" error={submit.error} max={200}>
        <input value={title} onChange={(e) => setTitle(e.target.value)} />
      </Field>
      <Field label={t('correction.summary')} field="summary" error={submit.error} max={1000}>
        <textarea value={summary} onChange={(e) => setSummary(e.target.value)} rows={2} />
      </Field>
      <Field label={t('correction.body')} hint={t('form.markdownHint')} field="body" error={submit.error} max={50000}>
        <textarea value={body} onChange={(e) => setBody(e.target.value)} rows={6} />
      </Field>
      {options.map((label, i) => (
        <Field
          key={i}
          label={t('correction.option', { n: i + 1 })}
          field={`options[${i}]`}
          error={submit.error}
          max={200}
        >
          <input value={label} onChange={(e) => setOptions(options.map((o, j) => (j === i ? e.target.value : o)))} />
        </Field>
      ))}
      <Field label={t('correction.note')} hint={t('correction.noteHint')} field="note" error={submit.error} max={300}>
        <input value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <FormError error={submit.error} />
      {!anyChange && <p className="small muted">{t('correction.unchanged')}</p>}
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {t('action.cancel')}
        </button>
        <button type="submit" className="primary" disabled={submit.busy || !anyChange}>
          {t('correction.save')}
        </button>
      </div>
    </form>
  );
}

function fieldLabel(field: string, t: ReturnType<typeof useI18n>['t']): string {
  const option = /^options\[(\d+)]$/.exec(field);
  if (option) return t('history.field.option', { n: Number(option[1]) + 1 });
  if (field === 'title') return t('history.field.title');
  if (field === 'summary') return t('history.field.summary');
  if (field === 'body') return t('history.field.body');
  return field;
}

function RevisionList({ proposalId, version }: { proposalId: string; version: number }) {
  const { t, dateTime } = useI18n();
  const list = useLoad(
    () =>
      call(
        api.GET('/api/v1/proposals/{proposal}/revisions', {
          params: { path: { proposal: proposalId }, query: { limit: '100' } },
        }),
      ),
    [proposalId, version],
  );
  return (
    <Region loaded={list}>
      {(page) =>
        (page.items ?? []).length === 0 ? (
          <EmptyState>{t('arguments.none')}</EmptyState>
        ) : (
          <ol className="revision-list" aria-label={t('history.title')}>
            {(page.items ?? []).map((r: ProposalRevision) => (
              <li key={r.revision} className="revision">
                <p>
                  <strong>{r.note}</strong>{' '}
                  <span className="small muted">
                    {t('history.by', { who: r.editor?.displayName ?? '', when: dateTime(r.editedAt) })}
                  </span>
                </p>
                <dl className="revision-changes">
                  {(r.changes ?? []).map((c: ProposalRevisionChange) => (
                    <div key={c.field} className="revision-change">
                      <dt>{fieldLabel(c.field ?? '', t)}</dt>
                      <dd>
                        <span className="visually-hidden">{t('history.before')}: </span>
                        <del>{c.before || t('history.empty')}</del>
                        <span aria-hidden="true"> → </span>
                        <span className="visually-hidden">{t('history.after')}: </span>
                        <ins>{c.after || t('history.empty')}</ins>
                      </dd>
                    </div>
                  ))}
                </dl>
              </li>
            ))}
          </ol>
        )
      }
    </Region>
  );
}
