import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api/client';
import { MeProvider } from '../auth/me';
import { CircleScreen } from '../screens/CircleScreen';
import { WebhooksPanel } from './WebhooksPanel';

afterEach(() => vi.restoreAllMocks());

const answer = (data: object) => ({ data, response: new Response('{}') }) as never;
const refusal = (problem: object) => ({ error: problem, response: new Response('{}', { status: 400 }) }) as never;
const circle = { id: 'c1', slug: 'riverside', name: 'Riverside Housing', canManage: true, myRole: 'FACILITATOR' };
const endpoint = {
  id: 'e1',
  circleId: 'c1',
  url: 'https://hooks.example.org/devolve',
  description: 'The newsletter',
  events: ['proposal.closed'],
  enabled: true,
  createdAt: '2026-12-01T10:00:00Z',
  updatedAt: '2026-12-01T10:00:00Z',
};
const delivery = {
  id: 'd1',
  eventId: 'ev1',
  eventType: 'proposal.closed',
  status: 'FAILED',
  attempts: 3,
  lastStatusCode: 500,
  lastError: 'HTTP 500',
  createdAt: '2026-12-01T11:00:00Z',
};

function panel() {
  return render(
    <MeProvider me={{ id: 'alice', roles: ['member'] }}>
      <WebhooksPanel circle={circle as never} />
    </MeProvider>,
  );
}

