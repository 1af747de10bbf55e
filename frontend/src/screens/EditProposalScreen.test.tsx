import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api/client';
import { EditProposalScreen } from './EditProposalScreen';

afterEach(() => vi.restoreAllMocks());

describe('the draft editor of a proposal that is open', () => {
  it('says the rules are frozen and where the wording is corrected, instead of a form that would be refused', async () => {
    vi.spyOn(api, 'GET').mockResolvedValue({
      data: { id: 'p1', title: 'Shared garden', phase: 'DELIBERATION', circle: { id: 'c1' }, my: { canCorrect: true } },
      response: new Response('{}'),
    } as never);
    render(<EditProposalScreen id="p1" />);
    expect(await screen.findByText(/its method, options and rules are frozen/)).toBeInTheDocument();
    const back = screen.getAllByRole('link', { name: 'Shared garden' });
    expect(back.map((a) => a.getAttribute('href'))).toEqual(['/proposals/p1', '/proposals/p1']);
    expect(screen.queryByRole('button', { name: 'Save the draft' })).not.toBeInTheDocument();
  });
});
