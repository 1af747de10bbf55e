import { expect, test } from '@playwright/test';
import { courtyardClosed, signedIn, unique, type CircleMade, type ProposalMade } from './fixtures';
import { expectAccessible, expectFitsNarrowScreen, screenshot } from './support';

const run = unique();
let proposal: ProposalMade;
let circle: CircleMade;

test.beforeAll(async () => {
  ({ proposal, circle } = await courtyardClosed(run));
});

test('everyone sees the closed result beside one-person-one-vote, and a verified ledger', async ({ browser }) => {
  const people = await signedIn(browser, ['alice', 'bob', 'carol', 'dave']);
  const { alice } = people;
  const title = proposal.title;
  await alice.goto(proposal.path);
  await alice.getByRole('link', { name: 'See the result' }).click();
  await expect(alice.getByRole('heading', { level: 1, name: 'Result' })).toBeVisible();

  for (const user of ['alice', 'bob', 'carol', 'dave'] as const) {
    const page = people[user];
    if (user !== 'alice') await page.goto(`${proposal.path}/results`);
    await expect(page.getByTestId('outcome')).toHaveText('Adopted');
    const chart = page.getByTestId('weighted-vs-equal');
    await expect(chart.getByRole('table', { name: 'Weighted by stake' })).toContainText('5.00 (71.4%)');
    await expect(chart.getByRole('table', { name: 'One person, one vote (same voters)' })).toContainText('2 (50%)');
    await expect(chart).toContainText('Weighting by stake changed the outcome.');
    await expect(page.getByTestId('ledger-verified')).toContainText('✓ Verified');
  }
  const ballots = alice.getByTestId('ballots-table'); // a public proposal: who voted what, once closed
  await expect(ballots.getByRole('row').filter({ hasText: 'Bob Okafor' })).toContainText('For');
  await expect(ballots.getByRole('row').filter({ hasText: 'Carol Lindqvist' })).toContainText('Against');
  await expect(ballots.getByRole('row').filter({ hasText: 'Dave Nakamura' })).toHaveCount(0); // he delegated
  await expect(ballots.getByRole('row').filter({ hasText: 'Bob Okafor' })).toContainText('4.00'); // his weight beside his ballot
  await expect(alice.getByTestId('solidarities-disagree').first()).toBeVisible();
  await expect(alice.getByTestId('equal-would-have')).toHaveText(
    'Counted one person, one vote, the same voters would have rejected it.',
  );
  const weights = alice.getByTestId('weights-table'); // everyone whose weight counted, delegators included
  await expect(weights.getByRole('row').filter({ hasText: 'Dave Nakamura' })).toContainText(`level 1, ${circle.name}`);
  await expect(weights.getByRole('row').filter({ hasText: 'Dave Nakamura' })).toContainText(
    '1.00through Bob Okafor: For',
  );
  await expect(weights.getByRole('row').filter({ hasText: 'In all' })).toContainText(
    '7.004 people (3 own ballots, 1 through a delegate)',
  );
  await expect(alice.getByTestId('weights-agree')).toContainText('the same weight cast, voters and delegators');
  await expect(alice.getByRole('region', { name: 'Turnout and quorum' })).toContainText(
    'Voters: 3; through a delegate: 1.', // the same counts as the table above
  );
  await expect(alice.getByTestId('hashes-compared')).toContainText(
    /the count was made from the ledger as it stood after entry \d+/,
  );
  await expect(alice.getByTestId('recount-jar')).toHaveAttribute('href', '/api/v1/recount.jar');
  await expect(
    alice.getByText('Delegation: a weight of 1.00 followed a delegate’s ballot (delegators: 1)', { exact: false }),
  ).toBeVisible();
  const download = alice.waitForEvent('download');
  await alice.getByRole('button', { name: 'Download JSON' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.json$/);
  await expectAccessible(alice, 'results');
  await screenshot(alice, '08-results');
  await expectFitsNarrowScreen(alice, '09-results-375px');

  // the ledger, entry by entry, each hash recomputed by the browser itself
  await alice.getByRole('link', { name: 'See every entry' }).click();
  await expect(alice.getByRole('heading', { level: 1, name: 'Ledger' })).toBeVisible();
  await expect(alice.getByTestId('chain-check')).toContainText(/✓ Checked in your browser: \d+ entries/);
  await expect(alice.getByTestId('entry-1')).toContainText(`Drafted: “${title}”`);
  await expect(alice.getByTestId('entry-1')).toContainText('Alice Moreau'); // who acted, by name
  await expect(
    alice.getByRole('row').filter({ hasText: 'Challenge resolved: the declaration is lowered to level 4' }),
  ).toContainText('✓ intact');
  await expect(alice.getByRole('row').filter({ hasText: 'Phase: Voting → Closed' })).toBeVisible();
  await expectAccessible(alice, 'ledger');
  await screenshot(alice, '14-ledger');
});
