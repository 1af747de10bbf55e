import { expect, request, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { NAMES, personIn, signIn, type User } from './support';

/**
 * What a spec needs before its journey starts, set up through the REST API as the demo realm's people
 * (tokens by the password grant of the dev-only `devolve-cli` client, as the Java tests get them), so
 * that every spec runs, and fails, on its own: `npx playwright test e2e/ranked.spec.ts`.
 * Names carry a per-run suffix, so that runs against the same database do not meet.
 */

const BASE = process.env.DEVOLVE_URL ?? 'http://localhost:8080';

/** A suffix unique to this run of this spec file. */
export function unique(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

let tokenEndpoint: Promise<string> | undefined;
/** A bearer token and when it stops being accepted (the realm's access tokens live 15 minutes). */
type Token = { value: string; expiresAt: number };
const tokens = new Map<User, Promise<Token>>();
/** A token with less than this left is renewed: a whole run takes longer than one token lives. */
const RENEW_MS = 120_000;

async function endpoint(): Promise<string> {
  const http = await request.newContext();
  try {
    const config = await http.get(`${BASE}/config.json`);
    expect(config.ok(), 'the service serves /config.json').toBe(true);
    const { issuer } = (await config.json()) as { issuer: string };
    return `${issuer}/protocol/openid-connect/token`;
  } finally {
    await http.dispose();
  }
}

async function signInByPassword(user: User): Promise<Token> {
  tokenEndpoint ??= endpoint();
  const http = await request.newContext();
  try {
    const response = await http.post(await tokenEndpoint, {
      form: {
        grant_type: 'password',
        client_id: 'devolve-cli',
        scope: 'openid',
        username: user,
        password: `${user}-dev`,
      },
    });
    expect(response.ok(), `password grant for ${user}: ${response.status()}`).toBe(true);
    const issued = Date.now();
    const { access_token, expires_in } = (await response.json()) as { access_token: string; expires_in: number };
    return { value: access_token, expiresAt: issued + expires_in * 1000 };
  } finally {
    await http.dispose();
  }
}

/** One person's calls to the API; every call must succeed (2xx), or the setup fails with the service's answer. */
export class Caller {
  constructor(
    readonly user: User,
    private readonly http: APIRequestContext,
  ) {}

  private async send(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<unknown> {
    const response = await this.http.fetch(`${BASE}${path}`, {
      method,
      ...(body === undefined ? {} : { data: body }),
    });
    const text = await response.text();
    expect(response.ok(), `${this.user}: ${method} ${path} → ${response.status()} ${text}`).toBe(true);
    return text ? (JSON.parse(text) as unknown) : undefined;
  }

  get<T>(path: string): Promise<T> {
    return this.send('GET', path) as Promise<T>;
  }
  post<T>(path: string, body: unknown): Promise<T> {
    return this.send('POST', path, body) as Promise<T>;
  }
  put<T>(path: string, body: unknown): Promise<T> {
    return this.send('PUT', path, body) as Promise<T>;
  }
  delete(path: string): Promise<unknown> {
    return this.send('DELETE', path);
  }
}

/** The API as `user`, with a bearer token of theirs (a new one when the last is about to expire). */
export async function as(user: User): Promise<Caller> {
  let token = tokens.get(user);
  if (!token || (await token).expiresAt - Date.now() < RENEW_MS) {
    token = signInByPassword(user);
    tokens.set(user, token);
  }
  const http = await request.newContext({
    extraHTTPHeaders: { Authorization: `Bearer ${(await token).value}`, Accept: 'application/json' },
  });
  return new Caller(user, http);
}

const ids = new Map<User, string>();
export async function idOf(user: User): Promise<string> {
  let id = ids.get(user);
  if (!id) {
    id = (await (await as(user)).get<{ id: string }>('/api/v1/me')).id;
    ids.set(user, id);
  }
  return id;
}

export interface CircleMade {
  id: string;
  slug: string;
  name: string;
}

/** alice (admin) creates a circle; she facilitates it, `members` are plain members; an optional stake budget. */
export async function circleWith(name: string, members: User[], budget?: number): Promise<CircleMade> {
  const alice = await as('alice');
  const circle = await alice.post<{ id: string; slug: string }>('/api/v1/circles', { name, kind: 'COOPERATIVE' });
  await alice.put(`/api/v1/circles/${circle.id}/members/${await idOf('alice')}`, { role: 'FACILITATOR' });
  for (const user of members.filter((u) => u !== 'alice')) {
    await alice.put(`/api/v1/circles/${circle.id}/members/${await idOf(user)}`, { role: 'MEMBER' });
  }
  if (budget !== undefined) {
    await alice.put(`/api/v1/circles/${circle.id}/policy`, {
      stakeBudget: budget,
      budgetPeriod: 'QUARTER',
      challengesEnabled: true,
    });
  }
  return { id: circle.id, slug: circle.slug, name };
}

interface ProposalView {
  id: string;
  affectedGroups: { id: string; name?: string }[];
}

export interface ProposalMade {
  id: string;
  path: string;
  title: string;
  /** Ids of its affected groups, in the order drafted. */
  groups: string[];
}

/** alice drafts a proposal in `circle` (content as the API takes it; the circle itself is its first group). */
export async function draft(
  circle: CircleMade,
  title: string,
  content: Record<string, unknown> = {},
): Promise<ProposalMade> {
  const alice = await as('alice');
  const made = await alice.post<{ id: string }>(`/api/v1/circles/${circle.id}/proposals`, {
    title,
    method: 'APPROVE_REJECT',
    weighting: { policy: 'LINEAR' },
    threshold: { rule: 'SIMPLE_MAJORITY' },
    affectedGroups: [{ circleId: circle.id, suggestedLevel: 2, howAffected: 'Everyone in the circle is affected.' }],
    ...content,
  });
  const view = await alice.get<ProposalView>(`/api/v1/proposals/${made.id}`);
  return { id: made.id, path: `/proposals/${made.id}`, title, groups: view.affectedGroups.map((g) => g.id) };
}

export async function phase(user: User, proposal: ProposalMade, to: 'DELIBERATION' | 'VOTING' | 'CLOSED') {
  await (await as(user)).post(`/api/v1/proposals/${proposal.id}/phase`, { phase: to });
}

export async function declare(user: User, proposal: ProposalMade, group: string, level: number, reason?: string) {
  await (
    await as(user)
  ).put(`/api/v1/proposals/${proposal.id}/stakes/mine`, { groupId: group, level, ...(reason ? { reason } : {}) });
}

/** `challenger` challenges `declarant`'s declaration in `proposal`; returns the challenge. */
export async function challengeOf(challenger: User, proposal: ProposalMade, declarant: User, reason: string) {
  const caller = await as(challenger);
  const stakes = await caller.get<{ items: { id: string; member?: { id?: string } }[] }>(
    `/api/v1/proposals/${proposal.id}/stakes?limit=100`,
  );
  const declarantsId = await idOf(declarant);
  const stake = stakes.items.find((s) => s.member?.id === declarantsId);
  expect(stake, `${declarant}’s declaration is listed`).toBeDefined();
  return caller.post<{ id: string }>(`/api/v1/proposals/${proposal.id}/stakes/${stake!.id}/challenges`, { reason });
}

export async function delegate(user: User, proposal: ProposalMade, to: User) {
  await (await as(user)).put(`/api/v1/proposals/${proposal.id}/delegation`, { delegateId: await idOf(to) });
}

export async function vote(user: User, proposal: ProposalMade, ballot: Record<string, unknown>) {
  await (await as(user)).put(`/api/v1/proposals/${proposal.id}/ballot`, ballot);
}

/**
 * The courtyard decision as deliberation opens: the Riverside circle (alice facilitating; bob, carol, dave
 * members; 50 points a quarter) and alice's proposal (approve/reject, linear weighting) with the circle and
 * "Tenants of building C" as affected groups, no stake declared yet.
 */
export async function courtyardOpen(run: string) {
  const circle = await circleWith(`Riverside Housing ${run}`, ['bob', 'carol', 'dave'], 50);
  const proposal = await draft(circle, `Turn the courtyard of building C into a garden ${run}`, {
    summary: 'Replace the parking in the courtyard with a shared garden for all.',
    affectedGroups: [
      {
        circleId: circle.id,
        suggestedLevel: 2,
        howAffected: 'Noise and dust during the works; fewer parking places.',
      },
      { name: 'Tenants of building C', suggestedLevel: 4, howAffected: 'The courtyard is under their windows.' },
    ],
  });
  await phase('alice', proposal, 'DELIBERATION');
  return { circle, proposal };
}

/**
 * The courtyard decision as far as the end of deliberation: bob declared vital (5) for building C, carol
 * challenged it, bob answered, alice lowered it to 4; carol, dave and alice declared marginal (1) for the
 * circle; dave entrusted his vote to bob.
 */
export async function courtyardInDeliberation(run: string) {
  const { circle, proposal } = await courtyardOpen(run);
  const [everyone, buildingC] = proposal.groups as [string, string];
  await declare('bob', proposal, buildingC, 5, 'My flat and my workshop open onto the courtyard.');
  await declare('carol', proposal, everyone, 1);
  await declare('dave', proposal, everyone, 1);
  await declare('alice', proposal, everyone, 1);
  const challenge = await challengeOf(
    'carol',
    proposal,
    'bob',
    'The workshop is on the street side, not the courtyard.',
  );
  await (
    await as('bob')
  ).post(`/api/v1/proposals/${proposal.id}/challenges/${challenge.id}/answer`, {
    answer: 'True for the workshop; my bedroom faces the courtyard.',
  });
  await (
    await as('alice')
  ).post(`/api/v1/proposals/${proposal.id}/challenges/${challenge.id}/resolution`, { decision: 'LOWER', level: 4 });
  await delegate('dave', proposal, 'bob');
  return { circle, proposal };
}

/** The courtyard decision, closed: bob voted for (with dave's weight), carol and alice against. */
export async function courtyardClosed(run: string) {
  const made = await courtyardInDeliberation(run);
  const { proposal } = made;
  await phase('alice', proposal, 'VOTING');
  await vote('bob', proposal, { stance: 'FOR' });
  await vote('carol', proposal, { stance: 'AGAINST' });
  await vote('alice', proposal, { stance: 'AGAINST' });
  await phase('alice', proposal, 'CLOSED');
  return made;
}

/** Moves a proposal left open by a spec on to CLOSED, so that its delegations stop being in force. */
export async function closeIfOpen(proposal: ProposalMade | undefined) {
  if (!proposal) return;
  const alice = await as('alice');
  const view = await alice.get<{ phase: string }>(`/api/v1/proposals/${proposal.id}`);
  if (view.phase === 'DELIBERATION') await phase('alice', proposal, 'VOTING');
  if (view.phase !== 'CLOSED' && view.phase !== 'WITHDRAWN') await phase('alice', proposal, 'CLOSED');
}

/** `users`, each in a browser context of their own, signed in through the Keycloak login form. */
export async function signedIn<U extends User>(browser: Browser, users: readonly U[]): Promise<Record<U, Page>> {
  const pages = {} as Record<U, Page>;
  for (const user of users) {
    pages[user] = await personIn(browser);
    await signIn(pages[user], user);
  }
  return pages;
}

export { NAMES };