describe('the webhooks panel', () => {
  it('lists the endpoints with their events, description and state', async () => {
    vi.spyOn(api, 'GET').mockResolvedValue(answer({ items: [endpoint] }));
    panel();
    const item = (await screen.findByRole('heading', { name: endpoint.url })).closest('li')!;
    expect(within(item).getByText('The newsletter')).toBeInTheDocument();
    expect(within(item).getByText('Events: A proposal closes')).toBeInTheDocument();
    expect(within(item).getByText(/Enabled/)).toBeInTheDocument();
  });

  it('registers one and shows its secret once: gone after closing, and not there after a reload', async () => {
    vi.spyOn(api, 'GET')
      .mockResolvedValueOnce(answer({ items: [] }))
      .mockResolvedValue(answer({ items: [endpoint] }));
    const post = vi.spyOn(api, 'POST').mockResolvedValueOnce(answer({ endpoint, secret: 'whsec_c2VjcmV0' }));
    const { unmount } = panel();
    expect(await screen.findByText('No webhook endpoint is registered yet.')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('URL', { exact: false }), endpoint.url);
    await userEvent.click(screen.getByLabelText('A proposal closes'));
    await userEvent.type(screen.getByLabelText('Description', { exact: false }), 'The newsletter');
    await userEvent.click(screen.getByRole('button', { name: 'Register' }));
    expect(post).toHaveBeenCalledWith('/api/v1/circles/{circle}/webhooks', {
      params: { path: { circle: 'c1' } },
      body: { url: endpoint.url, events: ['proposal.closed'], description: 'The newsletter' },
    });
    expect(await screen.findByText('Copy it now: it will not be shown again.')).toBeInTheDocument();
    expect(screen.getByLabelText('Signing secret')).toHaveValue('whsec_c2VjcmV0');
    await userEvent.click(screen.getByRole('button', { name: 'I have copied it' }));
    expect(screen.queryByLabelText('Signing secret')).toBeNull();
    expect(screen.queryByDisplayValue('whsec_c2VjcmV0')).toBeNull();

    unmount();
    panel();
    expect(await screen.findByRole('heading', { name: endpoint.url })).toBeInTheDocument();
    expect(screen.queryByDisplayValue('whsec_c2VjcmV0')).toBeNull();
  });

  it('shows the delivery log and redelivers one to the right path, saying it was queued', async () => {
    vi.spyOn(api, 'GET')
      .mockResolvedValueOnce(answer({ items: [endpoint] }))
      .mockResolvedValue(answer({ items: [delivery], next: null }));
    const post = vi.spyOn(api, 'POST').mockResolvedValueOnce(answer({ ...delivery, status: 'PENDING' }));
    panel();
    await userEvent.click(await screen.findByRole('button', { name: 'Delivery log' }));
    const row = (await screen.findByText(/3 attempts/)).closest('li')!;
    expect(within(row).getByText('Failed')).toBeInTheDocument();
    expect(row).toHaveTextContent('last answer 500');
    expect(screen.getByText('Last error: HTTP 500')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Redeliver' }));
    expect(post).toHaveBeenCalledWith('/api/v1/circles/{circle}/webhooks/{endpoint}/deliveries/{delivery}/redelivery', {
      params: { path: { circle: 'c1', endpoint: 'e1', delivery: 'd1' } },
    });
    expect(await screen.findByText('Queued: it is sent again now.')).toBeInTheDocument();
  });

  it('shows what a status filter and a redelivery bring, not the page it showed before', async () => {
    const get = vi
      .spyOn(api, 'GET')
      .mockResolvedValueOnce(answer({ items: [endpoint] }))
      .mockResolvedValueOnce(answer({ items: [delivery], next: null }))
      .mockResolvedValueOnce(answer({ items: [{ ...delivery, status: 'PENDING', attempts: 3 }], next: null }))
      .mockResolvedValueOnce(
        answer({ items: [{ ...delivery, id: 'd2', status: 'SUCCEEDED', attempts: 1, lastStatusCode: 200 }] }),
      );
    vi.spyOn(api, 'POST').mockResolvedValueOnce(answer({ ...delivery, status: 'PENDING' }));
    panel();
    await userEvent.click(await screen.findByRole('button', { name: 'Delivery log' }));
    expect(within((await screen.findByText(/3 attempts/)).closest('li')!).getByText('Failed')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Redeliver' }));
    // the log is read again: the delivery is pending now
    expect(await screen.findByText('Pending', { selector: 'strong' })).toBeInTheDocument();
    expect(screen.getByText('Queued: it is sent again now.')).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'SUCCEEDED');
    const row = (await screen.findByText(/1 attempt\b/)).closest('li')!;
    expect(within(row).getByText('Delivered')).toBeInTheDocument();
    expect(row).toHaveTextContent('last answer 200');
    expect(screen.queryByText('Pending', { selector: 'strong' })).toBeNull();
    expect(get).toHaveBeenLastCalledWith('/api/v1/circles/{circle}/webhooks/{endpoint}/deliveries', {
      params: { path: { circle: 'c1', endpoint: 'e1' }, query: { limit: '20', status: 'SUCCEEDED' } },
    });
  });

  it('shows why a URL is refused, at the field', async () => {
    vi.spyOn(api, 'GET').mockResolvedValue(answer({ items: [] }));
    vi.spyOn(api, 'POST').mockResolvedValueOnce(
      refusal({
        status: 400,
        title: 'Invalid',
        errors: [{ field: 'url', code: 'PRIVATE_TARGET', message: 'private' }],
      }),
    );
    panel();
    await userEvent.type(await screen.findByLabelText('URL', { exact: false }), 'http://10.0.0.1/hook');
    await userEvent.click(screen.getByLabelText('Voting opens'));
    await userEvent.click(screen.getByRole('button', { name: 'Register' }));
    expect(await screen.findByLabelText('URL', { exact: false })).toHaveAccessibleDescription(
      /This address is on a private network; use a public one./,
    );
    expect(screen.getByLabelText('URL', { exact: false })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByText('Copy it now: it will not be shown again.')).toBeNull();
  });

  it('is not shown to a member who does not manage the circle, and their screen asks nothing of webhooks', async () => {
    const get = vi
      .spyOn(api, 'GET')
      .mockImplementation(((path: string) =>
        Promise.resolve(
          path === '/api/v1/circles/{circle}'
            ? answer({ ...circle, canManage: false, myRole: 'MEMBER' })
            : answer({ items: [], next: null }),
        )) as never);
    render(
      <MeProvider me={{ id: 'bob', roles: ['member'] }}>
        <CircleScreen circle="riverside" />
      </MeProvider>,
    );
    expect(await screen.findByRole('heading', { name: 'Riverside Housing', level: 1 })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Webhooks' })).toBeNull();
    expect(get.mock.calls.some((args: unknown[]) => String(args[0]).includes('webhooks'))).toBe(false);
  });
});
