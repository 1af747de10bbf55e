import { expect, test, type Page } from '@playwright/test';
import {
  NAMES,
  as,
  challengeOf,
  circleWith,
  closeIfOpen,
  declare,
  draft,
  idOf,
  phase,
  signedIn,
  unique,
  type CircleMade,
  type ProposalMade,
} from './fixtures';
import { expectAccessible, openProposal, screenshot } from './support';

/**
 * Every action that cannot be undone asks first, says what will happen, and does nothing until confirmed:
 * Cancel and Escape leave everything as it was (checked through the API, not only on the screen).
 */
const run = unique();
let circle: CircleMade;
let toWithdraw: ProposalMade;
let toClose: ProposalMade;
let challenged: ProposalMade;

test.beforeAll(async () => {
  circle = await circleWith(`Confirming Co-op ${run}`, ['bob', 'carol', 'dave'], 50);
  toWithdraw = await draft(circle, `Paint the stairwell ${run}`);
  toClose = await draft(circle, `Buy a cargo bike ${run}`);
  await phase('alice', toClose, 'DELIBERATION');
  await declare('bob', toClose, toClose.groups[0]!, 2);
  await phase('alice', toClose, 'VOTING');
  challenged = await draft(circle, `Move the bins ${run}`);
  await phase('alice', challenged, 'DELIBERATION');
  await declare('bob', challenged, challenged.groups[0]!, 5, 'The bins stand under my window.');
  await challengeOf('carol', challenged, 'bob', 'The bins are round the corner from his window.');
});
test.afterAll(async () => {
  await closeIfOpen(toClose);
  if ((await openChallengesOf(challenged)) > 0) {
    await (
      await as('alice')
    ).post(`/api/v1/proposals/${challenged.id}/challenges/resolution`, { reason: 'The spec ends here.' });
  }
  await closeIfOpen(challenged);
});

const phaseOf = async (proposal: ProposalMade) =>
  (await (await as('alice')).get<{ phase: string }>(`/api/v1/proposals/${proposal.id}`)).phase;
const openChallengesOf = async (proposal: ProposalMade) =>
  (await (await as('alice')).get<{ openChallenges: number }>(`/api/v1/proposals/${proposal.id}`)).openChallenges;
const membersOf = async () =>
  (
    await (
      await as('alice')
    ).get<{ items: { member?: { id?: string } }[] }>(`/api/v1/circles/${circle.id}/members?limit=100`)
  ).items.map((m) => m.member?.id);

/** Opens the dialog with `button`, checks it, cancels it (by its button, or Escape); returns the dialog. */
async function askThenCancel(page: Page, button: string, title: string | RegExp, how: 'button' | 'escape') {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused(); // Enter does not confirm by accident
  if (how === 'button') await dialog.getByRole('button', { name: 'Cancel' }).click();
  else await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: button, exact: true })).toBeFocused(); // focus back where it was
}

test('withdrawing and closing ask first; Cancel and Escape change nothing', async ({ browser }) => {
  const { alice } = await signedIn(browser, ['alice']);

  await openProposal(alice, toWithdraw.path, toWithdraw.title);
  await alice.getByRole('button', { name: 'Withdraw', exact: true }).click();
  const withdraw = alice.getByRole('dialog', { name: `Withdraw “${toWithdraw.title}”?` });
  await expect(withdraw).toContainText('cannot be reopened');
  await expectAccessible(alice, 'the withdraw confirmation');
  await screenshot(alice, '20-confirm-withdraw');
  await withdraw.getByRole('button', { name: 'Cancel' }).click();
  await askThenCancel(alice, 'Withdraw', `Withdraw “${toWithdraw.title}”?`, 'escape');
  expect(await phaseOf(toWithdraw)).toBe('DRAFT');
  await alice.getByRole('button', { name: 'Withdraw', exact: true }).click();
  await withdraw.getByRole('button', { name: 'Withdraw the proposal' }).click();
  await expect.poll(() => phaseOf(toWithdraw)).toBe('WITHDRAWN');
  await expect(alice.getByText('Withdrawn').first()).toBeVisible();

  await openProposal(alice, toClose.path, toClose.title);
  await askThenCancel(alice, 'Close voting and count', `Close voting on “${toClose.title}” and count?`, 'button');
  await askThenCancel(alice, 'Close voting and count', `Close voting on “${toClose.title}” and count?`, 'escape');
  expect(await phaseOf(toClose)).toBe('VOTING');
  await alice.getByRole('button', { name: 'Close voting and count', exact: true }).click();
  await alice.getByRole('dialog').getByRole('button', { name: 'Close voting and count' }).click();
  await expect.poll(() => phaseOf(toClose)).toBe('CLOSED');
});

test('keeping every challenged declaration asks first and needs its reason', async ({ browser }) => {
  const { alice } = await signedIn(browser, ['alice']);
  await openProposal(alice, challenged.path, challenged.title);
  const keepAll = alice.getByRole('button', { name: 'Keep every challenged declaration', exact: true });
  await expect(keepAll).toBeDisabled(); // the ledger needs a reason first
  await alice.getByLabel('Note for the ledger (optional)').fill('Checked on site: the window faces the bins.');
  await askThenCancel(
    alice,
    'Keep every challenged declaration',
    'Keep every challenged declaration as declared?',
    'button',
  );
  expect(await openChallengesOf(challenged)).toBe(1);
  await keepAll.click();
  const dialog = alice.getByRole('dialog', { name: 'Keep every challenged declaration as declared?' });
  await expect(dialog).toContainText('The 1 open challenge is closed');
  await expectAccessible(alice, 'the keep-all confirmation');
  await dialog.getByRole('button', { name: 'Keep every challenged declaration' }).click();
  await expect.poll(() => openChallengesOf(challenged)).toBe(0);
});

test('removing a member and leaving a circle ask first', async ({ browser }) => {
  const { alice, bob } = await signedIn(browser, ['alice', 'bob']);
  const daveId = await idOf('dave');
  const bobId = await idOf('bob');

  await alice.goto(`/circles/${circle.slug}`);
  await expect(alice.getByRole('heading', { level: 1, name: circle.name })).toBeVisible();
  const remove = `Remove ${NAMES.dave}`;
  await askThenCancel(alice, remove, `Remove ${NAMES.dave} from ${circle.name}?`, 'button');
  await askThenCancel(alice, remove, `Remove ${NAMES.dave} from ${circle.name}?`, 'escape');
  expect(await membersOf()).toContain(daveId);
  await alice.getByRole('button', { name: remove, exact: true }).click();
  await expectAccessible(alice, 'the remove-member confirmation');
  await screenshot(alice, '21-confirm-remove-member');
  await alice.getByRole('dialog').getByRole('button', { name: remove }).click();
  await expect.poll(membersOf).not.toContain(daveId);

  await bob.goto(`/circles/${circle.slug}`);
  await expect(bob.getByRole('heading', { level: 1, name: circle.name })).toBeVisible();
  await askThenCancel(bob, 'Leave the circle', `Leave ${circle.name}?`, 'button');
  expect(await membersOf()).toContain(bobId);
  await bob.getByRole('button', { name: 'Leave the circle', exact: true }).click();
  await bob.getByRole('dialog').getByRole('button', { name: 'Leave the circle' }).click();
  await expect.poll(membersOf).not.toContain(bobId);
});
