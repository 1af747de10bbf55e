import { expect, test } from '@playwright/test';
import { circleWith, closeIfOpen, draft, phase, unique, type ProposalMade } from './fixtures';
import { openProposal, personIn, signIn } from './support';

const run = unique();
let proposal: ProposalMade;

test.beforeAll(async () => {
  const circle = await circleWith(`Riverside Housing ${run}`, ['dave']);
  proposal = await draft(circle, `Plant a hedge along the yard ${run}`);
  await phase('alice', proposal, 'DELIBERATION');
});
test.afterAll(() => closeIfOpen(proposal));

test('a five-paragraph argument survives an expired session and a new sign-in', async ({ browser }) => {
  const dave = await personIn(browser);
  dave.on('dialog', (dialog) => void dialog.accept()); // the unsaved-text guard asks before the reload; leave anyway
  await signIn(dave, 'dave');
  await openProposal(dave, proposal.path, proposal.title);
  const text = [
    'A hedge would keep the dust of the yard out of the ground-floor flats.',
    'It would also give the birds of the park a way across to the gardens.',
    'Hawthorn and hazel grow fast here and need cutting once a year.',
    'The tenants of building C offered to water it through its first summer.',
    'The cost is small next to the cleaning the dust costs us every spring.',
  ].join('\n\n');
  await dave.getByLabel('Argument', { exact: true }).fill(text);

  // the session ends, as after a long time away: the browser forgets the token and Keycloak's session
  await dave.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('oidc.')) localStorage.removeItem(key);
  });
  await dave.context().clearCookies();
  await dave.reload();
  await expect(dave.getByRole('button', { name: 'Sign in' })).toBeVisible();

  await signIn(dave, 'dave');
  await openProposal(dave, proposal.path, proposal.title);
  await expect(dave.getByText(/Draft restored/)).toBeVisible();
  await expect(dave.getByLabel('Argument', { exact: true })).toHaveValue(text);
});
