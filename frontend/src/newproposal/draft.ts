import type { GroupSpec, Method, Policy, Proposal, ProposalContent, ProtectionRule, Threshold } from '../api/types';

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

/** The form for an existing draft, so that its author can change it. */
export function fromProposal(p: Proposal): ProposalDraft {
  const blank = emptyDraft(p.circle?.id ?? '');
  const text = (n: number | null | undefined) => (n == null || n === 0 ? '' : String(n));
  return {
    ...blank,
    title: p.title ?? '',
    summary: p.summary ?? '',
    body: p.body ?? '',
    method: p.method ?? blank.method,
    options: (p.options ?? []).length > 0 ? (p.options ?? []).map((o) => o.label ?? '') : blank.options,
    groups: (p.affectedGroups ?? []).map((g) => ({
      circleId: g.circle?.id ?? null,
      ...(g.circle ? {} : { name: g.name ?? '' }),
      howAffected: g.howAffected ?? '',
      suggestedLevel: g.suggestedLevel ?? 0,
    })),
    policy: p.weighting?.policy ?? blank.policy,
    cap: p.weighting?.cap ?? blank.cap,
    quorumPercent: text(p.quorum?.turnoutPercent),
    quorumHeadcount: text(p.quorum?.headcount),
    threshold: p.threshold?.rule ?? blank.threshold,
    consentObjection: text(p.threshold?.objectionPercent) || blank.consentObjection,
    protection: p.protection?.rule ?? blank.protection,
    protectionObjection: text(p.protection?.objectionPercent) || blank.protectionObjection,
    secret: p.secret ?? false,
    liveResults: p.liveResults ?? false,
    outsidersAllowed: p.outsidersAllowed ?? false,
    deliberationEndsAt: localInput(p.deliberationEndsAt),
    votingEndsAt: localInput(p.votingEndsAt),
  };
}

/** An instant as the value of a `datetime-local` input, in the browser's time zone. */
export function localInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const number = (text: string) => (text.trim() === '' ? undefined : Number(text));
/** A `datetime-local` value (the browser's local time) as an instant. */
export const instant = (local: string) => (local ? new Date(local).toISOString() : null);

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
      ? {
          quorum: {
            ...(quorumPercent !== undefined ? { turnoutPercent: quorumPercent } : {}),
            ...(quorumHeadcount !== undefined ? { headcount: quorumHeadcount } : {}),
          },
        }
      : {}),
    ...(approveReject
      ? {
          threshold:
            d.threshold === 'CONSENT'
              ? { rule: d.threshold, objectionPercent: number(d.consentObjection) }
              : { rule: d.threshold },
          ...(d.protection === 'NONE'
            ? {}
            : {
                protection:
                  d.protection === 'NO_OBJECTION'
                    ? { rule: d.protection, objectionPercent: number(d.protectionObjection) }
                    : { rule: d.protection },
              }),
        }
      : {}),
    secret: d.secret,
    liveResults: d.liveResults,
    outsidersAllowed: d.outsidersAllowed,
    deliberationEndsAt: instant(d.deliberationEndsAt),
    votingEndsAt: instant(d.votingEndsAt),
    affectedGroups: d.groups.map((g) =>
      g.circleId ? { circleId: g.circleId, suggestedLevel: g.suggestedLevel, howAffected: g.howAffected ?? '' } : g,
    ),
  };
}
