import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TallyResult } from '../api/types';
import { RankedExplanation } from './RankedExplanation';
import { WeightedVsEqual } from './WeightedVsEqual';
import copeland from './testdata/copeland.json';
import approveReject from './testdata/approve_reject.json';
import irv from './testdata/ranked_irv.json';
import schulze from './testdata/ranked_schulze.json';

// results of the real engine (devolve-recount.jar) on three ranked ballots and one delegation
const labels = ['Riverside Garden', 'Courtyard Commons', 'The Green'];
const cell = (table: HTMLElement, row: string, column: string) => {
  const header = within(table).getByRole('columnheader', { name: column });
  const index = [...header.parentElement!.children].indexOf(header);
  const line = within(table).getByRole('rowheader', { name: row }).parentElement!;
  return line.children[index]!.textContent;
};

describe('ranked results explain the winner', () => {
  it('Schulze: the head-to-head matrix, who beats whom by how much, the strongest paths and the full ranking', () => {
    render(<RankedExplanation tally={schulze as TallyResult} labels={labels} />);
    const pairwise = screen.getByRole('table', { name: /Head to head/ });
    expect(cell(pairwise, 'Courtyard Commons', 'over The Green')).toBe('5.00 wins');
    expect(cell(pairwise, 'The Green', 'over Courtyard Commons')).toBe('3.00 loses');
    expect(cell(pairwise, 'Riverside Garden', 'over Riverside Garden')).toBe('—the same option');
    expect(screen.getByText('Courtyard Commons beats The Green: 5.00 to 3.00.')).toBeInTheDocument();
    expect(screen.getByTestId('condorcet')).toHaveTextContent(
      'Courtyard Commons beats every other option head to head.',
    );
    const paths = screen.getByRole('table', { name: /Strongest paths/ });
    expect(cell(paths, 'The Green', 'over Riverside Garden')).toBe('5.00');
    const ranking = within(screen.getByRole('list', { name: 'Full ranking, first to last' })).getAllByRole('listitem');
    expect(ranking.map((li) => li.textContent)).toEqual(['Courtyard Commons', 'The Green', 'Riverside Garden']);
  });

  it('instant runoff: the counts of every round and who is eliminated', () => {
    render(<RankedExplanation tally={irv as TallyResult} labels={labels} />);
    const rounds = screen.getByRole('table', { name: /Rounds \(instant runoff\)/ });
    expect(cell(rounds, '1', 'Courtyard Commons')).toBe('2.00');
    expect(cell(rounds, '1', 'Eliminated')).toBe('Courtyard Commons');
    expect(cell(rounds, '2', 'The Green')).toBe('5.00');
    expect(cell(rounds, '2', 'Courtyard Commons')).toBe('out');
    expect(cell(rounds, '2', 'Eliminated')).toBe('nobody');
  });

  it('Copeland: wins, ties and losses', () => {
    render(<RankedExplanation tally={copeland as TallyResult} labels={labels} />);
    const table = screen.getByRole('table', { name: /Copeland/ });
    expect(cell(table, 'Courtyard Commons', 'Wins')).toBe('2');
    expect(cell(table, 'Riverside Garden', 'Losses')).toBe('2');
    expect(cell(table, 'The Green', 'Average support')).toBe('8.00');
  });

  it('shows nothing for approve/reject', () => {
    const { container } = render(
      <RankedExplanation tally={approveReject as TallyResult} labels={['For', 'Against', 'Abstain']} />,
    );
    expect(container).toBeEmptyDOMElement();
  });
});

describe('what one person, one vote would have decided, in words', () => {
  it('names the option it would have chosen', () => {
    render(<WeightedVsEqual tally={irv as TallyResult} labels={labels} />);
    expect(screen.getByTestId('equal-would-have')).toHaveTextContent(
      'One person, one vote would have chosen Courtyard Commons.',
    );
  });

  it('says when it would have decided the same', () => {
    render(<WeightedVsEqual tally={schulze as TallyResult} labels={labels} />);
    expect(screen.getByText('One person, one vote would have given the same outcome.')).toBeInTheDocument();
    expect(screen.queryByTestId('equal-would-have')).toBeNull(); // said once, not twice
  });

  it('says it would have rejected an adopted proposal', () => {
    render(<WeightedVsEqual tally={approveReject as TallyResult} labels={['For', 'Against', 'Abstain']} />);
    expect(screen.getByText('Weighting by stake changed the outcome.')).toBeInTheDocument();
    expect(screen.getByTestId('equal-would-have')).toHaveTextContent(
      'Counted one person, one vote, the same voters would have rejected it.',
    );
  });
});
