import { expect, test, type Page } from '@playwright/test';
import { circleWith, declare, draft, phase, signedIn, unique, vote, type CircleMade } from './fixtures';
import { draftInCircle, expectAccessible, expectFitsNarrowScreen, screenshot, toVoting } from './support';

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
  await toVoting(alice, path, { bob, carol, alice });

  const order = (page: Page) => page.locator('.ranking-item .rank-label').allTextContents();
  const tabUntil = async (page: Page, done: () => Promise<boolean>) => {
    for (let i = 0; i < 100 && !(await done()); i++) await page.keyboard.press('Tab');
  };
  await expect(bob.getByRole('heading', { name: 'Vote' })).toBeVisible();
  await bob.locator('body').focus();
  // a ranked ballot starts unranked: bob ranks every option with the keyboard, in the author's order, then moves one
  for (const option of ['Riverside Garden', 'Courtyard Commons', 'The Green']) {
    const rank = bob.getByRole('button', { name: `Rank ${option}` });
    await tabUntil(bob, () => rank.evaluate((el) => el === document.activeElement));
    await bob.keyboard.press('Enter');
  }
  expect(await order(bob)).toEqual(['Riverside Garden', 'Courtyard Commons', 'The Green']);
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
  for (const option of ['Riverside Garden', 'Courtyard Commons', 'The Green']) {
    await carol.getByRole('button', { name: `Rank ${option}` }).click();
  }
  await carol.getByTestId('rank-1').dragTo(carol.getByTestId('rank-0'));
  expect(await order(carol)).toEqual(['Courtyard Commons', 'Riverside Garden', 'The Green']);
  await carol.getByRole('button', { name: 'Cast my ballot' }).click();
  await expect(carol.getByTestId('receipt')).toContainText('Receipt:');
  await expectAccessible(carol, 'ranked vote');
  await screenshot(carol, '12-ranked-vote');

  // alice ranks too (through the API), closes, and the result explains why the winner won
  await vote('alice', { id: path.split('/').pop()!, path, title: ranked, groups: [] }, { ranking: [1, 2, 0] });
  await alice.reload();
  await alice.getByRole('button', { name: 'Close voting and count' }).click();
  await alice.getByRole('dialog').getByRole('button', { name: 'Close voting and count' }).click();
  await alice.getByRole('link', { name: 'See the result' }).click();
  await expect(alice.getByTestId('outcome')).toHaveText('Chosen: Courtyard Commons');
  const pairwise = alice.getByRole('table', { name: /Head to head/ });
  await expect(pairwise).toBeVisible();
  await expect(pairwise.getByRole('columnheader', { name: 'over The Green' })).toBeVisible();
  await expect(pairwise.getByRole('row').filter({ hasText: /^Courtyard Commons/ })).toContainText('2.83 wins');
  await expect(alice.getByText('Courtyard Commons beats The Green: 2.83 to 1.41.')).toBeVisible();
  await expect(alice.getByTestId('condorcet')).toHaveText('Courtyard Commons beats every other option head to head.');
  await expect(alice.getByRole('table', { name: /Strongest paths/ })).toBeVisible();
  await expect(alice.getByRole('list', { name: 'Full ranking, first to last' }).getByRole('listitem')).toHaveText([
    'Courtyard Commons',
    'The Green',
    'Riverside Garden',
  ]);
  await expectAccessible(alice, 'ranked result');
  await screenshot(alice, '16-results-ranked');
});

// a 300-character word cannot be a title or an option (the API takes 200 at most): the longest it takes is used
test('a ranked result with long option labels and the longest word fits a phone', async ({ browser }) => {
  const word = 'x'.repeat(200);
  const long = 'A community garden with raised beds, a tool library, a bench under the lime tree and a compost corner';
  const proposal = await draft(circle, `${'y'.repeat(180)} ${run}`, {
    method: 'RANKED_SCHULZE',
    options: [long, word, 'Short'],
  });
  await phase('alice', proposal, 'DELIBERATION');
  for (const user of ['alice', 'bob', 'carol'] as const) await declare(user, proposal, proposal.groups[0]!, 2);
  await phase('alice', proposal, 'VOTING');
  await vote('alice', proposal, { ranking: [0, 1, 2] });
  await vote('bob', proposal, { ranking: [1, 0, 2] });
  await vote('carol', proposal, { ranking: [0, 2, 1] });
  await phase('alice', proposal, 'CLOSED');
  const { bob } = await signedIn(browser, ['bob']);
  await bob.goto(`${proposal.path}/results`);
  await expect(bob.getByRole('table', { name: /Head to head/ })).toBeVisible();
  await expect(bob.getByTestId('full-ranking').getByRole('listitem').first()).toHaveText(long);
  await expectAccessible(bob, 'ranked result with long labels');
  await expectFitsNarrowScreen(bob, '17-results-ranked-long-375px');
});
