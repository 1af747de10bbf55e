import { expect, test } from '@playwright/test';
import { NAMES, as, closeIfOpen, courtyardOpen, signedIn, unique, type ProposalMade } from './fixtures';
import { expectAccessible, expectFitsNarrowScreen, openProposal, screenshot } from './support';

const run = unique();
let proposal: ProposalMade;

test.beforeAll(async () => {
  ({ proposal } = await courtyardOpen(run));
});
test.afterAll(() => closeIfOpen(proposal));

test('a typo is corrected after opening, with its history; an argument is edited and removed by its author', async ({
  browser,
}) => {
  const { alice, bob } = await signedIn(browser, ['alice', 'bob']);
  await openProposal(alice, proposal.path, proposal.title);
  await alice.getByRole('button', { name: 'Correct the wording' }).click();
  const corrected = proposal.title.replace('garden', 'shared garden');
  await alice.getByLabel('Title', { exact: true }).fill(corrected);
  await alice.getByLabel('What was corrected').fill('The garden is shared: said so in the title');
  await alice.getByRole('button', { name: 'Save the correction' }).click();
  await expect(alice.getByRole('heading', { level: 1, name: corrected })).toBeVisible();
  const history = alice.getByRole('list', { name: 'Edit history' });
  await expect(history).toContainText('The garden is shared: said so in the title');
  await expect(history.locator('del')).toHaveText(proposal.title);
  await expect(history.locator('ins')).toHaveText(corrected);
  await expectAccessible(alice, 'proposal with its edit history');

  await (
    await as('bob')
  ).post(`/api/v1/proposals/${proposal.id}/arguments`, {
    side: 'AGAINST',
    body: 'Where wil the delivery vans stop?',
  });
  await openProposal(bob, proposal.path, corrected);
  await expect(bob.getByRole('button', { name: 'Correct the wording' })).toHaveCount(0);
  await bob.getByRole('button', { name: 'Show the edit history' }).click();
  await expect(bob.getByRole('list', { name: 'Edit history' })).toContainText(NAMES.alice);
  const against = bob.getByRole('region', { name: 'Against', exact: true });
  await against.getByRole('button', { name: 'Edit my argument' }).click();
  await against.getByLabel('My argument, corrected').fill('Where will the delivery vans stop?');
  await against.getByRole('button', { name: 'Save the argument' }).click();
  await expect(against).toContainText('Where will the delivery vans stop?');
  await against.getByRole('button', { name: /^edited / }).click();
  await expect(against.getByText('Where wil the delivery vans stop?')).toBeVisible();
  await expectAccessible(bob, 'an edited argument with its history');
  await expectFitsNarrowScreen(bob, '05b-proposal-corrected-and-edited');

  await against.getByRole('button', { name: 'Remove my argument' }).click();
  await bob
    .getByRole('dialog', { name: 'Remove your argument?' })
    .getByRole('button', { name: 'Remove the argument' })
    .click();
  await expect(against).toContainText('Removed by its author');
  await expect(against).not.toContainText('delivery vans');
  await screenshot(bob, '05c-argument-removed');
});
