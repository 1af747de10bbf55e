import { useState } from 'react';
import { api, call } from '../api/client';
import { useLoad } from '../api/useLoad';
import type { Argument, Proposal, Side } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { levelKey } from '../stake/levels';
import { DoneNote } from '../ui/DoneNote';
import { DraftNotice } from '../ui/DraftNotice';
import { Field } from '../ui/Field';
import { Markdown } from '../ui/Markdown';
import { EmptyState, FormError, Region } from '../ui/states';
import { useDraft } from '../ui/useDraft';
import { useSubmit } from '../ui/useSubmit';

const SIDES: Side[] = ['FOR', 'AGAINST', 'OTHER'];

/** Arguments in three columns: for, against, and other framings (a plurality of narratives, not one). */
export function ArgumentsBoard({ proposal, version }: { proposal: Proposal; version: number }) {
  const { t } = useI18n();
  const list = useLoad(
    () =>
      call(
        api.GET('/api/v1/proposals/{proposal}/arguments', {
          params: { path: { proposal: proposal.id! }, query: { limit: '100' } },
        }),
      ),
    [proposal.id, version],
  );
  const open = (proposal.phase === 'DELIBERATION' || proposal.phase === 'VOTING') && proposal.my?.canTakePart;
  return (
    <section className="panel" aria-labelledby="arguments">
      <h2 id="arguments">{t('arguments.title')}</h2>
      <Region loaded={list}>
        {(page) => (
          <div className="argument-columns">
            {SIDES.map((side) => (
              <ArgumentColumn key={side} side={side} items={(page.items ?? []).filter((a) => a.side === side)} />
            ))}
          </div>
        )}
      </Region>
      {open && <ArgumentForm proposalId={proposal.id!} onPosted={list.reload} />}
    </section>
  );
}

function ArgumentColumn({ side, items }: { side: Side; items: Argument[] }) {
  const { t, dateTime } = useI18n();
  return (
    <section className={`argument-column side-${side.toLowerCase()}`} aria-labelledby={`side-${side}`}>
      <h3 id={`side-${side}`}>{t(`arguments.${side}`)}</h3>
      {items.length === 0 ? (
        <EmptyState>{t('arguments.none')}</EmptyState>
      ) : (
        <ul>
          {items.map((a) => (
            <li key={a.id} className="argument">
              <Markdown text={a.body} />
              <p className="small muted">
                {a.author?.displayName}
                {a.stakeLevel != null && ` · ${a.group ?? ''} · ${t(levelKey(a.stakeLevel))}`} · {dateTime(a.createdAt)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const EMPTY: { side: Side; body: string } = { side: 'FOR', body: '' };

function ArgumentForm({ proposalId, onPosted }: { proposalId: string; onPosted: () => void }) {
  const { t } = useI18n();
  const draft = useDraft(`argument.${proposalId}`, EMPTY);
  const { side, body } = draft.value;
  const setSide = (next: Side) => draft.set((d) => ({ ...d, side: next }));
  const setBody = (next: string) => draft.set((d) => ({ ...d, body: next }));
  const submit = useSubmit();
  const [posted, setPosted] = useState(0);
  return (
    <form
      className="form compact argument-form"
      noValidate
      onSubmit={submit.onSubmit(
        () =>
          call(
            api.POST('/api/v1/proposals/{proposal}/arguments', {
              params: { path: { proposal: proposalId } },
              body: { side, body },
            }),
          ),
        () => {
          draft.clear();
          draft.set(() => EMPTY);
          setPosted((n) => n + 1);
          onPosted();
        },
      )}
    >
      <DraftNotice restoredAt={draft.restoredAt} onDiscard={draft.discard} />
      <fieldset>
        <legend>{t('arguments.side')}</legend>
        {SIDES.map((s) => (
          <label key={s} className="radio">
            <input type="radio" name="argument-side" value={s} checked={side === s} onChange={() => setSide(s)} />{' '}
            {t(`arguments.${s}`)}
          </label>
        ))}
      </fieldset>
      <Field label={t('arguments.body')} hint={t('form.markdownHint')} field="body" error={submit.error} max={10000}>
        <textarea value={body} onChange={(e) => setBody(e.target.value)} rows={3} />
      </Field>
      <FormError error={submit.error} />
      <DoneNote message={t('arguments.posted')} stamp={posted} />
      <button type="submit" className="primary" disabled={submit.busy || body.trim() === '' || body.length > 10000}>
        {t('arguments.post')}
      </button>
    </form>
  );
}
