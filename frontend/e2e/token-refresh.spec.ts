import { expect, test } from '@playwright/test';
import { circleWith, draft, phase, signedIn, unique, type ProposalMade } from './fixtures';
import { NAMES } from './support';

const run = unique();
let proposal: ProposalMade;

test.beforeAll(async () => {
  const circle = await circleWith(`Riverside Housing ${run}`, ['dave']);
  proposal = await draft(circle, `Paint the stairwell of building A ${run}`);
  await phase('alice', proposal, 'DELIBERATION');
});

test('an expired access token is refreshed with the refresh token, without signing in again', async ({ browser }) => {
  const { dave } = await signedIn(browser, ['dave']);
  const title = proposal.title;
  await dave.goto('/');
  await expect(dave.getByText(NAMES.dave, { exact: true }).first()).toBeVisible();
  const key = await dave.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith('oidc.user:')) ?? '');
  expect(key, 'the signed-in user is kept in local storage, shared by the tabs').not.toBe('');
  const stored = () =>
    dave.evaluate(
      (k) => JSON.parse(localStorage.getItem(k) ?? '{}') as { access_token: string; expires_at: number },
      key,
    );
  const before = await stored();
  // the access token has expired (as after a quarter of an hour away); the refresh token is still good
  await dave.evaluate((k) => {
    const user = JSON.parse(localStorage.getItem(k) ?? '{}') as { expires_at: number };
    user.expires_at = Math.floor(Date.now() / 1000) - 5;
    localStorage.setItem(k, JSON.stringify(user));
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

  // a new tab shares the session: it does not ask to sign in again
  const tab = await dave.context().newPage();
  await tab.goto('/');
  await expect(tab.getByText(NAMES.dave, { exact: true }).first()).toBeVisible();
  await expect(tab.getByRole('button', { name: 'Sign in' })).toHaveCount(0);
  await tab.close();
});
