import type { GroupSpec, Method, Policy, ProposalContent, ProtectionRule, Threshold } from '../api/types';

/** The new-proposal form's state; `toContent` turns it into the API's ProposalContent. */
export interface ProposalDraft {
  title: string;
  summary: string;
  body: string;
  method: Method;
  options: string[];
  groups: GroupSpec[];
  policy: Policy;
  cap: number;
  quorumPercent: string;
  quorumHeadcount: string;
  threshold: Threshold;
  consentObjection: string;
  protection: ProtectionRule;
  protectionObjection: string;
  secret: boolean;
  liveResults: boolean;
  outsidersAllowed: boolean;
  deliberationEndsAt: string;
  votingEndsAt: string;
}

export function emptyDraft(circleId: string): ProposalDraft {
  return {
    title: '',
    summary: '',
    body: '',
    method: 'APPROVE_REJECT',
    options: ['', ''],
    groups: [{ circleId, suggestedLevel: 2, howAffected: '' }],
    policy: 'SQRT',
    cap: 3,
    quorumPercent: '',
    quorumHeadcount: '',
    threshold: 'SIMPLE_MAJORITY',
    consentObjection: '25',
    protection: 'NONE',
    protectionObjection: '30',
    secret: false,
    liveResults: false,
    outsidersAllowed: false,
    deliberationEndsAt: '',
    votingEndsAt: '',
  };
}

const number = (text: string) => (text.trim() === '' ? undefined : Number(text));
/** A `datetime-local` value (the browser's local time) as an instant. */
const instant = (local: string) => (local ? new Date(local).toISOString() : null);

export function toContent(d: ProposalDraft): ProposalContent {
  const approveReject = d.method === 'APPROVE_REJECT';
  const quorumPercent = number(d.quorumPercent);
  const quorumHeadcount = number(d.quorumHeadcount);
  return {
    title: d.title,
    summary: d.summary,
    body: d.body,
    method: d.method,
    ...(approveReject ? {} : { options: d.options }),
    weighting: d.policy === 'CAPPED' ? { policy: d.policy, cap: d.cap } : { policy: d.policy },
    ...(quorumPercent !== undefined || quorumHeadcount !== undefined
      ? { quorum: { ...(quorumPercent !== undefined ? { turnoutPercent: quorumPercent } : {}), ...(quorumHeadcount !== undefined ? { headcount: quorumHeadcount } : {}) } }
      : {}),
    ...(approveReject
      ? {
          threshold: d.threshold === 'CONSENT' ? { rule: d.threshold, objectionPercent: number(d.consentObjection) } : { rule: d.threshold },
          ...(d.protection === 'NONE'
            ? {}
            : {
                protection:
                  d.protection === 'NO_OBJECTION' ? { rule: d.protection, objectionPercent: number(d.protectionObjection) } : { rule: d.protection },
              }),
        }
      : {}),
    secret: d.secret,
    liveResults: d.liveResults,
    outsidersAllowed: d.outsidersAllowed,
    deliberationEndsAt: instant(d.deliberationEndsAt),
    votingEndsAt: instant(d.votingEndsAt),
    affectedGroups: d.groups.map((g) => (g.circleId ? { circleId: g.circleId, suggestedLevel: g.suggestedLevel, howAffected: g.howAffected ?? '' } : g)),
  };
}
