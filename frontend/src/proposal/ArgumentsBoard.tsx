import { useState } from 'react';
import { api, call } from '../api/client';
import { useLoad } from '../api/useLoad';
import type { Argument, ArgumentRevision, Proposal, Side } from '../api/types';
import { useMe } from '../auth/me';
import { useI18n } from '../i18n/i18n';
import { levelKey } from '../stake/levels';
import { ConfirmButton } from '../ui/ConfirmDialog';
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
              <ArgumentColumn
                key={side}
                side={side}
                items={(page.items ?? []).filter((a) => a.side === side)}
                proposalId={proposal.id!}
                changeable={proposal.phase === 'DELIBERATION' || proposal.phase === 'VOTING'}
                onChanged={list.reload}
              />
            ))}
          </div>
        )}
      </Region>
      {open && <ArgumentForm proposalId={proposal.id!} onPosted={list.reload} />}
    </section>
  );
}

function ArgumentColumn({
  side,
  items,
  proposalId,
  changeable,
  onChanged,
}: {
  side: Side;
  items: Argument[];
  proposalId: string;
  changeable: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  return (
    <section className={`argument-column side-${side.toLowerCase()}`} aria-labelledby={`side-${side}`}>
      <h3 id={`side-${side}`}>{t(`arguments.${side}`)}</h3>
      {items.length === 0 ? (
        <EmptyState>{t('arguments.none')}</EmptyState>
      ) : (
        <ul>
          {items.map((a) => (
            <ArgumentItem
              key={a.id}
              argument={a}
              proposalId={proposalId}
              changeable={changeable}
              onChanged={onChanged}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * One argument: its text (or that its author removed it, and when), who wrote it, "edited" with its earlier
 * versions, and for its author, while the proposal is open, Edit and Remove (asked first).
 */
export function ArgumentItem({
  argument: a,
  proposalId,
  changeable,
  onChanged,
}: {
  argument: Argument;
  proposalId: string;
  changeable: boolean;
  onChanged: () => void;
}) {
  const { t, dateTime } = useI18n();
  const me = useMe();
  const [editing, setEditing] = useState(false);
  const [historyShown, setHistoryShown] = useState(false);
  const [done, setDone] = useState<{ message: string; stamp: number }>({ message: '', stamp: 0 });
  const tell = (message: string) => setDone((d) => ({ message, stamp: d.stamp + 1 }));
  const remove = useSubmit();
  const removed = a.removedAt != null;
  const mine = a.author?.id === me.id && changeable && !removed;
  const path = { proposal: proposalId, argument: a.id! };
  return (
    <li className={removed ? 'argument removed' : 'argument'}>
      {removed ? (
        <p className="muted">
          <em>{t('argumentEdit.removed', { when: dateTime(a.removedAt) })}</em>
        </p>
      ) : editing ? (
        <ArgumentEditForm
          proposalId={proposalId}
          argument={a}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            tell(t('argumentEdit.saved'));
            onChanged();
          }}
        />
      ) : (
        <Markdown text={a.body} />
      )}
      <p className="small muted">
        {a.author?.displayName}
        {a.stakeLevel != null && ` · ${a.group ?? ''} · ${t(levelKey(a.stakeLevel))}`} · {dateTime(a.createdAt)}
        {a.editedAt && !removed && (
          <>
            {' · '}
            <button
              type="button"
              className="inline-link"
              aria-expanded={historyShown}
              onClick={() => setHistoryShown((s) => !s)}
            >
              {t('argumentEdit.edited', { when: dateTime(a.editedAt) })}
            </button>
          </>
        )}
      </p>
      {historyShown && a.editedAt && !removed && <ArgumentHistory proposalId={proposalId} argument={a} />}
      {mine && !editing && (
        <div className="argument-actions">
          <button
            type="button"
            className="small"
            aria-label={t('argumentEdit.editLabel')}
            onClick={() => setEditing(true)}
          >
            {t('argumentEdit.edit')}
          </button>
          <ConfirmButton
            className="small"
            title={t('argumentEdit.removeTitle')}
            body={<p>{t('argumentEdit.removeBody')}</p>}
            confirmLabel={t('argumentEdit.removeConfirm')}
            disabled={remove.busy}
            onConfirm={() =>
              void remove
                .run(() => call(api.DELETE('/api/v1/proposals/{proposal}/arguments/{argument}', { params: { path } })))
                .then((ok) => {
                  if (!ok) return;
                  tell(t('argumentEdit.removedDone'));
                  onChanged();
                })
            }
          >
            <span aria-hidden="true">{t('argumentEdit.remove')}</span>
            <span className="visually-hidden">{t('argumentEdit.removeLabel')}</span>
          </ConfirmButton>
        </div>
      )}
      <FormError error={remove.error} />
      <DoneNote message={done.message} stamp={done.stamp} />
    </li>
  );
}

function ArgumentEditForm({
  proposalId,
  argument,
  onCancel,
  onSaved,
}: {
  proposalId: string;
  argument: Argument;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [body, setBody] = useState(argument.body ?? '');
  const submit = useSubmit();
  const unchanged = body.trim() === (argument.body ?? '').trim();
  return (
    <form
      className="form compact argument-edit-form"
      noValidate
      onSubmit={submit.onSubmit(
        () =>
          call(
            api.PUT('/api/v1/proposals/{proposal}/arguments/{argument}', {
              params: { path: { proposal: proposalId, argument: argument.id! } },
              body: { body },
            }),
          ),
        onSaved,
      )}
    >
      <Field label={t('argumentEdit.body')} hint={t('form.markdownHint')} field="body" error={submit.error} max={10000}>
        <textarea value={body} onChange={(e) => setBody(e.target.value)} rows={4} />
      </Field>
      <FormError error={submit.error} />
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {t('action.cancel')}
        </button>
        <button
          type="submit"
          className="primary"
          disabled={submit.busy || unchanged || body.trim() === '' || body.length > 10000}
        >
          {t('argumentEdit.save')}
        </button>
      </div>
    </form>
  );
}

function ArgumentHistory({ proposalId, argument }: { proposalId: string; argument: Argument }) {
  const { t, dateTime } = useI18n();
  const list = useLoad(
    () =>
      call(
        api.GET('/api/v1/proposals/{proposal}/arguments/{argument}/revisions', {
          params: { path: { proposal: proposalId, argument: argument.id! }, query: { limit: '100' } },
        }),
      ),
    [proposalId, argument.id, argument.editedAt],
  );
  return (
    <Region loaded={list}>
      {(page) => (
        <div className="argument-history">
          <h4>{t('argumentEdit.history')}</h4>
          <ol>
            {(page.items ?? []).map((r: ArgumentRevision) => (
              <li key={r.replacedAt}>
                <p className="small muted">
                  {t('argumentEdit.written', { when: dateTime(r.writtenAt), replaced: dateTime(r.replacedAt) })}
                </p>
                <Markdown text={r.body} />
              </li>
            ))}
          </ol>
        </div>
      )}
    </Region>
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
