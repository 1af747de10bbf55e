import { expect, test } from '@playwright/test';
import { courtyardClosed, signedIn, unique, type ProposalMade } from './fixtures';
import { expectAccessible, screenshot } from './support';

const run = unique();
let proposal: ProposalMade;

test.beforeAll(async () => {
  ({ proposal } = await courtyardClosed(run));
});

test('the French UI: words, numbers and dates', async ({ browser }) => {
  const { carol } = await signedIn(browser, ['carol']);
  await carol.goto(`${proposal.path}/results`);
  await carol.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await expect(carol.getByRole('heading', { level: 1, name: 'Résultat' })).toBeVisible();
  await expect(carol.getByTestId('outcome')).toHaveText('Adoptée');
  await expect(carol.getByTestId('weighted-vs-equal')).toContainText('5,00 (71,4 %)');
  await expect(carol.locator('html')).toHaveAttribute('lang', 'fr');
  await expectAccessible(carol, 'results in French');
  await screenshot(carol, '10-results-fr');
  await carol.goto(proposal.path);
  await expect(carol.getByRole('navigation', { name: 'Phases' })).toContainText('Clos');
  await expect(carol.getByRole('heading', { name: 'Comment on décide' })).toBeVisible();
  await expectAccessible(carol, 'closed proposal in French');
  await screenshot(carol, '11-proposal-closed-fr');
  await carol.getByRole('combobox', { name: 'Langue' }).selectOption('de');
  await expect(carol.getByRole('heading', { name: 'Wie entschieden wird' })).toBeVisible();
  await expect(carol.locator('html')).toHaveAttribute('lang', 'de');
  await carol.goto(`${proposal.path}/results`);
  await expect(carol.getByTestId('weighted-vs-equal')).toContainText('5,00 (71,4 %)');
  await expectAccessible(carol, 'results in German');
  await screenshot(carol, '10-results-de');
  await carol.getByRole('combobox', { name: 'Sprache' }).selectOption('en');
  await expect(carol.getByRole('heading', { level: 1, name: 'Result' })).toBeVisible();
});
