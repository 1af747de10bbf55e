import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api/client';
import type { Proposal } from '../api/types';
import { PhaseControls } from '../proposal/PhaseControls';
import { ConfirmButton } from './ConfirmDialog';

afterEach(() => vi.restoreAllMocks());

describe('an irreversible action', () => {
  it('is confirmed in a dialog that names it; Cancel is focused first and Escape cancels', async () => {
    const user = userEvent.setup();
    const act = vi.fn();
    render(
      <ConfirmButton title="Leave Tenants?" body={<p>You no longer take part.</p>} confirmLabel="Leave" onConfirm={act}>
        Leave the circle
      </ConfirmButton>,
    );
    await user.click(screen.getByRole('button', { name: 'Leave the circle' }));
    const dialog = screen.getByRole('dialog', { name: 'Leave Tenants?' });
    expect(dialog).toHaveAccessibleDescription('You no longer take part.');
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(act).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Leave the circle' })).toHaveFocus(); // focus goes back
  });

  it('keeps Tab inside the dialog, and acts only on the button that names the action', async () => {
    const user = userEvent.setup();
    const act = vi.fn();
    render(
      <>
        <ConfirmButton title="Withdraw it?" confirmLabel="Withdraw the proposal" onConfirm={act}>
          Withdraw
        </ConfirmButton>
        <button type="button">Elsewhere</button>
      </>,
    );
    await user.click(screen.getByRole('button', { name: 'Withdraw' }));
    await user.tab();
    expect(screen.getByRole('button', { name: 'Withdraw the proposal' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Withdraw the proposal' }));
    expect(act).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('withdrawing a proposal sends nothing until it is confirmed', async () => {
    const user = userEvent.setup();
    const sent = vi.spyOn(api, 'POST').mockResolvedValue({ data: {}, response: new Response('{}') } as never);
    const proposal = {
      id: 'p1',
      title: 'Tool library',
      phase: 'DELIBERATION',
      my: { phasesAllowed: ['WITHDRAWN'] },
    } as unknown as Proposal;
    render(<PhaseControls proposal={proposal} onChange={() => undefined} />);
    await user.click(screen.getByRole('button', { name: 'Withdraw' }));
    expect(screen.getByRole('dialog', { name: 'Withdraw “Tool library”?' })).toBeInTheDocument();
    expect(sent).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(sent).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Withdraw' }));
    await user.click(screen.getByRole('button', { name: 'Withdraw the proposal' }));
    expect(sent).toHaveBeenCalledTimes(1);
    expect(sent).toHaveBeenCalledWith('/api/v1/proposals/{proposal}/phase', {
      params: { path: { proposal: 'p1' } },
      body: { phase: 'WITHDRAWN' },
    });
    expect(await screen.findByRole('status')).toHaveTextContent('Done: the proposal is now in the phase “Withdrawn”.');
    expect(screen.getByRole('status')).toHaveFocus();
  });
});
