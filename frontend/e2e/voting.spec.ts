import { expect, test } from '@playwright/test';
import { closeIfOpen, courtyardInDeliberation, signedIn, unique, type ProposalMade } from './fixtures';
import { expectAccessible, expectFitsNarrowScreen, openProposal, screenshot } from './support';

const run = unique();
let proposal: ProposalMade;

test.beforeAll(async () => {
  ({ proposal } = await courtyardInDeliberation(run));
});
test.afterAll(() => closeIfOpen(proposal));

test('voting opens live; bob votes with the mouse, carol with the keyboard only; receipts verify', async ({
  browser,
}) => {
  const { alice, bob, carol } = await signedIn(browser, ['alice', 'bob', 'carol']);
  for (const page of [alice, bob, carol]) await openProposal(page, proposal.path, proposal.title);
  await alice.getByRole('button', { name: 'Open voting' }).click();
  await expect(bob.getByRole('heading', { name: 'Vote' })).toBeVisible(); // bob's page follows the phase change
  await alice.getByLabel('Voting closes at').fill('2031-06-30T18:00');
  await alice.getByRole('button', { name: 'Save the deadlines' }).click();
  await expect(alice.getByRole('navigation', { name: 'Phases' })).toContainText('due 30 Jun 2031');

  await bob.getByRole('group', { name: 'Your stance' }).getByRole('radio', { name: 'For' }).check();
  await bob.getByRole('button', { name: 'Cast my ballot' }).click();
  const receipt = bob.getByTestId('receipt');
  await expect(receipt).toContainText('Receipt:');
  await receipt.getByRole('button', { name: 'Verify my receipt' }).click();
  await expect(receipt).toContainText('✓ Found in the ledger, intact');
  await expect(receipt.getByTestId('receipt-sealed')).toContainText('it is the ballot you cast');
  await expect(bob.getByTestId('secrecy')).toContainText('Until voting closes, nobody sees any ballot');

  // carol: Tab to the stance, arrow to Against, Tab to the button, Enter
  await expect(carol.getByRole('heading', { name: 'Vote' })).toBeVisible();
  await carol.locator('body').focus();
  for (let i = 0; i < 100; i++) {
    await carol.keyboard.press('Tab');
    const focused = await carol.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name);
    if (focused === 'stance') break;
  }
  await carol.keyboard.press('ArrowRight');
  await expect(carol.getByRole('group', { name: 'Your stance' }).getByRole('radio', { name: 'Against' })).toBeChecked();
  await carol.keyboard.press('Tab');
  await expect(carol.getByRole('button', { name: 'Cast my ballot' })).toBeFocused();
  await carol.keyboard.press('Enter');
  await expect(carol.getByTestId('receipt')).toContainText('Receipt:');

  await alice.getByRole('group', { name: 'Your stance' }).getByRole('radio', { name: 'Against' }).check();
  await alice.getByRole('button', { name: 'Cast my ballot' }).click();
  await expect(alice.getByTestId('receipt')).toContainText('Receipt:');

  await expect(bob.getByTestId('turnout-text')).toContainText('Voters: 3; through a delegate: 1.'); // live

  // the results page during voting: when they come, with the time zone; no error, no "Try again"
  await carol.goto(`${proposal.path}/results`);
  await expect(carol.getByTestId('results-pending')).toContainText(
    'Voting is open until 30 Jun 2031, 18:00 CEST (Europe/Paris). The results appear here when voting closes.',
  );
  await expect(carol.getByRole('alert')).toHaveCount(0);
  await expect(carol.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  await expectAccessible(carol, 'results before the close');
  await screenshot(carol, '06b-results-before-close');

  await expectAccessible(bob, 'proposal in voting');
  await screenshot(bob, '06-proposal-voting');
  await expectFitsNarrowScreen(bob, '07-proposal-voting-375px');
});
