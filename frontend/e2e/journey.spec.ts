import { expect, test, type Page } from '@playwright/test';
import { NAMES, expectAccessible, expectFitsNarrowScreen, personIn, screenshot, signIn, type User } from './support';

/**
 * The whole decision in the browser, as its people take it, each in their own browser context:
 * alice (admin) creates a circle and a proposal; bob and carol declare stakes, carol challenges bob's and
 * alice lowers it; they argue and vote (carol with the keyboard only); dave delegates to bob; the proposal
 * closes; everyone sees the result, weighted beside one-person-one-vote, with a verified ledger.
 */
test.describe.configure({ mode: 'serial' });

const run = Date.now().toString(36);
const circleName = `Riverside Housing ${run}`;
const title = `Turn the courtyard of building C into a garden ${run}`;
const people = {} as Record<User, Page>;
let proposalPath = '';

test.beforeAll(async ({ browser }) => {
  for (const user of Object.keys(NAMES) as User[]) people[user] = await personIn(browser);
});

const proposalOf = async (page: Page) => {
  await page.goto(proposalPath);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
};
const stakeOf = (page: Page, user: User) => page.getByTestId(`stake-${user}`);

/**
 * alice drafts a proposal in the circle with the guided form: its title, `rest` (method, options, rules),
 * one affected group; returns the draft's path.
 */
const draftInCircle = async (title: string, howAffected: string, rest: () => Promise<void>) => {
  const alice = people.alice;
  await alice.goto('/');
  await alice.getByRole('region', { name: 'My circles' }).getByRole('link', { name: circleName }).click();
  await alice.getByRole('link', { name: 'New proposal' }).click();
  await alice.getByLabel('Title').fill(title);
  await rest();
  await alice.getByLabel('How they are affected').fill(howAffected);
  await alice.getByRole('button', { name: 'Save the draft' }).click();
  await expect(alice.getByRole('heading', { level: 1, name: title })).toBeVisible();
  return new URL(alice.url()).pathname;
};

/** alice, on the draft at `path`, opens deliberation; each of `declarants` declares a minor stake; alice opens voting. */
const toVoting = async (path: string, declarants: User[]) => {
  await people.alice.getByRole('button', { name: 'Open deliberation' }).click();
  for (const user of declarants) {
    const page = people[user];
    await page.goto(path);
    await page.getByRole('radio', { name: '2 minor' }).check();
    await page.getByRole('button', { name: 'Confirm: 2 (minor)' }).click();
    await expect(stakeOf(page, user)).toBeVisible();
  }
  await people.alice.getByRole('button', { name: 'Open voting' }).click();
};

test('people sign in with Keycloak, and sign out', async () => {
  const erin = people.erin;
  await erin.goto('/');
  await expect(erin.getByRole('heading', { level: 1 })).toHaveText(/weighted by what each person bears/);
  await expectAccessible(erin, 'sign-in');
  await screenshot(erin, '01-sign-in');
  for (const user of ['bob', 'carol', 'dave', 'erin'] as const) await signIn(people[user], user);
  await erin.getByRole('button', { name: 'Sign out' }).click();
  await expect(erin.getByRole('button', { name: 'Sign in' })).toBeVisible();
  // the Keycloak session ended too: signing in again asks for the password
  await erin.getByRole('button', { name: 'Sign in' }).click();
  await expect(erin.locator('#username')).toBeVisible();
});

