import { useState } from 'react';
import { api, call } from '../api/client';
import type { CircleSummary, Integration, IntegrationRegistration } from '../api/types';
import { useLoad } from '../api/useLoad';
import { isAdmin, useMe } from '../auth/me';
import { useI18n } from '../i18n/i18n';
import { CircleSearch } from '../ui/CircleSearch';
import { ConfirmButton } from '../ui/ConfirmDialog';
import { DoneNote } from '../ui/DoneNote';
import { Field } from '../ui/Field';
import { FieldErrors, FormError, EmptyState, Region } from '../ui/states';
import { MoreButton, useMore, type Page } from '../ui/useMore';
import { useSubmit } from '../ui/useSubmit';
import { usePageTitle } from '../ui/usePageTitle';

const PAGE = '50';

/**
 * Admins register integrations (Keycloak clients of the client-credentials grant), see them, and disable or enable
 * them. Everyone else is told that this is the admins' screen (the API refuses them anyway).
 */
export function IntegrationsScreen() {
  const { t } = useI18n();
  const me = useMe();
  usePageTitle(t('integrations.title'));
  if (!isAdmin(me)) {
    return (
      <section aria-labelledby="integrations">
        <h1 id="integrations">{t('integrations.title')}</h1>
        <EmptyState>{t('integrations.adminsOnly')}</EmptyState>
      </section>
    );
  }
  return <AdminIntegrations />;
}

function AdminIntegrations() {
  const { t } = useI18n();
  const [done, setDone] = useState({ message: '', stamp: 0 });
  const list = useLoad(
    () => call(api.GET('/api/v1/integrations', { params: { query: { limit: PAGE } } })),
    [done.stamp],
  );
  const tell = (message: string) => setDone((d) => ({ message, stamp: d.stamp + 1 }));
  return (
    <section aria-labelledby="integrations">
      <h1 id="integrations">{t('integrations.title')}</h1>
      <p className="hint">{t('integrations.intro')}</p>
      <DoneNote message={done.message} stamp={done.stamp} />
      <RegisterIntegration onRegistered={(i) => tell(t('integrations.registered', { name: i.name ?? '' }))} />
      <section className="panel" aria-labelledby="integrations-list">
        <h2 id="integrations-list">{t('integrations.listTitle')}</h2>
        <Region loaded={list}>
          {/* a reload keeps the old page until the new one comes: the list starts again from what came */}
          {(first) => <IntegrationList key={shown(first)} first={first} onChanged={tell} />}
        </Region>
      </section>
    </section>
  );
}

/** The path of one integration's actions. */
function which(i: Integration) {
  return { params: { path: { integration: i.id ?? '' } } };
}

/** What a first page shows, as a key: a list that shows something else starts again from it. */
function shown(page: Page<Integration, string>): string {
  return (page.items ?? []).map((i) => `${i.id}:${i.enabled}`).join(' ');
}

function RegisterIntegration({ onRegistered }: { onRegistered: (integration: Integration) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [clientId, setClientId] = useState('');
  const [owner, setOwner] = useState<CircleSummary | null>(null);
  const submit = useSubmit();
  const register = async () => {
    // without a chosen owner the field is left out, so that the service names it among the fields to fix
    const body = { name, clientId, ...(owner?.id ? { ownerCircle: owner.id } : {}) } as IntegrationRegistration;
    const registered = await call(api.POST('/api/v1/integrations', { body }));
    setName('');
    setClientId('');
    setOwner(null);
    onRegistered(registered);
  };
  return (
    <section className="panel" aria-labelledby="integration-register">
      <h2 id="integration-register">{t('integrations.register')}</h2>
      <form className="form" noValidate onSubmit={submit.onSubmit(register)}>
        <Field
          label={t('integrations.name')}
          hint={t('integrations.nameHint')}
          field="name"
          error={submit.error}
          max={200}
        >
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field
          label={t('integrations.clientId')}
          hint={t('integrations.clientIdHint')}
          field="clientId"
          error={submit.error}
          max={255}
        >
          <input value={clientId} onChange={(e) => setClientId(e.target.value)} autoComplete="off" spellCheck={false} />
        </Field>
        <fieldset className="field" data-field="ownerCircle">
          <legend>{t('integrations.owner')}</legend>
          {owner ? (
            <p>
              <strong>{owner.name}</strong>{' '}
              <button type="button" className="link-button" onClick={() => setOwner(null)}>
                {t('integrations.changeOwner')}
              </button>
            </p>
          ) : (
            <CircleSearch
              label={t('integrations.findOwner')}
              action={(circle) => t('integrations.chooseOwner', { name: circle })}
              onPick={setOwner}
              inForm
            />
          )}
          <FieldErrors id="integration-owner-error" error={submit.error} field="ownerCircle" />
        </fieldset>
        <FormError error={submit.error} />
        <button type="submit" className="primary" disabled={submit.busy}>
          {t('integrations.registerSubmit')}
        </button>
      </form>
    </section>
  );
}

function IntegrationList({
  first,
  onChanged,
}: {
  first: Page<Integration, string>;
  onChanged: (message: string) => void;
}) {
  const { t, dateTime } = useI18n();
  const list = useMore(first, (cursor) =>
    call(api.GET('/api/v1/integrations', { params: { query: { cursor, limit: PAGE } } })),
  );
  const act = useSubmit();
  const toggle = (i: Integration) =>
    void act
      .run(() =>
        call(
          i.enabled
            ? api.POST('/api/v1/integrations/{integration}/disable', which(i))
            : api.POST('/api/v1/integrations/{integration}/enable', which(i)),
        ),
      )
      .then((ok) => {
        if (ok)
          onChanged(t(i.enabled ? 'integrations.disabledNote' : 'integrations.enabledNote', { name: i.name ?? '' }));
      });
  if (list.items.length === 0) return <EmptyState>{t('integrations.none')}</EmptyState>;
  return (
    <>
      <FormError error={act.error} />
      <ul className="plain-list integration-list">
        {list.items.map((i) => (
          <li key={i.id} className="integration">
            <p>
              <strong>{i.name}</strong> <code>{i.clientId}</code>{' '}
              <span className={i.enabled ? 'badge' : 'badge lowered'}>
                {i.enabled ? t('integrations.enabled') : t('integrations.disabled')}
              </span>
            </p>
            <p className="muted">
              {t('integrations.ownedBy', { circle: i.ownerCircle?.name ?? '' })} ·{' '}
              {t('integrations.registeredAt', { when: dateTime(i.registeredAt) })}
              {!i.enabled && i.disabledAt && <> · {t('integrations.disabledAt', { when: dateTime(i.disabledAt) })}</>}
            </p>
            {i.enabled ? (
              <ConfirmButton
                title={t('integrations.disableTitle', { name: i.name ?? '' })}
                body={t('integrations.disableBody')}
                confirmLabel={t('integrations.disable')}
                onConfirm={() => toggle(i)}
                disabled={act.busy}
              >
                {t('integrations.disable')}
              </ConfirmButton>
            ) : (
              <button type="button" disabled={act.busy} onClick={() => toggle(i)}>
                {t('integrations.enable')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <MoreButton list={list} label={t('integrations.more')} />
    </>
  );
}
