import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api/client';
import { ActionsPanel } from './ActionsPanel';

afterEach(() => vi.restoreAllMocks());

describe('what needs my action', () => {
  it('lists each action with its proposal, its deadline and a link to do it', async () => {
    const get = vi.spyOn(api, 'GET').mockResolvedValue({
      data: {
        items: [
          { kind: 'DECLARE', proposalId: 'p1', title: 'Tool library', dueAt: '2026-12-03T10:00:00Z' },
          { kind: 'RULE', proposalId: 'p2', title: 'Garden', challengeId: 'c1', dueAt: '2026-12-04T10:00:00Z' },
          { kind: 'VOTE', proposalId: 'p3', title: 'Car park', dueAt: null },
        ],
        truncated: false,
      },
      response: new Response('{}'),
    } as never);
    render(<ActionsPanel />);
    const panel = await screen.findByRole('region', { name: 'Needs my action' });
    expect(get).toHaveBeenCalledWith('/api/v1/me/actions');
    const declare = within(panel).getByRole('link', { name: 'Declare your stake in “Tool library”' });
    expect(declare).toHaveAttribute('href', '/proposals/p1');
    expect(within(panel).getByRole('link', { name: 'Rule on a challenged declaration in “Garden”' })).toHaveAttribute(
      'href',
      '/proposals/p2',
    );
    const items = within(panel).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent(/by .*2026/);
    expect(items[0]?.querySelector('time')).toHaveAttribute('dateTime', '2026-12-03T10:00:00Z');
    expect(items[2]).toHaveTextContent('Vote on “Car park” no deadline set');
    expect(within(panel).queryByText('Only the 50 most pressing are shown.')).toBeNull();
  });

  it('says when nothing needs me', async () => {
    vi.spyOn(api, 'GET').mockResolvedValue({
      data: { items: [], truncated: false },
      response: new Response('{}'),
    } as never);
    render(<ActionsPanel />);
    expect(await screen.findByText('Nothing needs your action now.')).toBeInTheDocument();
  });
});
