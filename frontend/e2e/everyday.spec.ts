import { expect, test, type Page } from '@playwright/test';
import {
  NAMES,
  as,
  circleWith,
  closeIfOpen,
  declare,
  draft,
  phase,
  signedIn,
  unique,
  vote,
  type CircleMade,
  type ProposalMade,
} from './fixtures';
import { expectAccessible, openProposal, screenshot, signedInOnPhone, stakeOf } from './support';

/**
 * What people meet every day: what needs my action and the bell, a new circle that is its creator's, a group
 * added during deliberation from any circle, counters before limits, a half-written proposal kept across a
 * reload and Back, the vote one tap from the top of a phone, and a fragile result that names what to check.
 */
const run = unique();
let circle: CircleMade;
let neighbours: CircleMade;
let proposal: ProposalMade;

test.beforeAll(async () => {
  circle = await circleWith(`Everyday Co-op ${run}`, ['bob', 'carol', 'dave']);
  neighbours = await (async () => {
    const alice = await as('alice');
    const made = await alice.post<{ id: string; slug: string }>('/api/v1/circles', {
      name: `Elm Street neighbours ${run}`,
      kind: 'OTHER',
    });
    return { id: made.id, slug: made.slug, name: `Elm Street neighbours ${run}` };
  })();
  proposal = await draft(circle, `Build a bike shelter ${run}`, { weighting: { policy: 'LINEAR' } });
  await phase('alice', proposal, 'DELIBERATION');
});
test.afterAll(() => closeIfOpen(proposal));

const unreadOf = async (page: Page) =>
  Number((await page.locator('a.bell').getAttribute('aria-label'))?.match(/(\d+)/)?.[1] ?? 'NaN');

test('what needs my action, the bell, and a notification read when opened', async ({ browser }) => {
  const { dave } = await signedIn(browser, ['dave']);
  const actions = dave.getByRole('region', { name: 'Needs my action' });
  await expect(actions.getByRole('link', { name: `Declare your stake in “${proposal.title}”` })).toBeVisible();
  const before = await unreadOf(dave);
  expect(before).toBeGreaterThan(0); // the proposal's opening told him
  await expectAccessible(dave, 'home with what needs my action');
  await screenshot(dave, '29-home-actions');
  await dave.locator('a.bell').click();
  await expect(dave.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  await dave
    .getByRole('link', { name: new RegExp(proposal.title) })
    .first()
    .click();
  await expect(dave.getByRole('heading', { level: 1, name: proposal.title })).toBeVisible();
  await expect.poll(() => unreadOf(dave)).toBe(before - 1);

  await dave.getByRole('radio', { name: '2 minor' }).check();
  await dave.getByRole('button', { name: 'Confirm: 2 (minor)' }).click();
  await expect(stakeOf(dave, 'dave')).toBeVisible();
  await dave.goto('/');
  await expect(dave.getByRole('region', { name: 'Needs my action' }).getByRole('heading')).toBeVisible();
  await expect(dave.getByRole('region', { name: 'Needs my action' })).not.toContainText(proposal.title, {
    timeout: 10_000,
  });
});

test('a new circle is its creator’s; any circle can be added as affected during deliberation', async ({ browser }) => {
  const { alice } = await signedIn(browser, ['alice']);
  await alice.goto('/circles/new');
  const name = `Tool library ${run}`;
  await alice.getByLabel('Name', { exact: true }).fill(name);
  await alice.getByRole('button', { name: 'Create the circle' }).click();
  await expect(alice.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(alice.getByRole('listitem').filter({ hasText: NAMES.alice })).toContainText('Facilitator');
  await alice.goto('/');
  await expect(alice.getByRole('region', { name: 'My circles' }).getByRole('link', { name })).toBeVisible();

  await openProposal(alice, proposal.path, proposal.title);
  await alice.getByRole('button', { name: 'Add an affected group' }).click();
  const form = alice.getByRole('group', { name: 'Add an affected group' });
  await form.getByLabel('How they are affected').fill('The shelter stands on their pavement.');
  await form.getByRole('searchbox', { name: 'Find a circle' }).fill('Elm Street');
  await form.getByRole('button', { name: 'Search' }).click();
  await form.getByRole('button', { name: `Add ${neighbours.name}` }).click();
  await expect(alice.getByText(`Group added: ${neighbours.name}`)).toBeVisible();
  await expect(alice.getByRole('region', { name: 'Who it affects' })).toContainText(neighbours.name);
});

test('counters before limits, and a half-written proposal kept across a reload and Back', async ({ browser }) => {
  const { bob, alice } = await signedIn(browser, ['bob', 'alice']);
  await openProposal(bob, proposal.path, proposal.title);
  const argument = bob.getByLabel('Argument', { exact: true });
  await argument.fill('x'.repeat(10_001));
  await expect(bob.getByText('1 character too many: shorten the text to send it.')).toBeVisible();
  await expect(argument).toHaveValue('x'.repeat(10_001)); // nothing cut silently
  await argument.fill('');

  alice.on('dialog', (dialog) => void dialog.accept()); // the unsaved-text guard asks; leave anyway
  await alice.goto(`/circles/${circle.slug}/proposals/new`);
  const title = `Half-written ${run}`;
  await alice.getByLabel('Title').fill(title);
  await alice.getByLabel('Summary').fill('Written before the reload.');
  await alice.reload();
  await expect(alice.getByText(/Draft restored/)).toBeVisible();
  await expect(alice.getByLabel('Title')).toHaveValue(title);
  await alice.getByRole('link', { name: 'Devolve', exact: true }).click(); // away, through the guard
  await expect(alice.getByRole('heading', { level: 1, name: `Welcome, ${NAMES.alice}` })).toBeVisible();
  await alice.goBack();
  await expect(alice.getByLabel('Summary')).toHaveValue('Written before the reload.');
});

test('the vote one tap from the top of a phone; a fragile result names the declaration to check', async ({
  browser,
}) => {
  const [everyone] = proposal.groups as [string];
  await declare('bob', proposal, everyone, 5, 'The shelter is for my cargo bike and my children’s bikes.');
  await declare('carol', proposal, everyone, 2);
  await phase('alice', proposal, 'VOTING');
  const carol = await signedInOnPhone(browser, 'carol');
  await openProposal(carol, proposal.path, proposal.title);
  const jump = carol.getByRole('link', { name: 'Vote now' });
  const box = await jump.boundingBox();
  expect(box && box.y + box.height).toBeLessThanOrEqual(812); // on the first screen
  await jump.click();
  await expect(carol.getByRole('heading', { name: 'Vote', exact: true })).toBeInViewport();
  await carol.getByRole('group', { name: 'Your stance' }).getByRole('radio', { name: 'Against' }).check();
  await carol.getByRole('button', { name: 'Cast my ballot' }).click();
  await expect(carol.getByText(/receipt/i).first()).toBeVisible();

  await vote('bob', proposal, { stance: 'FOR' });
  await vote('dave', proposal, { stance: 'AGAINST' });
  await phase('alice', proposal, 'CLOSED');
  const { bob } = await signedIn(browser, ['bob']);
  await bob.goto(`${proposal.path}/results`);
  await expect(bob.getByText('The declarations to check, in the order that flips it:')).toBeVisible();
  await expect(bob.getByText(`${NAMES.bob}: level 5`)).toBeVisible();
  await expectAccessible(bob, 'a fragile result');
  await screenshot(bob, '43-results-fragile');
});
