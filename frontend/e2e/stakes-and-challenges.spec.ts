import { expect, test } from '@playwright/test';
import { closeIfOpen, courtyardOpen, signedIn, unique, type ProposalMade } from './fixtures';
import { expectAccessible, openProposal, stakeOf } from './support';

const run = unique();
let proposal: ProposalMade;

test.beforeAll(async () => {
  ({ proposal } = await courtyardOpen(run));
});
test.afterAll(() => closeIfOpen(proposal));

test('bob declares a vital stake, seeing its cost first; carol challenges it, bob answers, alice lowers it', async ({
  browser,
}) => {
  const { alice, bob, carol, dave } = await signedIn(browser, ['alice', 'bob', 'carol', 'dave']);
  const title = proposal.title;
  await bob.goto('/');
  await bob.getByRole('region', { name: 'Proposals that affect me' }).getByRole('link', { name: title }).click();
  await expect(bob.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await bob.getByLabel('I am affected as').selectOption({ label: 'Tenants of building C — suggested: major' });
  await bob.getByRole('radio', { name: '5 vital' }).check();
  const preview = bob.getByTestId('cost-preview');
  await expect(preview).toContainText('Level 5 costs 25 points.');
  await expect(preview).toContainText('25 points left this period after confirming.');
  await bob
    .getByLabel('Why (required above the suggested level)')
    .fill('My flat and my workshop open onto the courtyard.');
  await bob.getByRole('button', { name: 'Confirm: 5 (vital)' }).click();
  await expect(stakeOf(bob, 'bob')).toContainText('above suggested level');
  await expectAccessible(bob, 'proposal in deliberation');

  await openProposal(carol, proposal.path, title);
  await carol.getByRole('radio', { name: '1 marginal' }).check();
  await carol.getByRole('button', { name: 'Confirm: 1 (marginal)' }).click();
  await expect(stakeOf(carol, 'carol')).toContainText('marginal');
  await stakeOf(carol, 'bob')
    .getByRole('button', { name: /Challenge Bob Okafor/ })
    .click();
  await carol.getByLabel('Why do you challenge it?').fill('The workshop is on the street side, not the courtyard.');
  await carol.getByRole('button', { name: 'Send the challenge' }).click();
  await expect(stakeOf(carol, 'bob')).toContainText('Challenged by Carol Lindqvist');

  await bob.reload();
  await stakeOf(bob, 'bob').getByRole('button', { name: 'Answer the challenge' }).click();
  await bob.getByLabel('Your answer').fill('True for the workshop; my bedroom faces the courtyard.');
  await bob.getByRole('button', { name: 'Send the answer' }).click();
  await expect(stakeOf(bob, 'bob')).toContainText('Answer: “True for the workshop');

  await openProposal(dave, proposal.path, title);
  await dave.getByRole('radio', { name: '1 marginal' }).check();
  await dave.getByRole('button', { name: 'Confirm: 1 (marginal)' }).click();
  const entrust = dave.getByRole('search', { name: 'Find someone to entrust' });
  await entrust.getByRole('searchbox').fill('Bob');
  await entrust.getByRole('button', { name: 'Search' }).click();
  await entrust.getByRole('button', { name: 'Delegate to Bob Okafor' }).click();
  await expect(dave.getByText('You entrust your judgement to Bob Okafor.')).toBeVisible();
  await dave.goto('/');
  await expect(
    dave.getByRole('region', { name: 'My delegations' }).getByRole('listitem').filter({ hasText: title }),
  ).toHaveText(`Bob Okafor, for the proposal ${title}`);
  await bob.goto('/');
  const entrusted = bob.getByRole('region', { name: 'My delegations' });
  await expect(entrusted.getByRole('heading', { name: 'Entrusted to me by' })).toBeVisible();
  await expect(entrusted.getByRole('listitem').filter({ hasText: title })).toHaveText(
    `Dave Nakamura, for the proposal ${title}`,
  );

  await openProposal(alice, proposal.path, title);
  await alice.getByRole('radio', { name: '1 marginal' }).check();
  await alice.getByRole('button', { name: 'Confirm: 1 (marginal)' }).click();
  const bobsStake = stakeOf(alice, 'bob');
  await bobsStake.getByLabel('Lower to level').selectOption('4');
  await bobsStake.getByRole('button', { name: 'Lower it' }).click();
  await alice.getByRole('dialog').getByRole('button', { name: 'Lower it to level 4' }).click();
  await expect(bobsStake).toContainText('lowered from 5 to 4');
  await expect(bobsStake).toContainText('lowered to 4');
});
