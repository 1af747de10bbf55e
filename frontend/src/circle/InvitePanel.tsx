import { useState } from 'react';
import { api, call } from '../api/client';
import { useLoad } from '../api/useLoad';
import type { components } from '../api/schema';
import type { Circle } from '../api/types';
import { useI18n } from '../i18n/i18n';
import type { ApiError } from '../api/client';
import { EmptyState, FieldErrors, FormError, Region } from '../ui/states';
import { useSubmit } from '../ui/useSubmit';

type Invitation = components['schemas']['Invitation'];
type JoinRequest = components['schemas']['JoinRequest'];

/**
 * For those who manage the circle: invite people by pasting their addresses (each gets a signed, single-use link,
 * mailed and shown here to share by other means), the pending invitations (revoke one), and requests to join
 * (accept or decline).
 */
export function InvitePanel({ circle, onChange }: { circle: Circle; onChange: () => void }) {
  const { t, language, dateTime } = useI18n();
  const [addresses, setAddresses] = useState('');
  const [sent, setSent] = useState<Invitation[]>([]);
  const submit = useSubmit();
  const change = useSubmit();
  const path = { circle: circle.id! };
  const pending = useLoad(
    () => call(api.GET('/api/v1/circles/{circle}/invitations', { params: { path, query: { limit: '100' } } })),
    [circle.id],
  );
  const requests = useLoad(
    () => call(api.GET('/api/v1/circles/{circle}/join-requests', { params: { path, query: { limit: '100' } } })),
    [circle.id],
  );
  const invite = submit.onSubmit(
    async () => {
      const answer = await call(
        api.POST('/api/v1/circles/{circle}/invitations', { params: { path }, body: { addresses, language } }),
      );
      setSent(answer.invitations ?? []);
    },
    () => {
      setAddresses('');
      pending.reload();
    },
  );
  const revoke = (invitation: string) =>
    void change
      .run(() =>
        call(
          api.DELETE('/api/v1/circles/{circle}/invitations/{invitation}', {
            params: { path: { circle: circle.id!, invitation } },
          }),
        ),
      )
      .then((ok) => ok && pending.reload());
  const answer = (request: string, accept: boolean) =>
    void change
      .run(() =>
        call(
          accept
            ? api.POST('/api/v1/circles/{circle}/join-requests/{request}/accept', {
                params: { path: { circle: circle.id!, request } },
              })
            : api.POST('/api/v1/circles/{circle}/join-requests/{request}/decline', {
                params: { path: { circle: circle.id!, request } },
              }),
        ),
      )
      .then((ok) => {
        if (ok) {
          requests.reload();
          onChange();
        }
      });

  return (
    <section className="panel" aria-labelledby="invite">
      <h2 id="invite">{t('invite.title')}</h2>
      <form onSubmit={invite} noValidate>
        <label htmlFor="invite-addresses">{t('invite.addresses')}</label>
        <p className="hint" id="invite-hint">
          {t('invite.hint')}
        </p>
        <textarea
          id="invite-addresses"
          rows={4}
          value={addresses}
          onChange={(e) => setAddresses(e.target.value)}
          aria-describedby="invite-hint invite-addresses-errors"
          aria-invalid={submit.error?.fieldErrors('addresses').length ? true : undefined}
        />
        <AddressErrors error={submit.error} />
        <FormError error={submit.error} />
        <button type="submit" disabled={submit.busy || addresses.trim() === ''}>
          {t('invite.send')}
        </button>
      </form>
      {sent.length > 0 && (
        <div role="status">
          <h3>{t('invite.sent')}</h3>
          <ul className="plain-list">
            {sent.map((i) => (
              <li key={i.id}>
                <span>{i.address}</span> <InvitationLink link={i.link ?? ''} address={i.address ?? ''} />
              </li>
            ))}
          </ul>
        </div>
      )}
      <h3>{t('invite.pending')}</h3>
      <Region loaded={pending}>
        {(page) =>
          (page.items ?? []).length === 0 ? (
            <EmptyState>{t('invite.nonePending')}</EmptyState>
          ) : (
            <ul className="plain-list">
              {(page.items ?? []).map((i: Invitation) => (
                <li key={i.id}>
                  <span>{i.address}</span>{' '}
                  <span className="hint">{t('invite.expires', { when: dateTime(i.expiresAt) })}</span>{' '}
                  <InvitationLink link={i.link ?? ''} address={i.address ?? ''} />{' '}
                  <button type="button" className="small danger" disabled={change.busy} onClick={() => revoke(i.id!)}>
                    {t('invite.revoke', { address: i.address ?? '' })}
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </Region>
      <h3>{t('join.requests')}</h3>
      <Region loaded={requests}>
        {(page) =>
          (page.items ?? []).length === 0 ? (
            <EmptyState>{t('join.noRequests')}</EmptyState>
          ) : (
            <ul className="plain-list">
              {(page.items ?? []).map((r: JoinRequest) => (
                <li key={r.id}>
                  <span>{r.memberName}</span>
                  <span className="row-actions">
                    <button type="button" className="small" disabled={change.busy} onClick={() => answer(r.id!, true)}>
                      {t('join.accept', { name: r.memberName ?? '' })}
                    </button>
                    <button
                      type="button"
                      className="small danger"
                      disabled={change.busy}
                      onClick={() => answer(r.id!, false)}
                    >
                      {t('join.decline', { name: r.memberName ?? '' })}
                    </button>
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </Region>
      <FormError error={change.error} />
    </section>
  );
}

/** An invitation's link, readable and selectable, to copy into a chat or a letter. */
function InvitationLink({ link, address }: { link: string; address: string }) {
  const { t } = useI18n();
  return (
    <input
      className="invitation-link"
      readOnly
      value={link}
      aria-label={t('invite.link', { address })}
      onFocus={(e) => e.currentTarget.select()}
    />
  );
}

/** For a signed-in person who is not a member: ask to join the circle; says so once asked, and the answer. */
export function AskToJoin({ circle }: { circle: Circle }) {
  const { t } = useI18n();
  const mine = useLoad(
    () =>
      call(api.GET('/api/v1/circles/{circle}/join-requests/mine', { params: { path: { circle: circle.id! } } })).catch(
        () => null,
      ),
    [circle.id],
  );
  const ask = useSubmit();
  const status = mine.state === 'ready' ? mine.data?.status : undefined;
  return (
    <section className="panel" aria-labelledby="ask-to-join">
      <h2 id="ask-to-join">{t('join.title')}</h2>
      {status === 'PENDING' ? (
        <p role="status">{t('join.pending')}</p>
      ) : (
        <>
          {status === 'DECLINED' && <p>{t('join.declined')}</p>}
          <button
            type="button"
            disabled={ask.busy}
            onClick={() =>
              void ask
                .run(() =>
                  call(
                    api.POST('/api/v1/circles/{circle}/join-requests', { params: { path: { circle: circle.id! } } }),
                  ),
                )
                .then((ok) => ok && mine.reload())
            }
          >
            {t('join.ask', { circle: circle.name ?? '' })}
          </button>
        </>
      )}
      <FormError error={ask.error} />
    </section>
  );
}

/** Every bad address, each named (the service names it between « and »); other problems of the field as usual. */
function AddressErrors({ error }: { error: ApiError | null }) {
  const { t } = useI18n();
  const violations = error?.fieldViolations('addresses') ?? [];
  const bad = violations
    .filter((v) => v.code === 'INVALID_ADDRESS')
    .map((v) => /«(.*)»/.exec(v.message ?? '')?.[1] ?? v.message ?? '');
  if (bad.length === 0) return <FieldErrors id="invite-addresses-errors" error={error} field="addresses" />;
  return (
    <ul className="field-error" id="invite-addresses-errors">
      {bad.map((address) => (
        <li key={address}>{t('invite.badAddress', { address })}</li>
      ))}
    </ul>
  );
}
