import { expect, test } from '@playwright/test';
import { as, courtyardClosed, signedIn, unique, type ProposalMade } from './fixtures';
import { expectAccessible, expectFitsNarrowScreen, screenshot } from './support';

const run = unique();
let proposal: ProposalMade;

test.beforeAll(async () => {
  ({ proposal } = await courtyardClosed(run));
  // dave's delegations that other proposals (other specs, earlier runs) still hold are withdrawn first
  const dave = await as('dave');
  const mine = await dave.get<{ given?: { proposalId?: string | null; circleId?: string | null }[] }>(
    '/api/v1/me/delegations',
  );
  for (const d of mine.given ?? []) {
    await dave.delete(
      d.proposalId ? `/api/v1/proposals/${d.proposalId}/delegation` : `/api/v1/circles/${d.circleId}/delegation`,
    );
  }
});

test('home shows what affects me, my budget, notifications and delegations', async ({ browser }) => {
  const { dave } = await signedIn(browser, ['dave']);
  const title = proposal.title;
  await dave.goto('/');
  const affecting = dave.getByRole('region', { name: 'Proposals that affect me' });
  await expect(affecting.getByRole('link', { name: title })).toBeVisible();
  await expect(affecting.getByRole('heading', { name: 'Recently decided' })).toBeVisible(); // it is closed now
  await expect(affecting.locator('li').filter({ hasText: title })).toContainText('Closed');
  await expect(dave.getByRole('region', { name: 'My stake budgets' })).toContainText('49 of 50 points left');
  await expect(dave.getByRole('region', { name: 'My delegations' })).toContainText('No delegation in force'); // it did its work
  await expect(dave.getByRole('region', { name: 'Notifications' }).getByRole('listitem').first()).toBeVisible();
  await expectAccessible(dave, 'home');
  await screenshot(dave, '02-home');
  await expectFitsNarrowScreen(dave, '02-home-375px');
});
