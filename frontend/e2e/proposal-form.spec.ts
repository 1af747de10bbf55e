import { expect, test } from '@playwright/test';
import { circleWith, unique, type CircleMade } from './fixtures';
import { expectAccessible, personIn, screenshot, signIn } from './support';

const run = unique();
const title = `Turn the courtyard of building C into a garden ${run}`;
let circle: CircleMade;

test.beforeAll(async () => {
  circle = await circleWith(`Riverside Housing ${run}`, ['bob', 'carol', 'dave'], 50);
});

test('alice drafts a proposal with the guided form and opens deliberation', async ({ browser }) => {
  const alice = await personIn(browser);
  await signIn(alice, 'alice');
  await alice.goto(`/circles/${circle.slug}`);
  await expect(alice.getByRole('heading', { level: 1, name: circle.name })).toBeVisible();
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
