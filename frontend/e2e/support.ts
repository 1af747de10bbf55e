import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Page } from '@playwright/test';

/** Where screenshots of every screen are kept (a test artefact): target/ui-screenshots by default. */
const SHOTS = process.env.SCREENSHOT_DIR ?? '../target/ui-screenshots';

export const NAMES = {
  alice: 'Alice Moreau',
  bob: 'Bob Okafor',
  carol: 'Carol Lindqvist',
  dave: 'Dave Nakamura',
  erin: 'Erin Haddad',
} as const;
export type User = keyof typeof NAMES;

/** A fresh browser context (its own cookies and storage) for one person. */
export async function personIn(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

/** Signs in through the real Keycloak login form (authorization code + PKCE) and lands on Home. */
export async function signIn(page: Page, user: User, path = '/'): Promise<void> {
  await page.goto(path);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#username').fill(user);
  await page.locator('#password').fill(`${user}-dev`);
  await page.locator('#kc-login').click();
  await expect(page.getByText(NAMES[user], { exact: true }).first()).toBeVisible();
}

/** No serious or critical axe violation on the page as it is now (WCAG 2.1 A and AA rules, and 2.2 AA: target-size). */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `axe on ${screen}`).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** A phone's screen, in CSS pixels. */
export const PHONE = { width: 375, height: 812 } as const;

/** A fresh browser context the size of a phone, signed in as `user`. */
export async function signedInOnPhone(browser: Browser, user: User): Promise<Page> {
  const page = await (await browser.newContext({ viewport: PHONE })).newPage();
  await signIn(page, user);
  return page;
}

/** At 375 px wide the page must not scroll sideways. */
export async function expectFitsNarrowScreen(page: Page, name: string): Promise<void> {
  const before = page.viewportSize();
  await page.setViewportSize(PHONE);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  await screenshot(page, name);
  expect(overflow, `horizontal overflow at 375 px on ${name}`).toBeLessThanOrEqual(0);
  if (before) await page.setViewportSize(before);
}

/** Opens the proposal at `path` and waits for its title. */
export async function openProposal(page: Page, path: string, title: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

/** A person's declaration in the proposal's list of stakes. */
export const stakeOf = (page: Page, user: User) => page.getByTestId(`stake-${user}`);

/**
 * alice drafts a proposal in the circle with the guided form, from her home's "My circles": its title, `rest`
 * (method, options, rules), one affected group; returns the draft's path.
 */
export async function draftInCircle(
  alice: Page,
  circleName: string,
  title: string,
  howAffected: string,
  rest: () => Promise<void>,
): Promise<string> {
  await alice.goto('/');
  await alice.getByRole('region', { name: 'My circles' }).getByRole('link', { name: circleName }).click();
  await alice.getByRole('link', { name: 'New proposal' }).click();
  await alice.getByLabel('Title').fill(title);
  await rest();
  await alice.getByLabel('How they are affected').fill(howAffected);
  await alice.getByRole('button', { name: 'Save the draft' }).click();
  await expect(alice.getByRole('heading', { level: 1, name: title })).toBeVisible();
  return new URL(alice.url()).pathname;
}

/** alice, on the draft at `path`, opens deliberation; each of `declarants` declares a minor stake; alice opens voting. */
export async function toVoting(alice: Page, path: string, declarants: Partial<Record<User, Page>>): Promise<void> {
  await alice.getByRole('button', { name: 'Open deliberation' }).click();
  for (const [user, page] of Object.entries(declarants) as [User, Page][]) {
    await page.goto(path);
    await page.getByRole('radio', { name: '2 minor' }).check();
    await page.getByRole('button', { name: 'Confirm: 2 (minor)' }).click();
    await expect(stakeOf(page, user)).toBeVisible();
  }
  await alice.getByRole('button', { name: 'Open voting' }).click();
}
