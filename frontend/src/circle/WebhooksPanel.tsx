import { useState } from 'react';
import { api, call } from '../api/client';
import { useLoad } from '../api/useLoad';
import type {
  Circle,
  WebhookDelivery as Delivery,
  WebhookEndpoint as Endpoint,
  WebhookEndpointChange,
} from '../api/types';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { ConfirmButton } from '../ui/ConfirmDialog';
import { DoneNote } from '../ui/DoneNote';
import { Field } from '../ui/Field';
import { EmptyState, FormError, Region } from '../ui/states';
import { MoreButton, useMore, type Page } from '../ui/useMore';
import { useSubmit } from '../ui/useSubmit';

/** The events an endpoint may want, in the order the API documents them, with their human names. */
export const EVENTS: { type: string; key: MessageKey }[] = [
  { type: 'proposal.deliberation_opened', key: 'webhooks.event.deliberationOpened' },
  { type: 'proposal.voting_opened', key: 'webhooks.event.votingOpened' },
  { type: 'proposal.closed', key: 'webhooks.event.closed' },
  { type: 'proposal.withdrawn', key: 'webhooks.event.withdrawn' },
  { type: 'challenge.raised', key: 'webhooks.event.challengeRaised' },
  { type: 'challenge.resolved', key: 'webhooks.event.challengeResolved' },
];

/** The path of one endpoint's actions. */
function at(circle: Circle, endpoint: Endpoint) {
  return { circle: circle.id!, endpoint: endpoint.id! };
}

/**
 * For the circle's facilitators and admins: the webhook endpoints that receive the circle's events, signed.
 * A secret is shown once, right after registering or rotating, and only kept in this component's state.
 */
export function WebhooksPanel({ circle }: { circle: Circle }) {
  const { t } = useI18n();
  const path = { circle: circle.id! };
  const endpoints = useLoad(
    () => call(api.GET('/api/v1/circles/{circle}/webhooks', { params: { path } })),
    [circle.id],
  );
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  return (
    <section className="panel" aria-labelledby="webhooks">
      <h2 id="webhooks">{t('webhooks.title')}</h2>
      <p className="hint">{t('webhooks.intro')}</p>
      {secret && <SecretOnce shown={secret} onClose={() => setSecret(null)} />}
      <Region loaded={endpoints}>
        {(list) =>
          (list.items ?? []).length === 0 ? (
            <EmptyState>{t('webhooks.none')}</EmptyState>
          ) : (
            <ul className="plain-list">
              {(list.items ?? []).map((e) => (
                <EndpointItem
                  key={`${e.id}|${e.updatedAt}`}
                  circle={circle}
                  endpoint={e}
                  onChange={endpoints.reload}
                  onSecret={setSecret}
                />
              ))}
            </ul>
          )
        }
      </Region>
      <RegisterForm
        circle={circle}
        onRegistered={(shown) => {
          setSecret(shown);
          endpoints.reload();
        }}
      />
    </section>
  );
}

/** The secret, shown this once, with a copy button. */
function SecretOnce({ shown, onClose }: { shown: { url: string; secret: string }; onClose: () => void }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(0);
  return (
    <div className="notice" role="status" aria-labelledby="webhook-secret-title">
      <h3 id="webhook-secret-title">{t('webhooks.secretTitle', { url: shown.url })}</h3>
      <p>{t('webhooks.secretOnce')}</p>
      <input
        className="invitation-link"
        readOnly
        value={shown.secret}
        aria-label={t('webhooks.secret')}
        onFocus={(e) => e.currentTarget.select()}
      />
      <span className="row-actions">
        <button
          type="button"
          className="small"
          onClick={() =>
            void navigator.clipboard?.writeText(shown.secret).then(
              () => setCopied((n) => n + 1),
              () => undefined,
            )
          }
        >
          {t('webhooks.copy')}
        </button>
        <button type="button" className="small" onClick={onClose}>
          {t('webhooks.secretDone')}
        </button>
      </span>
      <DoneNote message={t('webhooks.copied')} stamp={copied} />
    </div>
  );
}

