import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api/client';
import type { Proposal } from '../api/types';
import { MeProvider } from '../auth/me';
import { emptyDraft, type ProposalDraft } from '../newproposal/draft';
import { GroupsStep } from '../newproposal/GroupsStep';
import { AffectedGroups } from './AffectedGroups';

afterEach(() => vi.restoreAllMocks());

const neighbourhood = { id: 'n1', slug: 'old-town', name: 'Old Town Neighbourhood', kind: 'OTHER' };
const found = { data: { items: [neighbourhood], next: null }, response: new Response('{}') } as never;

function Form({ seen }: { seen: (d: ProposalDraft) => void }) {
  const [draft, setDraft] = useState(emptyDraft('c1'));
  seen(draft);
  return (
    <form onSubmit={() => seen({ ...draft, title: 'SUBMITTED' })}>
      <GroupsStep
        draft={draft}
        set={(patch) => setDraft({ ...draft, ...patch })}
        error={null}
        deciding={{ id: 'c1', slug: 'riverside', name: 'Riverside', kind: 'COOPERATIVE' }}
      />
    </form>
  );
}

describe('any circle as an affected group', () => {
  it('the proposal form finds circles I do not belong to, without submitting the form', async () => {
    const get = vi.spyOn(api, 'GET').mockResolvedValue(found);
    let draft: ProposalDraft | null = null;
    render(
      <MeProvider me={{ id: 'me', circles: [{ id: 'c1', slug: 'riverside', name: 'Riverside' }] }}>
        <Form seen={(d) => (draft = d)} />
      </MeProvider>,
    );
    await userEvent.type(screen.getByRole('searchbox', { name: 'Or find any circle' }), 'old town{Enter}');
    expect(get).toHaveBeenCalledWith('/api/v1/circles', { params: { query: { q: 'old town', limit: '10' } } });
    await userEvent.click(await screen.findByRole('button', { name: 'Name Old Town Neighbourhood' }));
    expect(draft!.title).not.toBe('SUBMITTED');
    expect(draft!.groups[0]).toMatchObject({ circleId: 'n1', name: 'Old Town Neighbourhood' });
    expect(screen.getByRole('combobox', { name: 'Who' })).toHaveDisplayValue('Members of Old Town Neighbourhood');
  });

  it('a facilitator adds a circle during deliberation; others see no form', async () => {
    vi.spyOn(api, 'GET').mockResolvedValue(found);
    const post = vi.spyOn(api, 'POST').mockResolvedValue({ data: {}, response: new Response('{}') } as never);
    const onAdded = vi.fn();
    const proposal: Proposal = { id: 'p1', phase: 'DELIBERATION', my: { canAddGroups: true } } as Proposal;
    const { rerender } = render(<AffectedGroups groups={[]} proposal={proposal} onAdded={onAdded} />);
    await userEvent.click(screen.getByRole('button', { name: 'Add an affected group' }));
    const form = screen.getByRole('group', { name: 'Add an affected group' });
    await userEvent.type(within(form).getByLabelText('How they are affected'), 'The traffic goes through');
    await userEvent.type(within(form).getByRole('searchbox', { name: 'Find a circle' }), 'old');
    await userEvent.click(within(form).getByRole('button', { name: 'Search' }));
    await userEvent.click(await within(form).findByRole('button', { name: 'Add Old Town Neighbourhood' }));
    expect(post).toHaveBeenCalledWith('/api/v1/proposals/{proposal}/groups', {
      params: { path: { proposal: 'p1' } },
      body: {
        circleId: 'n1',
        name: 'Old Town Neighbourhood',
        howAffected: 'The traffic goes through',
        suggestedLevel: 3,
      },
    });
    expect(await screen.findByRole('status')).toHaveTextContent('Group added: Old Town Neighbourhood');
    expect(onAdded).toHaveBeenCalled();

    rerender(<AffectedGroups groups={[]} proposal={{ ...proposal, my: { canAddGroups: false } }} />);
    expect(screen.queryByRole('button', { name: 'Add an affected group' })).toBeNull();
  });
});
