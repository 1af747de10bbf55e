import { expect, test } from '@playwright/test';
import { circleWith, unique } from './fixtures';
import { NAMES, expectAccessible, personIn, signIn } from './support';

test('a facilitator invites by address, the invited person follows the link into the circle; a non-member asks to join and is accepted', async ({
  browser,
}) => {
  const circle = await circleWith(`Garden households ${unique()}`, ['alice']);
  const alice = await personIn(browser);
  await signIn(alice, 'alice', `/circles/${circle.id}`);
  const invite = alice.getByRole('region', { name: 'Invite people' });

  // every bad address is named at once, and nothing is sent
  await invite.getByLabel('Email addresses').fill('erin@devolve.example, not-an-address\nalso@bad');
  await invite.getByRole('button', { name: 'Send invitations' }).click();
  await expect(invite.getByText('not-an-address is not an email address.')).toBeVisible();
  await expect(invite.getByText('also@bad is not an email address.')).toBeVisible();
  await expect(invite.getByText('No pending invitations.')).toBeVisible();

  await invite.getByLabel('Email addresses').fill('erin@devolve.example');
  await invite.getByRole('button', { name: 'Send invitations' }).click();
  const link = invite.getByRole('textbox', { name: 'Invitation link for erin@devolve.example' }).first();
  await expect(link).toBeVisible();
  await expect(invite.getByRole('button', { name: 'Revoke the invitation of erin@devolve.example' })).toBeVisible();
  await expectAccessible(alice, 'invite people');
  const path = new URL(await link.inputValue()).pathname;
  expect(path).toMatch(/^\/invitations\/[\w-]+~[\w-]+$/);

  // erin opens the link, signs in on the way, joins and lands in the circle
  const erin = await personIn(browser);
  await signIn(erin, 'erin', path);
  await expect(erin.getByRole('heading', { level: 1, name: 'Invitation' })).toBeVisible();
  await expect(erin.getByText(`Alice Moreau invites you to join ${circle.name}.`)).toBeVisible();
  await expectAccessible(erin, 'invitation');
  await erin.getByRole('button', { name: `Join ${circle.name}` }).click();
  await expect(erin.getByRole('heading', { level: 1, name: circle.name })).toBeVisible();
  await expect(
    erin
      .getByRole('region', { name: /Members/ })
      .getByRole('listitem')
      .filter({ hasText: NAMES.erin }),
  ).toBeVisible();

  // the link admits one person: dave following it is refused
  const dave = await personIn(browser);
  await signIn(dave, 'dave', path);
  await expect(dave.getByText('This invitation has already been used: each link admits one person.')).toBeVisible();

  // dave asks to join instead; alice accepts
  await dave.goto(`/circles/${circle.id}`);
  await dave.getByRole('button', { name: `Ask to join ${circle.name}` }).click();
  await expect(dave.getByText('You asked to join: its facilitators will answer.')).toBeVisible();
  await alice.reload();
  await alice.getByRole('button', { name: `Accept ${NAMES.dave}` }).click();
  await expect(
    alice
      .getByRole('region', { name: /Members/ })
      .getByRole('listitem')
      .filter({ hasText: NAMES.dave }),
  ).toBeVisible();
  await expect(alice.getByText('No requests to join.')).toBeVisible();
});
