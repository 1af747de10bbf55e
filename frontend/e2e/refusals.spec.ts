import { expect, test, type Page } from '@playwright/test';
import {
  circleWith,
  closeIfOpen,
  draft,
  phase,
  signedIn,
  unique,
  type CircleMade,
  type ProposalMade,
} from './fixtures';
import { expectAccessible, openProposal, screenshot } from './support';

/**
 * What the server refuses reads in the reader's language, by its code: a validation refusal names the field by
 * its label and says the reason beside it (focus on the first), a conflict says what to do, and nothing of the
 * API's English ("must be after", field names, "N fields are not valid", a request id) reaches the page.
 */
const run = unique();
let circle: CircleMade;
let proposal: ProposalMade;

test.beforeAll(async () => {
  circle = await circleWith(`Refusing Co-op ${run}`, ['bob']);
  proposal = await draft(circle, `Share the washing machines ${run}`);
  await phase('alice', proposal, 'DELIBERATION');
});
test.afterAll(() => closeIfOpen(proposal));

/** The API's own English, which must never be shown outside English. */
const API_ENGLISH = /must be|must not|votingEndsAt|deliberationEndsAt|fields? (is|are) not valid|request id|Request/;

async function noApiEnglish(page: Page) {
  for (const text of await page.locator('.form-error, [role="alert"]').allInnerTexts()) {
    expect(text).not.toMatch(API_ENGLISH);
  }
}

test('a refused form in French: the field by its label, its reason beside it, focus on it', async ({ browser }) => {
  const { alice } = await signedIn(browser, ['alice']);
  await openProposal(alice, proposal.path, proposal.title);
  await alice.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await alice.getByLabel('Ouverture du vote').fill('2031-06-30T18:00');
  await alice.getByLabel('Clôture du vote').fill('2031-06-01T18:00');
  await alice.getByRole('button', { name: 'Enregistrer les échéances' }).click();
  await expect(alice.getByRole('alert').filter({ hasText: 'Veuillez corriger' })).toContainText('Clôture du vote');
  const closes = alice.getByLabel('Clôture du vote');
  await expect(closes).toHaveAttribute('aria-invalid', 'true');
  await expect(closes).toBeFocused();
  await expect(alice.getByText('Doit être après l’ouverture du vote.')).toBeVisible();
  await noApiEnglish(alice);
  await expectAccessible(alice, 'a refused form in French');
  await screenshot(alice, '22-refused-deadlines-fr');
  await alice.getByRole('combobox', { name: 'Langue' }).selectOption('en');
});

test('a refused action in German: what to do, in German', async ({ browser }) => {
  const { alice } = await signedIn(browser, ['alice']);
  await alice.goto(`/circles/${circle.slug}`);
  await expect(alice.getByRole('heading', { level: 1, name: circle.name })).toBeVisible();
  await alice.getByRole('combobox', { name: 'Language' }).selectOption('de');
  await alice.getByRole('button', { name: 'Kreis verlassen', exact: true }).click();
  await alice.getByRole('dialog').getByRole('button', { name: 'Kreis verlassen' }).click();
  await expect(alice.getByText('Die letzte moderierende Person kann nicht austreten')).toBeVisible();
  await noApiEnglish(alice);
  await expectAccessible(alice, 'a refused action in German');
  await screenshot(alice, '23-refused-leave-de');
  await alice.getByRole('combobox', { name: 'Sprache' }).selectOption('en');
});
