import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { circleWith, draft, phase, unique } from './fixtures';
import { expectAccessible, expectFitsNarrowScreen, personIn, screenshot, signIn } from './support';

/** A real HTTP receiver on a free port: it records every request and answers 500 to the first, 200 after. */
interface Arrival {
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

async function receiver(): Promise<{ server: Server; port: number; arrivals: Arrival[] }> {
  const arrivals: Arrival[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const answered = arrivals.length === 0 ? 500 : 200;
      arrivals.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), answered });
      res.writeHead(answered, { 'content-type': 'text/plain' }).end(answered === 200 ? 'ok' : 'down');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, arrivals };
}

/** Standard Webhooks: v1, base64 HMAC-SHA-256 over id.timestamp.body, keyed by the bytes after whsec_. */
function signedBy(secret: string, a: Arrival): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key)
    .update(`${String(a.headers['webhook-id'])}.${String(a.headers['webhook-timestamp'])}.${a.body}`)
    .digest('base64');
  return String(a.headers['webhook-signature']).split(' ').includes(`v1,${expected}`);
}

test('alice registers a webhook, sees its secret once, redelivers a failed event, rotates and deletes; bob sees no panel', async ({
  browser,
}) => {
  const run = unique();
  const circle = await circleWith(`Webhook circle ${run}`, ['bob']);
  const { server, port, arrivals } = await receiver();
  const url = `http://127.0.0.1:${port}/devolve/${run}`;
  try {
    const alice = await personIn(browser);
    await signIn(alice, 'alice');
    await alice.goto(`/circles/${circle.slug}`);
    const panel = alice.locator('section').filter({ has: alice.getByRole('heading', { level: 2, name: 'Webhooks' }) });
    await expect(panel.getByText('No webhook endpoint is registered yet.')).toBeVisible();
    await panel.getByLabel('URL', { exact: true }).fill(url);
    await panel.getByLabel('A proposal opens for deliberation').check();
    await panel.getByLabel('Description').fill('Our website');
    await panel.getByRole('button', { name: 'Register', exact: true }).click();

    // the secret, this once
    await expect(panel.getByText('Copy it now: it will not be shown again.')).toBeVisible();
    const secret = await panel.getByRole('textbox', { name: 'Signing secret' }).inputValue();
    expect(secret).toMatch(/^whsec_/);
    await expectAccessible(alice, 'webhooks');
    await screenshot(alice, 'webhooks-secret');
    await panel.getByRole('button', { name: 'I have copied it' }).click();
    await expect(panel.getByRole('textbox', { name: 'Signing secret' })).toHaveCount(0);
    const endpoint = panel.getByRole('listitem').filter({ has: alice.getByRole('heading', { name: url }) });
    await expect(endpoint).toContainText('Enabled');
    await expect(endpoint).toContainText('Events: A proposal opens for deliberation');
    await alice.reload();
    await expect(endpoint).toContainText('Our website');
    await expect(panel.getByRole('textbox', { name: 'Signing secret' })).toHaveCount(0);

    // the event: the receiver's first answer is 500, so the delivery waits for its retry
    const proposal = await draft(circle, `Webhook proposal ${run}`);
    await phase('alice', proposal, 'DELIBERATION');
    await expect.poll(() => arrivals.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    const first = arrivals[0]!;
    expect(JSON.parse(first.body)).toMatchObject({
      type: 'proposal.deliberation_opened',
      data: { proposal: { id: proposal.id } },
    });
    expect(signedBy(secret, first), 'signed with the secret shown once').toBe(true);
    expect(signedBy(`whsec_${Buffer.from('not the secret').toString('base64')}`, first)).toBe(false);

    await endpoint.getByRole('button', { name: 'Delivery log' }).click();
    const log = endpoint.locator('.webhook-log');
    const delivery = log.getByRole('listitem').first();
    await expect(delivery).toContainText('Pending');
    await expect(delivery).toContainText('last answer 500');
    await log.getByRole('button', { name: 'Redeliver' }).click();
    await expect(log.getByText('Queued: it is sent again now.')).toBeVisible();
    await expect.poll(() => arrivals.filter((a) => a.answered === 200).length, { timeout: 30_000 }).toBe(1);
    const again = arrivals.find((a) => a.answered === 200)!;
    expect(again.headers['webhook-id'], 'the same event, by its id').toBe(first.headers['webhook-id']);
    expect(again.body).toBe(first.body);
    expect(signedBy(secret, again)).toBe(true);
    await log.getByLabel('Status').selectOption({ label: 'Delivered' });
    await expect(delivery).toContainText('Delivered');
    await expect(delivery).toContainText('last answer 200');
    await expect(delivery).toContainText('proposal.deliberation_opened');
    await expectFitsNarrowScreen(alice, 'webhooks-log-narrow');

    // rotation: a new secret, once; the old one still signs for a day
    await endpoint.getByRole('button', { name: 'Rotate the secret' }).click();
    const rotate = alice.getByRole('dialog', { name: `Rotate the secret of ${url}?` });
    await expect(rotate).toContainText('The previous one keeps signing for 24 hours.');
    await rotate.getByRole('button', { name: 'Rotate the secret' }).click();
    const rotated = await panel.getByRole('textbox', { name: 'Signing secret' }).inputValue();
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    await panel.getByRole('button', { name: 'I have copied it' }).click();
    await expect(endpoint).toContainText('The previous secret also signs until');

    await endpoint.getByRole('button', { name: 'Delete' }).click();
    const remove = alice.getByRole('dialog', { name: `Delete ${url}?` });
    await remove.getByRole('button', { name: 'Delete' }).click();
    await expect(panel.getByText('No webhook endpoint is registered yet.')).toBeVisible();
    await alice.reload();
    await expect(panel.getByText('No webhook endpoint is registered yet.')).toBeVisible();

    // a member who does not facilitate the circle has no panel
    const bob = await personIn(browser);
    await signIn(bob, 'bob');
    await bob.goto(`/circles/${circle.slug}`);
    await expect(bob.getByRole('heading', { level: 1, name: circle.name })).toBeVisible();
    await expect(bob.getByRole('heading', { name: 'Webhooks' })).toHaveCount(0);
  } finally {
    server.close();
  }
});
