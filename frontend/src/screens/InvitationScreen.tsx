import { api, call } from '../api/client';
import { useLoad } from '../api/useLoad';
import { useI18n } from '../i18n/i18n';
import { navigate } from '../router/router';
import { FormError, Region } from '../ui/states';
import { usePageTitle } from '../ui/usePageTitle';
import { useSubmit } from '../ui/useSubmit';

/**
 * Where an invitation link leads (`/invitations/<token>`). The reader has signed in or registered in Keycloak on the
 * way here; they see the circle they are invited to, join it, and land on its page. A link that is altered,
 * expired, used by someone else or revoked shows its problem.
 */
export function InvitationScreen({ token }: { token: string }) {
  const { t, dateTime } = useI18n();
  usePageTitle(t('invitation.title'));
  const preview = useLoad(() => call(api.GET('/api/v1/invitations/{token}', { params: { path: { token } } })), [token]);
  const join = useSubmit();
  return (
    <section className="panel narrow" aria-labelledby="invitation">
      <h1 id="invitation">{t('invitation.title')}</h1>
      <Region loaded={preview}>
        {(p) => (
          <>
            <p>{t('invitation.body', { inviter: p.invitedBy ?? '', circle: p.circle?.name ?? '' })}</p>
            <p className="hint">{t('invitation.expires', { when: dateTime(p.expiresAt) })}</p>
            {p.member ? (
              <button type="button" onClick={() => navigate(`/circles/${p.circle?.id}`)}>
                {t('invitation.open', { circle: p.circle?.name ?? '' })}
              </button>
            ) : (
              <button
                type="button"
                disabled={join.busy}
                onClick={() =>
                  void join
                    .run(() => call(api.POST('/api/v1/invitations/{token}/accept', { params: { path: { token } } })))
                    .then((ok) => ok && navigate(`/circles/${p.circle?.id}`))
                }
              >
                {t('invitation.join', { circle: p.circle?.name ?? '' })}
              </button>
            )}
            <FormError error={join.error} />
          </>
        )}
      </Region>
    </section>
  );
}
