import { api, call } from '../api/client';
import { useLoad } from '../api/useLoad';
import type { Circle, Membership } from '../api/types';
import { useMe } from '../auth/me';
import { useI18n } from '../i18n/i18n';
import { ConfirmButton } from '../ui/ConfirmDialog';
import { EmptyState, FormError, Region } from '../ui/states';
import { MemberSearch } from '../ui/MemberSearch';
import { useSubmit } from '../ui/useSubmit';

/** The circle's members; facilitators and admins add, remove and appoint them; a member may leave. */
export function CircleMembers({ circle, onChange }: { circle: Circle; onChange: () => void }) {
  const { t, tn } = useI18n();
  const me = useMe();
  const members = useLoad(
    () =>
      call(
        api.GET('/api/v1/circles/{circle}/members', {
          params: { path: { circle: circle.id! }, query: { limit: '100' } },
        }),
      ),
    [circle.id],
  );
  const change = useSubmit();
  const setRole = (member: string, role: 'MEMBER' | 'FACILITATOR') =>
    change.run(() =>
      call(
        api.PUT('/api/v1/circles/{circle}/members/{member}', {
          params: { path: { circle: circle.id!, member } },
          body: { role },
        }),
      ),
    );
  const remove = (member: string) =>
    change.run(() =>
      call(
        api.DELETE('/api/v1/circles/{circle}/members/{member}', { params: { path: { circle: circle.id!, member } } }),
      ),
    );
  const after = (ok: boolean) => {
    if (ok) {
      members.reload();
      onChange();
    }
  };

  return (
    <section className="panel" aria-labelledby="members">
      <h2 id="members">{tn('circle.members', circle.memberCount ?? 0)}</h2>
      <Region loaded={members}>
        {(page) =>
          (page.items ?? []).length === 0 ? (
            <EmptyState>{t('circle.noMembers')}</EmptyState>
          ) : (
            <ul className="plain-list members">
              {(page.items ?? []).map((m: Membership) => (
                <li key={m.member?.id}>
                  <span>{m.member?.displayName}</span>
                  {m.role === 'FACILITATOR' && <span className="badge">{t('circle.facilitator')}</span>}
                  {(circle.canManage || m.member?.id === me.id) && (
                    <span className="row-actions">
                      {circle.canManage && (
                        <button
                          type="button"
                          className="small"
                          disabled={change.busy}
                          onClick={() =>
                            void setRole(m.member!.id!, m.role === 'FACILITATOR' ? 'MEMBER' : 'FACILITATOR').then(after)
                          }
                        >
                          {m.role === 'FACILITATOR'
                            ? t('circle.makeMember', { name: m.member?.displayName ?? '' })
                            : t('circle.makeFacilitator', { name: m.member?.displayName ?? '' })}
                        </button>
                      )}
                      <ConfirmButton
                        className="small danger"
                        disabled={change.busy}
                        title={
                          m.member?.id === me.id
                            ? t('confirm.leave.title', { circle: circle.name ?? '' })
                            : t('confirm.remove.title', {
                                name: m.member?.displayName ?? '',
                                circle: circle.name ?? '',
                              })
                        }
                        body={<p>{m.member?.id === me.id ? t('confirm.leave.body') : t('confirm.remove.body')}</p>}
                        confirmLabel={
                          m.member?.id === me.id
                            ? t('circle.leave')
                            : t('circle.remove', { name: m.member?.displayName ?? '' })
                        }
                        onConfirm={() => void remove(m.member!.id!).then(after)}
                      >
                        {m.member?.id === me.id
                          ? t('circle.leave')
                          : t('circle.remove', { name: m.member?.displayName ?? '' })}
                      </ConfirmButton>
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Region>
      <FormError error={change.error} />
      {circle.canManage && (
        <MemberSearch
          label={t('circle.findMember')}
          action={(name) => t('circle.add', { name })}
          onPick={(m) => void setRole(m.id!, 'MEMBER').then(after)}
          busy={change.busy}
        />
      )}
    </section>
  );
}