function EventChoice({
  idPrefix,
  chosen,
  onChange,
}: {
  idPrefix: string;
  chosen: string[];
  onChange: (events: string[]) => void;
}) {
  const { t } = useI18n();
  return (
    <fieldset>
      <legend>{t('webhooks.events')}</legend>
      {EVENTS.map((event) => (
        <label key={event.type} htmlFor={`${idPrefix}-${event.type}`} className="checkbox">
          <input
            id={`${idPrefix}-${event.type}`}
            type="checkbox"
            checked={chosen.includes(event.type)}
            onChange={(e) =>
              onChange(e.target.checked ? [...chosen, event.type] : chosen.filter((c) => c !== event.type))
            }
          />{' '}
          {t(event.key)}
        </label>
      ))}
    </fieldset>
  );
}

function RegisterForm({
  circle,
  onRegistered,
}: {
  circle: Circle;
  onRegistered: (shown: { url: string; secret: string }) => void;
}) {
  const { t } = useI18n();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>([]);
  const [description, setDescription] = useState('');
  const submit = useSubmit();
  const register = submit.onSubmit(async () => {
    const answer = await call(
      api.POST('/api/v1/circles/{circle}/webhooks', {
        params: { path: { circle: circle.id! } },
        body: { url, events, description: description || null },
      }),
    );
    setUrl('');
    setEvents([]);
    setDescription('');
    onRegistered({ url: answer.endpoint?.url ?? url, secret: answer.secret ?? '' });
  });
  return (
    <form onSubmit={register} noValidate>
      <h3>{t('webhooks.register')}</h3>
      <Field label={t('webhooks.url')} hint={t('webhooks.urlHint')} field="url" error={submit.error}>
        <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} />
      </Field>
      <EventChoice idPrefix="webhook-new" chosen={events} onChange={setEvents} />
      <Field label={t('webhooks.description')} field="description" error={submit.error} max={200}>
        <input value={description} onChange={(e) => setDescription(e.target.value)} />
      </Field>
      <FormError error={submit.error} />
      <button type="submit" disabled={submit.busy || url.trim() === '' || events.length === 0}>
        {t('webhooks.registerButton')}
      </button>
    </form>
  );
}

