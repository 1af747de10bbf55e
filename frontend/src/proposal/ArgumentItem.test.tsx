import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api/client';
import type { Argument, Me } from '../api/types';
import { MeProvider } from '../auth/me';
import { ArgumentItem } from './ArgumentsBoard';

afterEach(() => vi.restoreAllMocks());

const dave = { id: 'dave', displayName: 'Dave Nakamura', roles: ['member'], circles: [] } as unknown as Me;
const bob = { id: 'bob', displayName: 'Bob Okafor', roles: ['member'], circles: [] } as unknown as Me;
const argument = (over: Partial<Argument> = {}) =>
  ({
    id: 'a1',
    side: 'AGAINST',
    body: 'The car park is ful.',
    author: { id: 'dave', displayName: 'Dave Nakamura' },
    createdAt: '2026-12-02T09:00:00Z',
    ...over,
  }) as Argument;

const shown = (me: Me, a: Argument, onChanged = () => undefined, changeable = true) =>
  render(
    <MeProvider me={me}>
      <ul>
        <ArgumentItem argument={a} proposalId="p1" changeable={changeable} onChanged={onChanged} />
      </ul>
    </MeProvider>,
  );

describe('an argument and its author', () => {
  it('lets its author edit it, sending the new text', async () => {
    const user = userEvent.setup();
    const put = vi.spyOn(api, 'PUT').mockResolvedValue({ data: {}, response: new Response('{}') } as never);
    const changed = vi.fn();
    shown(dave, argument(), changed);
    await user.click(screen.getByRole('button', { name: 'Edit my argument' }));
    const text = screen.getByLabelText('My argument, corrected');
    expect(screen.getByRole('button', { name: 'Save the argument' })).toBeDisabled();
    await user.clear(text);
    await user.type(text, 'The car park is full.');
    await user.click(screen.getByRole('button', { name: 'Save the argument' }));
    expect(put).toHaveBeenCalledWith('/api/v1/proposals/{proposal}/arguments/{argument}', {
      params: { path: { proposal: 'p1', argument: 'a1' } },
      body: { body: 'The car park is full.' },
    });
    expect(changed).toHaveBeenCalled();
  });

  it('asks before removing it, and Cancel removes nothing', async () => {
    const user = userEvent.setup();
    const del = vi.spyOn(api, 'DELETE').mockResolvedValue({ response: new Response(null, { status: 204 }) } as never);
    const changed = vi.fn();
    shown(dave, argument(), changed);
    await user.click(screen.getByRole('button', { name: 'Remove my argument' }));
    expect(screen.getByRole('dialog', { name: 'Remove your argument?' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(del).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Remove my argument' }));
    await user.click(screen.getByRole('button', { name: 'Remove the argument' }));
    expect(del).toHaveBeenCalledWith('/api/v1/proposals/{proposal}/arguments/{argument}', {
      params: { path: { proposal: 'p1', argument: 'a1' } },
    });
    await vi.waitFor(() => expect(changed).toHaveBeenCalled());
    expect(await screen.findByRole('status')).toHaveTextContent('Your argument is removed.');
  });

  it('offers nothing to others, nor after the close', () => {
    shown(bob, argument());
    expect(screen.queryByRole('button', { name: 'Edit my argument' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Remove my argument' })).not.toBeInTheDocument();
  });

  it('says that its author removed it, and when, without its text', () => {
    shown(bob, argument({ body: '', removedAt: '2026-12-02T11:00:00Z' }));
    expect(screen.getByText(/^Removed by its author, /)).toBeInTheDocument();
    expect(screen.queryByText('The car park is ful.')).not.toBeInTheDocument();
  });

  it('marks an edited argument and shows its earlier versions', async () => {
    const user = userEvent.setup();
    vi.spyOn(api, 'GET').mockResolvedValue({
      data: {
        items: [
          { body: 'The car park is ful.', writtenAt: '2026-12-02T09:00:00Z', replacedAt: '2026-12-02T09:30:00Z' },
        ],
      },
      response: new Response('{}'),
    } as never);
    shown(bob, argument({ body: 'The car park is full.', editedAt: '2026-12-02T09:30:00Z' }));
    const edited = screen.getByRole('button', { name: /^edited / });
    expect(edited).toHaveAttribute('aria-expanded', 'false');
    await user.click(edited);
    expect(await screen.findByText('Earlier versions')).toBeInTheDocument();
    expect(screen.getByText('The car park is ful.')).toBeInTheDocument();
  });
});