test('alice creates a circle, gives it a stake budget, adds its members and facilitates it', async () => {
  const alice = people.alice;
  await signIn(alice, 'alice');
  await expect(alice.getByRole('heading', { name: 'Welcome, Alice Moreau' })).toBeVisible();
  await alice.getByRole('link', { name: 'New circle' }).click();
  await alice.getByLabel('Name', { exact: true }).fill(circleName);
  await alice.getByLabel('Kind').selectOption('COOPERATIVE');
  await alice.getByLabel('Description').fill('The **tenants and neighbours** of the Riverside estate.');
  await expectAccessible(alice, 'new circle');
  await alice.getByRole('button', { name: 'Create the circle' }).click();
  await expect(alice.getByRole('heading', { level: 1, name: circleName })).toBeVisible();

  await alice.getByLabel('Stake budget (points per period)').fill('50');
  await alice.getByRole('button', { name: 'Save' }).click();
  await expect(alice.getByText('Each member has 50 points per quarter')).toBeVisible();

  const add = alice.getByRole('search', { name: /Add a member/ });
  for (const user of ['alice', 'bob', 'carol', 'dave'] as const) {
    await add.getByRole('searchbox').fill(NAMES[user].split(' ')[0]!);
    await add.getByRole('button', { name: 'Search' }).click();
    await add.getByRole('button', { name: `Add ${NAMES[user]}` }).click();
    await expect(
      alice
        .getByRole('region', { name: /Members/ })
        .getByRole('listitem')
        .filter({ hasText: NAMES[user] }),
    ).toBeVisible();
  }
  await alice.getByRole('button', { name: 'Make Alice Moreau a facilitator' }).click();
  await expect(alice.getByRole('button', { name: 'Make Alice Moreau a plain member' })).toBeVisible();
  await expect(alice.getByRole('heading', { name: 'Members (4)' })).toBeVisible();

  // circles form a graph: a federation takes the housing circle in; the reverse link would be a cycle
  const federation = `River Valley Federation ${run}`;
  await alice.goto('/circles/new');
  await alice.getByLabel('Name', { exact: true }).fill(federation);
  await alice.getByLabel('Kind').selectOption('FEDERATION');
  await alice.getByRole('button', { name: 'Create the circle' }).click();
  await expect(alice.getByRole('heading', { level: 1, name: federation })).toBeVisible();
  const include = async (name: string) => {
    const search = alice
      .getByRole('region', { name: 'Linked circles' })
      .getByRole('search', { name: 'Include another circle' });
    await search.getByRole('searchbox').fill(name);
    await search.getByRole('button', { name: 'Search' }).click();
    await search.getByRole('button', { name: `Include ${name}` }).click();
  };
  await include(circleName);
  const header = alice.locator('.page-header');
  await expect(header).toContainText(`Includes: ${circleName}`);
  await header.getByRole('link', { name: circleName }).click();
  await expect(alice.getByRole('heading', { level: 1, name: circleName })).toBeVisible();
  await expect(header).toContainText(`Belongs to: ${federation}`);
  await include(federation);
  await expect(alice.getByRole('region', { name: 'Linked circles' }).getByRole('alert')).toContainText(
    `${circleName} already belongs, directly or through other circles, to ${federation}: it cannot also include it`,
  );
  await alice.getByText('Edit the circle').click();
  const edit = alice.locator('details');
  await edit
    .getByLabel('Description')
    .fill('The **tenants and neighbours** of the Riverside estate, in the River Valley federation.');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(header).toContainText('in the River Valley federation');
  await expectAccessible(alice, 'circle');
  await screenshot(alice, '03-circle');
});