function EndpointItem({
  circle,
  endpoint,
  onChange,
  onSecret,
}: {
  circle: Circle;
  endpoint: Endpoint;
  onChange: () => void;
  onSecret: (shown: { url: string; secret: string }) => void;
}) {
  const { t, dateTime } = useI18n();
  const change = useSubmit();
  const [editing, setEditing] = useState(false);
  const [log, setLog] = useState(false);
  const path = at(circle, endpoint);
  const url = endpoint.url ?? '';
  const patch = (body: WebhookEndpointChange) =>
    void change
      .run(() => call(api.PATCH('/api/v1/circles/{circle}/webhooks/{endpoint}', { params: { path }, body })))
      .then((ok) => ok && onChange());
  const remove = () =>
    void change
      .run(() => call(api.DELETE('/api/v1/circles/{circle}/webhooks/{endpoint}', { params: { path } })))
      .then((ok) => ok && onChange());
  const rotate = () =>
    void change
      .run(async () => {
        const answer = await call(
          api.POST('/api/v1/circles/{circle}/webhooks/{endpoint}/rotation', { params: { path } }),
        );
        onSecret({ url, secret: answer.secret ?? '' });
      })
      .then((ok) => ok && onChange());
  const names = (endpoint.events ?? []).map((type) => {
    const known = EVENTS.find((e) => e.type === type);
    return known ? t(known.key) : type;
  });
  return (
    <li className="webhook-endpoint">
      <h3 className="break-anywhere">{url}</h3>
      {endpoint.description && <p>{endpoint.description}</p>}
      <p className="hint">
        {endpoint.enabled ? t('webhooks.enabled') : t('webhooks.disabled')} ·{' '}
        {t('webhooks.created', { when: dateTime(endpoint.createdAt) })}
      </p>
      <p>{t('webhooks.eventsList', { events: names.join(', ') })}</p>
      {endpoint.previousSecretValidUntil && (
        <p className="hint">{t('webhooks.previousUntil', { when: dateTime(endpoint.previousSecretValidUntil) })}</p>
      )}
      <span className="row-actions">
        <button
          type="button"
          className="small"
          disabled={change.busy}
          onClick={() => patch({ enabled: !endpoint.enabled })}
        >
          {endpoint.enabled ? t('webhooks.disable') : t('webhooks.enable')}
        </button>
        <button type="button" className="small" aria-expanded={editing} onClick={() => setEditing(!editing)}>
          {t('webhooks.edit')}
        </button>
        <ConfirmButton
          className="small"
          disabled={change.busy}
          title={t('webhooks.rotateTitle', { url })}
          body={<p>{t('webhooks.rotateBody')}</p>}
          confirmLabel={t('webhooks.rotate')}
          onConfirm={rotate}
        >
          {t('webhooks.rotate')}
        </ConfirmButton>
        <ConfirmButton
          className="small danger"
          disabled={change.busy}
          title={t('webhooks.deleteTitle', { url })}
          body={<p>{t('webhooks.deleteBody')}</p>}
          confirmLabel={t('webhooks.delete')}
          onConfirm={remove}
        >
          {t('webhooks.delete')}
        </ConfirmButton>
        <button type="button" className="small" aria-expanded={log} onClick={() => setLog(!log)}>
          {t('webhooks.deliveries')}
        </button>
      </span>
      <FormError error={change.error} />
      {editing && <EditForm circle={circle} endpoint={endpoint} onSaved={onChange} />}
      {log && <DeliveryLog circle={circle} endpoint={endpoint} />}
    </li>
  );
}

function EditForm({ circle, endpoint, onSaved }: { circle: Circle; endpoint: Endpoint; onSaved: () => void }) {
  const { t } = useI18n();
  const [url, setUrl] = useState(endpoint.url ?? '');
  const [events, setEvents] = useState<string[]>(endpoint.events ?? []);
  const submit = useSubmit();
  const save = submit.onSubmit(
    () =>
      call(
        api.PATCH('/api/v1/circles/{circle}/webhooks/{endpoint}', {
          params: { path: at(circle, endpoint) },
          body: { url, events },
        }),
      ),
    onSaved,
  );
  return (
    <form onSubmit={save} noValidate>
      <Field label={t('webhooks.url')} field="url" error={submit.error}>
        <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} />
      </Field>
      <EventChoice idPrefix={`webhook-${endpoint.id}`} chosen={events} onChange={setEvents} />
      <FormError error={submit.error} />
      <button type="submit" disabled={submit.busy || url.trim() === '' || events.length === 0}>
        {t('webhooks.save')}
      </button>
    </form>
  );
}

const STATUSES = ['PENDING', 'SUCCEEDED', 'FAILED'] as const;
type Status = (typeof STATUSES)[number];
const STATUS_KEYS: Record<Status, MessageKey> = {
  PENDING: 'webhooks.status.PENDING',
  SUCCEEDED: 'webhooks.status.SUCCEEDED',
  FAILED: 'webhooks.status.FAILED',
};

