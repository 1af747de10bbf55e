import { expect, test } from '@playwright/test';
import { circleWith, signedIn, unique, type CircleMade } from './fixtures';
import { draftInCircle, expectAccessible, screenshot, stakeOf } from './support';

const run = unique();
let circle: CircleMade;

test.beforeAll(async () => {
  circle = await circleWith(`Riverside Housing ${run}`, ['bob', 'carol', 'dave']);
});

test('erin, outside the circle, finds a proposal open to anyone affected and joins it with a self-identified stake', async ({
  browser,
}) => {
  const { alice, erin } = await signedIn(browser, ['alice', 'erin']);
  const fete = `Noise rules for the summer fête ${run}`;
  await draftInCircle(alice, circle.name, fete, 'Music until midnight in the courtyard.', () =>
    alice.getByRole('checkbox', { name: 'Let anyone signed in declare a stake (self-identified)' }).check(),
  );
  await alice.getByRole('button', { name: 'Open deliberation' }).click();
  await expect(alice.getByRole('navigation', { name: 'Phases' }).locator('[aria-current="step"]')).toContainText(
    'Deliberation',
  );

  await erin.goto('/');
  const affectingErin = erin.getByRole('region', { name: 'Proposals that affect me' });
  await expect(affectingErin.getByRole('heading', { name: 'Open now' })).toBeVisible(); // loaded
  await expect(affectingErin.getByRole('link', { name: fete })).toHaveCount(0); // she is in none of its circles
  await erin.getByRole('link', { name: /Find other proposals/ }).click();
  const search = erin.getByRole('search', { name: 'Find proposals' });
  await search.getByLabel('Words in the title or summary').fill(fete);
  await search.getByLabel('Only those open to anyone affected').check();
  await search.getByRole('button', { name: 'Search' }).click();
  const found = erin.locator('.proposal-list li').filter({ hasText: fete });
  await expect(found).toContainText('open to anyone affected');
  await expectAccessible(erin, 'find proposals');
  await screenshot(erin, '15-find-proposals');
  await found.getByRole('link', { name: fete }).click();
  await expect(erin.getByRole('heading', { level: 1, name: fete })).toBeVisible();
  await erin.getByRole('radio', { name: '2 minor' }).check();
  await erin.getByRole('button', { name: 'Confirm: 2 (minor)' }).click();
  await expect(stakeOf(erin, 'erin')).toContainText('self-identified');
  await erin.goto('/');
  await expect(
    erin.getByRole('region', { name: 'Proposals that affect me' }).getByRole('link', { name: fete }),
  ).toBeVisible();
});
