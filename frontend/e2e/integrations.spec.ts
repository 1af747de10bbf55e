import { expect, test } from '@playwright/test';
import { circleWith, unique } from './fixtures';
import { expectAccessible, personIn, screenshot, signIn } from './support';

test('alice registers an integration, disables and enables it; bob is refused the screen', async ({ browser }) => {
  const run = unique();
  const owner = await circleWith(`Register owners ${run}`, ['bob']);
  const name = `Members register ${run}`;
  const clientId = `members-register-${run}`;

  const alice = await personIn(browser);
  await signIn(alice, 'alice');
  await alice.getByRole('link', { name: 'Integrations' }).click();
  await expect(alice.getByRole('heading', { level: 1, name: 'Integrations' })).toBeVisible();
  await alice.getByLabel('Name', { exact: true }).fill(name);
  await alice.getByLabel('Keycloak client id').fill(clientId);
  const find = alice.getByRole('search', { name: 'Find the circle that owns it' });
  await find.getByRole('searchbox').fill(owner.name);
  await find.getByRole('button', { name: 'Search' }).click();
  await find.getByRole('button', { name: `Choose ${owner.name}` }).click();
  await expectAccessible(alice, 'integrations');
  await alice.getByRole('button', { name: 'Register', exact: true }).click();
  await expect(alice.getByText(`${name} is registered`)).toBeVisible();

  const item = alice.getByRole('listitem').filter({ hasText: clientId });
  await expect(item).toContainText('Enabled');
  await expect(item).toContainText(`Owned by ${owner.name}`);
  await screenshot(alice, 'integrations');

  // the same client id twice is refused, and the refusal says why
  await alice.getByLabel('Name', { exact: true }).fill(`${name} again`);
  await alice.getByLabel('Keycloak client id').fill(clientId);
  await find.getByRole('searchbox').fill(owner.name);
  await find.getByRole('button', { name: 'Search' }).click();
  await find.getByRole('button', { name: `Choose ${owner.name}` }).click();
  await alice.getByRole('button', { name: 'Register', exact: true }).click();
  await expect(
    alice.getByText('Another integration is already registered with this Keycloak client id.'),
  ).toBeVisible();
  await expect(alice.getByRole('listitem').filter({ hasText: `${name} again` })).toHaveCount(0);

  await item.getByRole('button', { name: 'Disable' }).click();
  const dialog = alice.getByRole('dialog', { name: `Disable ${name}?` });
  await dialog.getByRole('button', { name: 'Disable' }).click();
  await expect(alice.getByText(`${name} is disabled.`)).toBeVisible();
  await expect(item).toContainText('Disabled');
  await alice.reload();
  await expect(item).toContainText('Disabled');
  await item.getByRole('button', { name: 'Enable' }).click();
  await expect(alice.getByText(`${name} is enabled again.`)).toBeVisible();
  await expect(item).toContainText('Enabled');

  const bob = await personIn(browser);
  await signIn(bob, 'bob');
  await expect(bob.getByRole('heading', { name: /Welcome/ })).toBeVisible();
  await expect(bob.getByRole('link', { name: 'Integrations' })).toHaveCount(0);
  await bob.goto('/admin/integrations');
  await expect(bob.getByText('Only admins register and manage integrations.')).toBeVisible();
  await expect(bob.getByRole('button', { name: 'Register', exact: true })).toHaveCount(0);
});
