import { expect, test } from '@playwright/test';
import { circleWith, signedIn, unique, type CircleMade } from './fixtures';
import { draftInCircle, expectAccessible, screenshot, toVoting } from './support';

const run = unique();
let circle: CircleMade;

test.beforeAll(async () => {
  circle = await circleWith(`Riverside Housing ${run}`, ['bob', 'carol']);
});

test('a secret ballot: receipts still verify, but no one sees who voted what, and small cells merge', async ({
  browser,
}) => {
  const { alice, bob, carol } = await signedIn(browser, ['alice', 'bob', 'carol']);
  const secret = `Choose the keeper of the garden keys ${run}`;
  const path = await draftInCircle(alice, circle.name, secret, 'The keeper decides who may enter after dark.', () =>
    alice.getByRole('checkbox', { name: 'Secret ballot' }).check(),
  );
  await expect(alice.getByText('secret: no one can see who voted what')).toBeVisible();
  await toVoting(alice, path, { bob, carol });
  for (const [page, stance] of [
    [bob, 'For'],
    [carol, 'Against'],
  ] as const) {
    await expect(page.getByRole('heading', { name: 'Vote' })).toBeVisible();
    await expect(page.getByTestId('secrecy')).toContainText(
      'nobody — not the author, not a facilitator, not an admin — can see who voted what',
    );
    await page.getByRole('group', { name: 'Your stance' }).getByRole('radio', { name: stance }).check();
    await page.getByRole('button', { name: 'Cast my ballot' }).click();
    const receipt = page.getByTestId('receipt');
    await receipt.getByRole('button', { name: 'Verify my receipt' }).click();
    await expect(receipt).toContainText('✓ Found in the ledger, intact');
    await expect(receipt.getByTestId('receipt-sealed')).toBeVisible();
  }
  await alice.getByRole('button', { name: 'Close voting and count' }).click();
  await alice.getByRole('dialog').getByRole('button', { name: 'Close voting and count' }).click();
  await alice.getByRole('link', { name: 'See the result' }).click();
  for (const page of [alice, bob]) {
    if (page !== alice) await page.goto(`${path}/results`);
    await expect(page.getByRole('heading', { level: 1, name: 'Result' })).toBeVisible();
    await expect(page.getByTestId('outcome')).toHaveText('Rejected');
    await expect(page.getByTestId('tie')).toHaveText(
      'For and against carry exactly the same weight, so the proposal is not adopted: the status quo stands.',
    );
    await expect(page.getByRole('row').filter({ hasText: /^other/ })).toHaveCount(2); // by group and by level
    await expect(page.getByTestId('ballots-secret')).toContainText(
      'no one, not even a facilitator, can see who voted what',
    );
    await expect(page.getByTestId('secrecy-statement')).toContainText('What these totals reveal');
    await expect(page.getByTestId('ballots-table')).toHaveCount(0);
    await expect(page.getByTestId('every-weight')).toHaveCount(0); // nothing per person
    await expect(page.getByTestId('fragility-declarations')).toHaveCount(0);
    await expect(page.getByText('groups or levels with fewer than 5 voters are merged into “other”')).toBeVisible();
    await expect(page.getByTestId('ledger-verified')).toContainText('✓ Verified');
  }
  await expectAccessible(bob, 'results of a secret ballot');
  await screenshot(bob, '13-results-secret');
});
