import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api/client';
import { BudgetsPanel } from './BudgetsPanel';

afterEach(() => vi.restoreAllMocks());

describe('my stake budget', () => {
  it('shows the points left, as the bar’s value, with the plural right', async () => {
    vi.spyOn(api, 'GET').mockResolvedValue({
      data: [{ circleId: 'c1', circleName: 'Tenants', budget: 50, used: 49, left: 1 }],
      response: new Response('[]'),
    } as never);
    render(<BudgetsPanel />);
    const bar = await screen.findByRole('meter', { name: 'Points left in Tenants' });
    expect(bar).toHaveAttribute('value', '1');
    expect(bar).toHaveClass('budget-left');
    expect(screen.getByText('1 of 50 points left')).toBeInTheDocument();
  });
});
