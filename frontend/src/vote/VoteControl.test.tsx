import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Draft } from './ballot';
import { VoteControl } from './VoteControl';

describe('vote controls', () => {
  it('chooses a stance with a labelled radio button', async () => {
    const onChange = vi.fn();
    render(<VoteControl draft={{ kind: 'stance', stance: null }} labels={[]} onChange={onChange} />);
    await userEvent.click(screen.getByRole('radio', { name: 'Against' }));
    expect(onChange).toHaveBeenCalledWith({ kind: 'stance', stance: 'AGAINST' });
  });

  it('toggles approvals', async () => {
    const onChange = vi.fn();
    const draft: Draft = { kind: 'approvals', approvals: [1] };
    render(<VoteControl draft={draft} labels={['A', 'B']} onChange={onChange} />);
    expect(screen.getByRole('checkbox', { name: 'B' })).toBeChecked();
    await userEvent.click(screen.getByRole('checkbox', { name: 'A' }));
    expect(onChange).toHaveBeenCalledWith({ kind: 'approvals', approvals: [1, 0] });
  });

  it('scores with a slider per option, read out as a score of 5', () => {
    render(<VoteControl draft={{ kind: 'scores', scores: [4, 0] }} labels={['A', 'B']} onChange={() => undefined} />);
    expect(screen.getByRole('slider', { name: 'A' })).toHaveAttribute('aria-valuetext', 'score 4 of 5');
  });

  it('shows the share of each option when splitting points', () => {
    render(
      <VoteControl draft={{ kind: 'allocation', points: [3, 1] }} labels={['A', 'B']} onChange={() => undefined} />,
    );
    expect(screen.getAllByRole('status').map((o) => o.textContent)).toEqual(['75%', '25%']);
  });
});
