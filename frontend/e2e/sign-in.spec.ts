import { expect, test } from '@playwright/test';
import { expectAccessible, personIn, screenshot, signIn } from './support';

/** People sign in with Keycloak (authorization code + PKCE), and signing out ends the Keycloak session too. */
test('people sign in with Keycloak, and sign out', async ({ browser }) => {
  const erin = await personIn(browser);
  await erin.goto('/');
  await expect(erin.getByRole('heading', { level: 1 })).toHaveText(/weighted by what each person bears/);
  await expectAccessible(erin, 'sign-in');
  await screenshot(erin, '01-sign-in');
  for (const user of ['bob', 'carol', 'dave', 'erin'] as const) {
    await signIn(user === 'erin' ? erin : await personIn(browser), user);
  }
  await erin.getByRole('button', { name: 'Sign out' }).click();
  await expect(erin.getByRole('button', { name: 'Sign in' })).toBeVisible();
  // the Keycloak session ended too: signing in again asks for the password
  await erin.getByRole('button', { name: 'Sign in' }).click();
  await expect(erin.locator('#username')).toBeVisible();
});
