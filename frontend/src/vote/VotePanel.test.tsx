import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api/client';
import type { Proposal } from '../api/types';
import { VotePanel } from './VotePanel';

afterEach(() => vi.restoreAllMocks());

const ranked = {
  id: 'p1',
  method: 'RANKED_SCHULZE',
  phase: 'VOTING',
  options: [{ label: 'Garden' }, { label: 'Car park' }, { label: 'Housing' }],
  my: { canTakePart: true, stakeLevel: 3 },
} as unknown as Proposal;

describe('casting a ballot', () => {
  it('cannot be done untouched; a partial ranking is sent as ranked; focus goes to the receipt', async () => {
    const user = userEvent.setup();
    vi.spyOn(api, 'GET').mockResolvedValue({ error: {}, response: new Response(null, { status: 404 }) } as never);
    const put = vi.spyOn(api, 'PUT').mockResolvedValue({
      data: { receipt: 'abc123', castAt: '2026-12-02T13:00:00Z', ballot: { ranking: [2] } },
      response: new Response('{}'),
    } as never);
    render(<VotePanel proposal={ranked} onVoted={() => undefined} />);
    const cast = await screen.findByRole('button', { name: 'Cast my ballot' });
    expect(cast).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Rank Housing' }));
    expect(cast).toBeEnabled();
    await user.click(cast);
    expect(put).toHaveBeenCalledWith('/api/v1/proposals/{proposal}/ballot', {
      params: { path: { proposal: 'p1' } },
      body: { ranking: [2] },
    });
    const receipt = await screen.findByRole('region', { name: 'Your ballot is recorded.' });
    expect(receipt).toHaveFocus();
    expect(receipt).toHaveTextContent('abc123');
  });
});
