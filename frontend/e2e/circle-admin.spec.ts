import { expect, test } from '@playwright/test';
import { unique } from './fixtures';
import { NAMES, expectAccessible, personIn, screenshot, signIn } from './support';

test('alice creates a circle, gives it a stake budget, adds its members and facilitates it', async ({ browser }) => {
  const run = unique();
  const circleName = `Riverside Housing ${run}`;
  const alice = await personIn(browser);
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

  // the circle is its creator's: alice is its first facilitator, then adds the members
  await expect(alice.getByRole('button', { name: 'Make Alice Moreau a plain member' })).toBeVisible();
  const add = alice.getByRole('search', { name: /Add a member/ });
  for (const user of ['bob', 'carol', 'dave'] as const) {
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
  // refused in the reader's language, as a notice (not an error box): the service's problem is CYCLE
  await expect(alice.getByRole('region', { name: 'Linked circles' }).getByRole('status')).toContainText(
    'This link would make a circle contain itself.',
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
