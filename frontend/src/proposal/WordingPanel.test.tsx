import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api/client';
import type { Proposal } from '../api/types';
import { WordingPanel } from './WordingPanel';

afterEach(() => vi.restoreAllMocks());

const open = (over: Partial<Proposal> = {}) =>
  ({
    id: 'p1',
    phase: 'DELIBERATION',
    title: 'Shared gardn',
    summary: 'What we decide',
    body: 'Because.',
    method: 'SINGLE_CHOICE',
    options: [
      { position: 0, label: 'Gardn' },
      { position: 1, label: 'Car park' },
    ],
    revisions: 0,
    my: { canCorrect: true },
    ...over,
  }) as unknown as Proposal;

describe('correcting the wording of an open proposal', () => {
  it('sends only what changed, with the note, and needs a change first', async () => {
    const user = userEvent.setup();
    const post = vi.spyOn(api, 'POST').mockResolvedValue({ data: {}, response: new Response('{}') } as never);
    const corrected = vi.fn();
    render(<WordingPanel proposal={open()} onCorrected={corrected} />);
    await user.click(screen.getByRole('button', { name: 'Correct the wording' }));
    const save = screen.getByRole('button', { name: 'Save the correction' });
    expect(save).toBeDisabled();
    const title = screen.getByLabelText('Title');
    await user.clear(title);
    await user.type(title, 'Shared garden');
    await user.clear(screen.getByLabelText('Option 1'));
    await user.type(screen.getByLabelText('Option 1'), 'Garden');
    await user.type(screen.getByLabelText('What was corrected'), 'typos');
    expect(save).toBeEnabled();
    await user.click(save);
    expect(post).toHaveBeenCalledWith('/api/v1/proposals/{proposal}/corrections', {
      params: { path: { proposal: 'p1' } },
      body: { title: 'Shared garden', options: ['Garden', 'Car park'], note: 'typos' },
    });
    expect(corrected).toHaveBeenCalled();
    expect(await screen.findByText('The correction is saved and shown in the edit history.')).toBeInTheDocument();
  });

  it('shows the service’s refusal beside the field it names, in words', async () => {
    const user = userEvent.setup();
    vi.spyOn(api, 'POST').mockResolvedValue({
      error: {
        status: 400,
        code: 'VALIDATION_FAILED',
        errors: [{ field: 'note', code: 'NOT_BLANK', message: 'must not be blank' }],
      },
      response: new Response(null, { status: 400 }),
    } as never);
    render(<WordingPanel proposal={open()} onCorrected={() => undefined} />);
    await user.click(screen.getByRole('button', { name: 'Correct the wording' }));
    await user.type(screen.getByLabelText('Summary'), ' together');
    await user.click(screen.getByRole('button', { name: 'Save the correction' }));
    const note = screen.getByLabelText('What was corrected');
    expect(await screen.findByText('Required: write something.')).toBeInTheDocument();
    expect(note).toHaveAttribute('aria-invalid', 'true');
  });

  it('lists the history for everyone: who, when, why, before → after', async () => {
    const user = userEvent.setup();
    vi.spyOn(api, 'GET').mockResolvedValue({
      data: {
        items: [
          {
            revision: 1,
            editor: { id: 'm1', displayName: 'Bob Okafor' },
            editedAt: '2026-12-02T10:00:00Z',
            note: 'typo in the first option',
            changes: [{ field: 'options[0]', before: 'Gardn', after: 'Garden' }],
          },
        ],
      },
      response: new Response('{}'),
    } as never);
    render(
      <WordingPanel
        proposal={open({ revisions: 1, my: { canCorrect: false } } as never)}
        onCorrected={() => undefined}
      />,
    );
    expect(screen.queryByRole('button', { name: 'Correct the wording' })).not.toBeInTheDocument();
    expect(screen.getByText('Corrected 1 time since it opened.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show the edit history' }));
    const list = await screen.findByRole('list', { name: 'Edit history' });
    expect(within(list).getByText('typo in the first option')).toBeInTheDocument();
    expect(list).toHaveTextContent('Bob Okafor');
    expect(list).toHaveTextContent('Option 1');
    expect(within(list).getByText('Gardn').tagName).toBe('DEL');
    expect(within(list).getByText('Garden').tagName).toBe('INS');
  });

  it('is absent for a reader of a proposal never corrected', () => {
    const { container } = render(
      <WordingPanel proposal={open({ my: { canCorrect: false } } as never)} onCorrected={() => undefined} />,
    );
    expect(container).toBeEmptyDOMElement();
  });
});
