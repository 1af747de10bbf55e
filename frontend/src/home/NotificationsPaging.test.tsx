import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api/client';
import { NotificationsPanel } from './NotificationsPanel';

afterEach(() => vi.restoreAllMocks());

const notice = (id: string, title: string) => ({
  id,
  kind: 'PROPOSAL_VOTING',
  params: { title },
  text: 'x',
  createdAt: '2026-12-01T10:00:00Z',
  readAt: '2026-12-01T11:00:00Z',
});

describe('the notifications list', () => {
  it('pages with More, asking for the page after the cursor', async () => {
    const get = vi
      .spyOn(api, 'GET')
      .mockResolvedValueOnce({
        data: { items: [notice('n1', 'Garden')], next: 'cursor-1' },
        response: new Response('{}'),
      } as never)
      .mockResolvedValueOnce({
        data: { items: [notice('n2', 'Car park')], next: null },
        response: new Response('{}'),
      } as never);
    render(<NotificationsPanel />);
    const panel = await screen.findByRole('region', { name: 'Notifications' });
    expect(await within(panel).findByText('Voting is open on “Garden”')).toBeInTheDocument();
    await userEvent.click(within(panel).getByRole('button', { name: 'More notifications' }));
    expect(await within(panel).findByText('Car park', { exact: false })).toBeInTheDocument();
    expect(within(panel).getAllByRole('listitem')).toHaveLength(2);
    expect(get).toHaveBeenLastCalledWith('/api/v1/notifications', {
      params: { query: { limit: '10', cursor: 'cursor-1' } },
    });
    expect(within(panel).queryByRole('button', { name: 'More notifications' })).toBeNull();
  });
});