function DeliveryLog({ circle, endpoint }: { circle: Circle; endpoint: Endpoint }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<Status | ''>('');
  const path = at(circle, endpoint);
  const page = (cursor?: string) =>
    call(
      api.GET('/api/v1/circles/{circle}/webhooks/{endpoint}/deliveries', {
        params: { path, query: { limit: '20', ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) } },
      }),
    );
  const [queued, setQueued] = useState<{ id: string; stamp: number }>({ id: '', stamp: 0 });
  // read again after a redelivery, so that the log shows the attempt it queued
  const first = useLoad(() => page(), [endpoint.id, status, queued.stamp]);
  const selectId = `webhook-status-${endpoint.id}`;
  return (
    <div className="webhook-log">
      <h4>{t('webhooks.deliveriesOf', { url: endpoint.url ?? '' })}</h4>
      <label htmlFor={selectId}>{t('webhooks.statusFilter')}</label>{' '}
      <select id={selectId} value={status} onChange={(e) => setStatus(e.target.value as Status | '')}>
        <option value="">{t('webhooks.status.all')}</option>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(STATUS_KEYS[s])}
          </option>
        ))}
      </select>
      <Region loaded={first}>
        {/* a reload keeps the old page until the new one comes: the list starts again from what came */}
        {(firstPage) => (
          <Deliveries
            key={`${status}|${shown(firstPage)}`}
            circle={circle}
            endpoint={endpoint}
            first={firstPage}
            page={page}
            queued={queued}
            onQueued={(id) => setQueued((q) => ({ id, stamp: q.stamp + 1 }))}
          />
        )}
      </Region>
    </div>
  );
}

/** What a first page shows, as a key: a log that shows something else starts again from it. */
function shown(page: Page<Delivery, string>): string {
  return (page.items ?? []).map((d) => `${d.id}:${d.status}:${d.attempts}:${d.lastAttemptAt}`).join(' ');
}

function Deliveries({
  circle,
  endpoint,
  first,
  page,
  queued,
  onQueued,
}: {
  circle: Circle;
  endpoint: Endpoint;
  first: Page<Delivery, string>;
  page: (cursor: string) => Promise<Page<Delivery, string>>;
  queued: { id: string; stamp: number };
  onQueued: (delivery: string) => void;
}) {
  const { t, tn, dateTime } = useI18n();
  const list = useMore(first, page);
  const again = useSubmit();
  const redeliver = (delivery: string) =>
    void again
      .run(() =>
        call(
          api.POST('/api/v1/circles/{circle}/webhooks/{endpoint}/deliveries/{delivery}/redelivery', {
            params: { path: { ...at(circle, endpoint), delivery } },
          }),
        ),
      )
      .then((ok) => ok && onQueued(delivery));
  if (list.items.length === 0) return <EmptyState>{t('webhooks.noDeliveries')}</EmptyState>;
  return (
    <>
      <ul className="plain-list">
        {list.items.map((d) => (
          <li key={d.id}>
            <strong>{t(STATUS_KEYS[(d.status ?? 'PENDING') as Status])}</strong> · {d.eventType} ·{' '}
            {tn('webhooks.attempts', d.attempts ?? 0)}
            {d.lastStatusCode != null && <> · {t('webhooks.code', { code: String(d.lastStatusCode) })}</>}
            <br />
            <span className="hint">
              {t('webhooks.createdAt', { when: dateTime(d.createdAt) })}
              {d.lastAttemptAt && <> · {t('webhooks.lastAttempt', { when: dateTime(d.lastAttemptAt) })}</>}
              {d.deliveredAt && <> · {t('webhooks.deliveredAt', { when: dateTime(d.deliveredAt) })}</>}
              {d.status === 'PENDING' && d.nextAttemptAt && (
                <> · {t('webhooks.nextAttempt', { when: dateTime(d.nextAttemptAt) })}</>
              )}
            </span>
            {d.lastError && <p className="hint break-anywhere">{t('webhooks.lastError', { error: d.lastError })}</p>}
            <button type="button" className="small" disabled={again.busy} onClick={() => redeliver(d.id!)}>
              {t('webhooks.redeliver')}
            </button>
            {queued.id === d.id && <DoneNote message={t('webhooks.queued')} stamp={queued.stamp} />}
          </li>
        ))}
      </ul>
      <FormError error={again.error} />
      <MoreButton list={list} label={t('webhooks.more')} />
    </>
  );
}
