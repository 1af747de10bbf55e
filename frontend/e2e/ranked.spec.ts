import { expect, test, type Page } from '@playwright/test';
import { circleWith, signedIn, unique, type CircleMade } from './fixtures';
import { draftInCircle, expectAccessible, screenshot, toVoting } from './support';

const run = unique();
let circle: CircleMade;

test.beforeAll(async () => {
  circle = await circleWith(`Riverside Housing ${run}`, ['bob', 'carol']);
});

test('a ranked vote: bob orders the options with the keyboard only, carol by drag and drop', async ({ browser }) => {
  const { alice, bob, carol } = await signedIn(browser, ['alice', 'bob', 'carol']);
  const ranked = `Name the new garden ${run}`;
  const path = await draftInCircle(alice, circle.name, ranked, 'They will say its name every day.', async () => {
    await alice.getByLabel('Voting method').selectOption('RANKED_SCHULZE');
    await alice.getByLabel('Option 1', { exact: true }).fill('Riverside Garden');
    await alice.getByLabel('Option 2', { exact: true }).fill('Courtyard Commons');
    await alice.getByRole('button', { name: 'Add an option' }).click();
    await alice.getByLabel('Option 3', { exact: true }).fill('The Green');
  });
  await toVoting(alice, path, { bob, carol });

  const order = (page: Page) => page.locator('.ranking-item .rank-label').allTextContents();
  const tabUntil = async (page: Page, done: () => Promise<boolean>) => {
    for (let i = 0; i < 100 && !(await done()); i++) await page.keyboard.press('Tab');
  };
  await expect(bob.getByRole('heading', { name: 'Vote' })).toBeVisible();
  await bob.locator('body').focus();
  await tabUntil(bob, () => bob.getByTestId('rank-2').evaluate((el) => el === document.activeElement));
  await bob.keyboard.press('Space');
  await bob.keyboard.press('ArrowUp');
  await bob.keyboard.press('ArrowUp');
  await bob.keyboard.press('Space');
  await expect(bob.getByText('The Green dropped at position 1.')).toBeAttached();
  expect(await order(bob)).toEqual(['The Green', 'Riverside Garden', 'Courtyard Commons']);
  await tabUntil(bob, () =>
    bob.getByRole('button', { name: 'Cast my ballot' }).evaluate((el) => el === document.activeElement),
  );
  await bob.keyboard.press('Enter');
  await expect(bob.getByTestId('receipt')).toContainText('Receipt:');
  await bob.reload();
  await expect(bob.locator('.ranking-item .rank-label').first()).toHaveText('The Green'); // the ballot cast is shown again

  await carol.goto(path);
  await carol.getByTestId('rank-1').dragTo(carol.getByTestId('rank-0'));
  expect(await order(carol)).toEqual(['Courtyard Commons', 'Riverside Garden', 'The Green']);
  await carol.getByRole('button', { name: 'Cast my ballot' }).click();
  await expect(carol.getByTestId('receipt')).toContainText('Receipt:');
  await expectAccessible(carol, 'ranked vote');
  await screenshot(carol, '12-ranked-vote');
});
