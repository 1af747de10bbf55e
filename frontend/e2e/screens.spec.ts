import { expect, test, type Page } from '@playwright/test';
import { circleWith, draft, signedIn, unique, type CircleMade, type ProposalMade } from './fixtures';
import { expectAccessible, expectFitsNarrowScreen, screenshot } from './support';

/**
 * The screens no journey dwells on, each reached by a link as people reach them: its own page title, focus on
 * its heading after the navigation (a screen reader starts there), axe clean, no sideways scrolling at 375 px,
 * and a screenshot.
 */
const run = unique();
let circle: CircleMade;
let proposal: ProposalMade;

test.beforeAll(async () => {
  circle = await circleWith(`Screens Co-op ${run}`, ['bob']);
  proposal = await draft(circle, `Repaint the bike shed ${run}`);
});

async function arrived(page: Page, heading: string, title: string, shot: string) {
  const h1 = page.getByRole('heading', { level: 1, name: heading });
  await expect(h1).toBeVisible();
  await expect(h1).toBeFocused();
  await expect(page).toHaveTitle(`${title} · Devolve`);
  await expectAccessible(page, shot);
  await screenshot(page, shot);
  await expectFitsNarrowScreen(page, `${shot}-375px`);
}

test('every other screen: its title, focus on its heading, axe, a phone', async ({ browser }) => {
  const { alice } = await signedIn(browser, ['alice']);

  await alice.getByRole('link', { name: 'Circles', exact: true }).first().click();
  await arrived(alice, 'Circles', 'Circles', '24-circles');

  await alice.goto('/');
  await alice.getByRole('link', { name: 'New circle' }).click();
  await arrived(alice, 'New circle', 'New circle', '25-new-circle');

  await alice.goto(proposal.path);
  await alice.getByRole('link', { name: 'Edit the draft' }).click();
  await arrived(alice, 'Edit the draft', `Edit the draft · ${proposal.title}`, '26-edit-draft');

  await alice.goto('/');
  await alice
    .getByRole('link', { name: /notifications/i })
    .first()
    .click();
  await arrived(alice, 'Notifications', 'Notifications', '27-notifications');

  await alice.goto('/no/such/screen');
  await expect(alice.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(alice, 'not found');
  await screenshot(alice, '28-not-found');
});
