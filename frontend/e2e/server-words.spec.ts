import { expect, test } from '@playwright/test';
import { courtyardClosed, signedIn, unique, type ProposalMade } from './fixtures';
import { expectAccessible } from './support';

const run = unique();
let proposal: ProposalMade;

test.beforeAll(async () => {
  ({ proposal } = await courtyardClosed(run));
});

test('what the server sends reads in French and German: the notifications of a decision', async ({ browser }) => {
  const { carol } = await signedIn(browser, ['carol']);
  await carol.goto('/notifications');
  await carol.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  // the notifications are written just after the close (the outbox): look again until they are there
  await expect(async () => {
    await carol.reload();
    await expect(carol.getByText(`« ${proposal.title} » est décidée : adoptée`)).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  const main = carol.getByRole('main');
  await expect(main).toContainText(`Le vote est ouvert sur « ${proposal.title} »`);
  for (const english of ['is decided', 'Voting is open', 'is open for deliberation']) {
    await expect(main).not.toContainText(english);
  }
  await expectAccessible(carol, 'notifications in French');

  await carol.getByRole('combobox', { name: 'Langue' }).selectOption('de');
  await expect(carol.getByText(`„${proposal.title}“ ist entschieden: angenommen`)).toBeVisible();
  for (const english of ['is decided', 'Voting is open', 'is open for deliberation']) {
    await expect(main).not.toContainText(english);
  }
  await carol.getByRole('combobox', { name: 'Sprache' }).selectOption('en');
  await expect(carol.getByText(`“${proposal.title}” is decided: adopted`)).toBeVisible();
});
