import { expect, test } from '@playwright/test';
import { as } from './fixtures';
import { expectAccessible, expectFitsNarrowScreen, personIn, screenshot, signIn } from './support';

interface MailPreferences {
  language: string;
  kinds: Record<string, string>;
}

test('bob opens his mail settings from the notifications, takes voting mails as a daily digest in French', async ({
  browser,
}) => {
  // a known start, whatever an earlier run saved
  const api = await as('bob');
  await api.put('/api/v1/me/mail-preferences', { language: 'en', kinds: { VOTING: 'IMMEDIATE' } });

  const bob = await personIn(browser);
  await signIn(bob, 'bob', '/notifications');
  await bob.getByRole('link', { name: 'Mail settings' }).click();
  await expect(bob.getByRole('heading', { level: 1, name: 'Mail settings' })).toBeVisible();
  const voting = bob.getByRole('group', { name: 'Voting opened' });
  await expect(voting.getByLabel('Immediately')).toBeChecked();
  await expectAccessible(bob, 'mail-settings');
  await expectFitsNarrowScreen(bob, 'mail-settings-phone');

  await voting.getByLabel('Daily digest').check();
  await bob.getByLabel('Language of your mails').selectOption('fr');
  await bob.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(bob.getByText('Your mail settings are saved.')).toBeVisible();
  await screenshot(bob, 'mail-settings');

  await bob.reload();
  await expect(bob.getByRole('group', { name: 'Voting opened' }).getByLabel('Daily digest')).toBeChecked();
  await expect(bob.getByLabel('Language of your mails')).toHaveValue('fr');

  const kept = await api.get<MailPreferences>('/api/v1/me/mail-preferences');
  expect(kept.language).toBe('fr');
  expect(kept.kinds['VOTING']).toBe('DIGEST');
});
