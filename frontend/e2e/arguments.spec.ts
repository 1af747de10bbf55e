import { expect, test, type Page } from '@playwright/test';
import { closeIfOpen, courtyardInDeliberation, signedIn, unique, type ProposalMade } from './fixtures';
import { openProposal, screenshot } from './support';

const run = unique();
let proposal: ProposalMade;

test.beforeAll(async () => {
  ({ proposal } = await courtyardInDeliberation(run));
});
test.afterAll(() => closeIfOpen(proposal));

test('they argue in three columns, and a new argument appears live', async ({ browser }) => {
  const { alice, bob, carol } = await signedIn(browser, ['alice', 'bob', 'carol']);
  await openProposal(bob, proposal.path, proposal.title);
  await expect(bob.getByTestId('entrusted-to-me')).toHaveText(
    'Entrusted to you here by: Dave Nakamura. If they do not vote, their weight follows your ballot.',
  );
  const post = async (page: Page, side: string, text: string) => {
    await page.getByRole('group', { name: 'My argument is' }).getByRole('radio', { name: side }).check();
    await page.getByLabel('Argument', { exact: true }).fill(text);
    await page.getByRole('button', { name: 'Post the argument' }).click();
  };
  await post(bob, 'For', 'Children could **play** safely.');
  await expect(bob.getByRole('region', { name: 'For', exact: true })).toContainText('Children could play safely.');
  await openProposal(carol, proposal.path, proposal.title);
  await post(carol, 'Against', 'Where will the delivery vans stop?');
  await expect(bob.getByRole('region', { name: 'Against', exact: true })).toContainText('delivery vans'); // without reloading
  await openProposal(alice, proposal.path, proposal.title);
  await post(alice, 'Another framing', 'Could part of it stay a loading bay?');
  await expect(alice.getByRole('region', { name: 'Another framing' })).toContainText('loading bay');
  await screenshot(bob, '05-proposal-deliberation');
});