test('alice drafts a proposal with the guided form and opens deliberation', async () => {
  const alice = people.alice;
  await alice.getByRole('link', { name: 'New proposal' }).click();
  await expect(alice.getByRole('heading', { level: 1, name: 'New proposal' })).toBeVisible();

  // the service's validation problem appears next to the field
  await alice.getByRole('button', { name: 'Save the draft' }).click();
  await expect(alice.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');

  await alice.getByLabel('Title').fill(title);
  await alice.getByLabel('Summary').fill('Replace the parking in the courtyard with a shared garden.');
  await alice
    .getByRole('textbox', { name: 'Text', exact: true })
    .fill('The courtyard would be **car-free**.\n\n- raised beds\n- a bench\n\n<em>raw html</em>');
  await alice.getByRole('button', { name: 'Preview' }).click();
  const preview = alice.getByRole('region', { name: 'Preview' });
  await expect(preview.locator('strong')).toHaveText('car-free');
  await expect(preview.locator('em')).toHaveCount(0); // Markdown is rendered without raw HTML
  await alice.getByRole('button', { name: 'Write' }).click();

  await alice.getByLabel('How they are affected').fill('Noise and dust during the works; fewer parking places.');
  await alice.getByLabel('Suggested stake level').selectOption('2');
  await alice.getByRole('button', { name: 'Add an affected group' }).click();
  await alice.getByLabel(/Group name/).fill('Tenants of building C');
  await alice.getByLabel('How they are affected').nth(1).fill('The courtyard is under their windows.');
  await alice.getByLabel('Suggested stake level').nth(1).selectOption('4');
  await alice.getByRole('radio', { name: 'Linear' }).check();
  await expect(alice.getByRole('table', { name: /three people vote/ })).toContainText('62.5%');
  await expectAccessible(alice, 'new proposal');
  await screenshot(alice, '04-new-proposal');
  await alice.getByRole('button', { name: 'Save the draft' }).click();

  await expect(alice.getByRole('heading', { level: 1, name: title })).toBeVisible();
  proposalPath = new URL(alice.url()).pathname;
  await alice.getByRole('link', { name: 'Edit the draft' }).click();
  await expect(alice.getByLabel(/Group name/)).toHaveValue('Tenants of building C');
  await alice.getByLabel('Summary').fill('Replace the parking in the courtyard with a shared garden for all.');
  await alice.getByRole('button', { name: 'Save the draft' }).click();
  await expect(alice.getByText('Replace the parking in the courtyard with a shared garden for all.')).toBeVisible();
  await expect(alice.getByRole('navigation', { name: 'Phases' }).locator('[aria-current="step"]')).toContainText(
    'Draft',
  );
  await alice.getByRole('button', { name: 'Open deliberation' }).click();
  await expect(alice.getByRole('navigation', { name: 'Phases' }).locator('[aria-current="step"]')).toContainText(
    'Deliberation',
  );
});

test('bob declares a vital stake, seeing its cost first; carol challenges it, bob answers, alice lowers it', async () => {
  const { alice, bob, carol, dave } = people;
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

  await proposalOf(carol);
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

  await proposalOf(dave);
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

  await proposalOf(alice);
  await alice.getByRole('radio', { name: '1 marginal' }).check();
  await alice.getByRole('button', { name: 'Confirm: 1 (marginal)' }).click();
  const bobsStake = stakeOf(alice, 'bob');
  await bobsStake.getByLabel('Lower to level').selectOption('4');
  await bobsStake.getByRole('button', { name: 'Lower it' }).click();
  await expect(bobsStake).toContainText('lowered from 5 to 4');
  await expect(bobsStake).toContainText('lowered to 4');
});

test('they argue in three columns, and a new argument appears live', async () => {
  const { alice, bob, carol } = people;
  await proposalOf(bob);
  await expect(bob.getByTestId('entrusted-to-me')).toHaveText(
    'Entrusted to you here by: Dave Nakamura. If they do not vote, their weight follows your ballot.',
  );
  const post = async (page: Page, side: string, text: string) => {
    await page.getByRole('group', { name: 'My argument is' }).getByRole('radio', { name: side }).check();
    await page.getByLabel('Argument', { exact: true }).fill(text);
    await page.getByRole('button', { name: 'Post the argument' }).click();
  };
  await post(bob, 'For', 'Children could **play** safely.');
  await expect(bob.getByRole('region', { name: 'For', exact: true })).toContainText('Children could play safely.');
  await proposalOf(carol);
  await post(carol, 'Against', 'Where will the delivery vans stop?');
  await expect(bob.getByRole('region', { name: 'Against', exact: true })).toContainText('delivery vans'); // without reloading
  await proposalOf(alice);
  await post(alice, 'Another framing', 'Could part of it stay a loading bay?');
  await expect(alice.getByRole('region', { name: 'Another framing' })).toContainText('loading bay');
  await screenshot(bob, '05-proposal-deliberation');
});

test('voting opens live; bob votes with the mouse, carol with the keyboard only; receipts verify', async () => {
  const { alice, bob, carol } = people;
  await proposalOf(carol);
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
  await expectAccessible(bob, 'proposal in voting');
  await screenshot(bob, '06-proposal-voting');
  await expectFitsNarrowScreen(bob, '07-proposal-voting-375px');
});

test('alice closes voting; everyone sees the result beside one-person-one-vote, and a verified ledger', async () => {
  const { alice } = people;
  await alice.getByRole('button', { name: 'Close voting and count' }).click();
  await alice.getByRole('link', { name: 'See the result' }).click();
  await expect(alice.getByRole('heading', { level: 1, name: 'Result' })).toBeVisible();

  for (const user of ['alice', 'bob', 'carol', 'dave'] as const) {
    const page = people[user];
    if (user !== 'alice') await page.goto(`${proposalPath}/results`);
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
  await expect(alice.getByTestId('solidarities-disagree').first()).toBeVisible();
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
  await expect(
    alice.getByRole('row').filter({ hasText: 'Challenge resolved: the declaration is lowered to level 4' }),
  ).toContainText('✓ intact');
  await expect(alice.getByRole('row').filter({ hasText: 'Phase: Voting → Closed' })).toBeVisible();
  await expectAccessible(alice, 'ledger');
  await screenshot(alice, '14-ledger');
});

test('home shows what affects me, my budget, notifications and delegations', async () => {
  const { dave } = people;
  await dave.goto('/');
  const affecting = dave.getByRole('region', { name: 'Proposals that affect me' });
  await expect(affecting.getByRole('link', { name: title })).toBeVisible();
  await expect(affecting.getByRole('heading', { name: 'Recently decided' })).toBeVisible(); // it is closed now
  await expect(affecting.locator('li').filter({ hasText: title })).toContainText('Closed');
  await expect(dave.getByRole('region', { name: 'My stake budgets' })).toContainText('49 of 50 points left');
  await expect(dave.getByRole('region', { name: 'My delegations' })).toContainText('No delegation in force'); // it did its work
  await expect(dave.getByRole('region', { name: 'Notifications' }).getByRole('listitem').first()).toBeVisible();
  await expectAccessible(dave, 'home');
  await screenshot(dave, '02-home');
  await expectFitsNarrowScreen(dave, '02-home-375px');
});

test('the French UI: words, numbers and dates', async () => {
  const { carol } = people;
  await carol.goto(`${proposalPath}/results`);
  await carol.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await expect(carol.getByRole('heading', { level: 1, name: 'Résultat' })).toBeVisible();
  await expect(carol.getByTestId('outcome')).toHaveText('Adoptée');
  await expect(carol.getByTestId('weighted-vs-equal')).toContainText('5,00 (71,4 %)');
  await expect(carol.locator('html')).toHaveAttribute('lang', 'fr');
  await expectAccessible(carol, 'results in French');
  await screenshot(carol, '10-results-fr');
  await carol.goto(proposalPath);
  await expect(carol.getByRole('navigation', { name: 'Phases' })).toContainText('Clos');
  await expect(carol.getByRole('heading', { name: 'Comment on décide' })).toBeVisible();
  await expectAccessible(carol, 'closed proposal in French');
  await screenshot(carol, '11-proposal-closed-fr');
  await carol.getByRole('combobox', { name: 'Langue' }).selectOption('de');
  await expect(carol.getByRole('heading', { name: 'Wie entschieden wird' })).toBeVisible();
  await expect(carol.locator('html')).toHaveAttribute('lang', 'de');
  await carol.goto(`${proposalPath}/results`);
  await expect(carol.getByTestId('weighted-vs-equal')).toContainText('5,00 (71,4 %)');
  await expectAccessible(carol, 'results in German');
  await screenshot(carol, '10-results-de');
  await carol.getByRole('combobox', { name: 'Sprache' }).selectOption('en');
  await expect(carol.getByRole('heading', { level: 1, name: 'Result' })).toBeVisible();
});

test('an expired access token is refreshed with the refresh token, without signing in again', async () => {
  const { dave } = people;
  await dave.goto('/');
  await expect(dave.getByText(NAMES.dave, { exact: true }).first()).toBeVisible();
  const key = await dave.evaluate(() => Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:')) ?? '');
  expect(key, 'the signed-in user is kept in session storage').not.toBe('');
  const stored = () =>
    dave.evaluate(
      (k) => JSON.parse(sessionStorage.getItem(k) ?? '{}') as { access_token: string; expires_at: number },
      key,
    );
  const before = await stored();
  // the access token has expired (as after a quarter of an hour away); the refresh token is still good
  await dave.evaluate((k) => {
    const user = JSON.parse(sessionStorage.getItem(k) ?? '{}') as { expires_at: number };
    user.expires_at = Math.floor(Date.now() / 1000) - 5;
    sessionStorage.setItem(k, JSON.stringify(user));
  }, key);
  const refresh = dave.waitForResponse(
    (r) =>
      r.url().endsWith('/protocol/openid-connect/token') &&
      (r.request().postData() ?? '').includes('grant_type=refresh_token'),
  );
  await dave.getByRole('region', { name: 'Proposals that affect me' }).getByRole('link', { name: title }).click();
  expect((await refresh).status()).toBe(200);
  await expect(dave.getByRole('heading', { level: 1, name: title })).toBeVisible(); // the API accepted the new token
  const after = await stored();
  expect(after.access_token).not.toBe(before.access_token);
  expect(after.expires_at).toBeGreaterThan(Date.now() / 1000);
  await expect(dave.getByRole('button', { name: 'Sign in' })).toHaveCount(0);
});

test('a ranked vote: bob orders the options with the keyboard only, carol by drag and drop', async () => {
  const { alice, bob, carol } = people;
  const ranked = `Name the new garden ${run}`;
  const path = await draftInCircle(ranked, 'They will say its name every day.', async () => {
    await alice.getByLabel('Voting method').selectOption('RANKED_SCHULZE');
    await alice.getByLabel('Option 1', { exact: true }).fill('Riverside Garden');
    await alice.getByLabel('Option 2', { exact: true }).fill('Courtyard Commons');
    await alice.getByRole('button', { name: 'Add an option' }).click();
    await alice.getByLabel('Option 3', { exact: true }).fill('The Green');
  });
  await toVoting(path, ['bob', 'carol']);

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

test('erin, outside the circle, finds a proposal open to anyone affected and joins it with a self-identified stake', async () => {
  const { alice, erin } = people;
  const fete = `Noise rules for the summer fête ${run}`;
  await draftInCircle(fete, 'Music until midnight in the courtyard.', () =>
    alice.getByRole('checkbox', { name: 'Let anyone signed in declare a stake (self-identified)' }).check(),
  );
  await alice.getByRole('button', { name: 'Open deliberation' }).click();
  await expect(alice.getByRole('navigation', { name: 'Phases' }).locator('[aria-current="step"]')).toContainText(
    'Deliberation',
  );

  await signIn(erin, 'erin');
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

test('a secret ballot: receipts still verify, but no one sees who voted what, and small cells merge', async () => {
  const { alice, bob, carol } = people;
  const secret = `Choose the keeper of the garden keys ${run}`;
  const path = await draftInCircle(secret, 'The keeper decides who may enter after dark.', () =>
    alice.getByRole('checkbox', { name: 'Secret ballot' }).check(),
  );
  await expect(alice.getByText('secret: no one can see who voted what')).toBeVisible();
  await toVoting(path, ['bob', 'carol']);
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
    await expect(page.getByText('groups or levels with fewer than 5 voters are merged into “other”')).toBeVisible();
    await expect(page.getByTestId('ledger-verified')).toContainText('✓ Verified');
  }
  await expectAccessible(bob, 'results of a secret ballot');
  await screenshot(bob, '13-results-secret');
});
