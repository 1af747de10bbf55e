import { expect, test, type Page } from '@playwright/test';
import {
  as,
  challengeOf,
  circleWith,
  declare,
  draft,
  phase,
  unique,
  vote,
  type CircleMade,
  type ProposalMade,
} from './fixtures';
import { expectAccessible, expectFitsNarrowScreen, openProposal, signedInOnPhone } from './support';

/**
 * Every screen on a 375 px phone with the content people paste: a 300-character word, a long URL, long
 * option and group labels, in every text a person can write (circle, proposal, options, groups, reasons,
 * arguments). No screen may scroll sideways, and each stays free of serious axe violations.
 */
const run = unique();
/** `n` characters of one word, with no place a browser may break it on its own. */
const word = (base: string, n: number) => base.repeat(Math.ceil(n / base.length)).slice(0, n);
const WORD300 = word('Nachbarschaftsgemeinschaftsgartenverein', 300);
const URL = `https://example.org/${'a-very-long-path-segment/'.repeat(12)}?ref=${'x'.repeat(80)}`;
const title = (prefix: string) =>
  `${prefix} ${run} ${word('Gemeinschaftsgarten', 200 - prefix.length - run.length - 2)}`;

let circle: CircleMade;
let proposal: ProposalMade;
let options: string[];

test.beforeAll(async () => {
  circle = await circleWith(title('Circle'), ['bob', 'carol', 'dave'], 50);
  await (
    await as('alice')
  ).put(`/api/v1/circles/${circle.id}`, {
    name: circle.name,
    kind: 'COOPERATIVE',
    description: `${WORD300}\n\n${URL}`,
  });
  options = [1, 2, 3].map((n) => `Option ${n}: ${word('Fahrradabstellanlage', 180)} ${n}`);
  proposal = await draft(circle, title('Proposal'), {
    summary: `${WORD300} ${URL}`,
    body: `# ${WORD300}\n\n${URL}\n\n| ${WORD300} | b |\n|---|---|\n| ${URL} | d |\n\n\`${WORD300}\``,
    method: 'SINGLE_CHOICE',
    options,
    weighting: { policy: 'SQRT' },
    threshold: undefined,
    affectedGroups: [
      { circleId: circle.id, suggestedLevel: 2, howAffected: `${WORD300} ${URL}` },
      { name: word('Mieterinnenundmieter', 200), suggestedLevel: 4, howAffected: WORD300 },
    ],
  });
  await phase('alice', proposal, 'DELIBERATION');
  await declare('bob', proposal, proposal.groups[1]!, 5, `${WORD300} ${URL}`);
  await (
    await as('bob')
  ).post(`/api/v1/proposals/${proposal.id}/arguments`, { side: 'FOR', body: `${WORD300}\n\n${URL}` });
  await challengeOf('carol', proposal, 'bob', `${WORD300} ${URL}`);
});

/** The screen as it is now fits 375 px and has no serious axe violation. */
async function fits(page: Page, name: string) {
  await expectFitsNarrowScreen(page, name);
  await expectAccessible(page, name);
}

test('every screen of a deliberation fits a phone, whatever people wrote', async ({ browser }) => {
  const carol = await signedInOnPhone(browser, 'carol');
  const alice = await signedInOnPhone(browser, 'alice');

  await carol.goto('/');
  await expect(carol.getByRole('link', { name: proposal.title }).first()).toBeVisible();
  await fits(carol, '30-narrow-home');

  await openProposal(carol, proposal.path, proposal.title);
  await expect(carol.getByLabel('I am affected as')).toBeVisible(); // the select of the long group names
  await expect(carol.getByText(URL).first()).toBeVisible();
  await fits(carol, '31-narrow-proposal-deliberation');

  await carol.goto('/notifications');
  await expect(carol.getByText(proposal.title).first()).toBeVisible();
  await fits(carol, '32-narrow-notifications');

  await carol.goto('/circles');
  await carol.getByLabel('Find circles by name or description').fill(run);
  await expect(carol.getByRole('link', { name: circle.name })).toBeVisible();
  await fits(carol, '33-narrow-circles');

  await carol.goto(`/circles/${circle.slug}`);
  await expect(carol.getByRole('heading', { level: 1, name: circle.name })).toBeVisible();
  await expect(carol.getByText(URL).first()).toBeVisible();
  await fits(carol, '34-narrow-circle');

  await carol.goto('/proposals');
  await carol.getByLabel('Words in the title or summary').fill(run);
  await expect(carol.getByRole('link', { name: proposal.title })).toBeVisible();
  await fits(carol, '35-narrow-proposals');

  await alice.goto(`/circles/${circle.slug}/proposals/new`);
  await alice.getByLabel('Title').fill(title('Draft'));
  await alice.getByLabel('Summary').fill(`${WORD300} ${URL}`);
  await alice.getByLabel('How they are affected').fill(WORD300);
  await fits(alice, '36-narrow-new-proposal');

  await openProposal(alice, proposal.path, proposal.title);
  await alice.getByRole('button', { name: 'Correct the wording' }).click();
  await expect(alice.getByLabel('Title', { exact: true })).toHaveValue(proposal.title);
  await fits(alice, '37-narrow-correction');

  await alice.goto('/circles/new');
  await alice.getByLabel('Name', { exact: true }).fill(title('New'));
  await fits(alice, '38-narrow-new-circle');
});

test('voting, results and the ledger fit a phone, whatever people wrote', async ({ browser }) => {
  await (await as('alice')).post(`/api/v1/proposals/${proposal.id}/challenges/resolution`, { reason: 'Kept.' });
  await declare('carol', proposal, proposal.groups[0]!, 2);
  await phase('alice', proposal, 'VOTING');
  const carol = await signedInOnPhone(browser, 'carol');
  await openProposal(carol, proposal.path, proposal.title);
  await expect(carol.getByRole('radio', { name: options[1] })).toBeVisible();
  await fits(carol, '39-narrow-vote');
  await carol.getByRole('radio', { name: options[1] }).check();
  await carol.getByRole('button', { name: 'Cast my ballot' }).click();
  await expect(carol.getByText(/receipt/i).first()).toBeVisible();
  await fits(carol, '40-narrow-voted');

  await vote('bob', proposal, { choice: 0 });
  await phase('alice', proposal, 'CLOSED');
  await carol.goto(`${proposal.path}/results`);
  await expect(carol.getByRole('heading', { level: 1, name: 'Result' })).toBeVisible();
  await expect(carol.getByText(options[0]!).first()).toBeVisible();
  await fits(carol, '41-narrow-results');

  await carol.goto(`${proposal.path}/ledger`);
  await expect(carol.getByRole('heading', { level: 1 })).toBeVisible();
  await fits(carol, '42-narrow-ledger');
});
