import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { RankingControl } from './RankingControl';

const labels = ['Garden', 'Car park', 'Housing'];

function Harness({ onRanking }: { onRanking: (r: number[]) => void }) {
  const [ranking, setRanking] = useState([0, 1, 2]);
  return (
    <RankingControl
      labels={labels}
      ranking={ranking}
      onChange={(r) => {
        setRanking(r);
        onRanking(r);
      }}
    />
  );
}

const order = () => screen.getAllByRole('listitem').map((li) => li.querySelector('.rank-label')!.textContent);

describe('ranking by keyboard', () => {
  it('picks an option up with Space, moves it with the arrows, drops it with Space, and announces each step', async () => {
    const user = userEvent.setup();
    let last: number[] = [];
    render(<Harness onRanking={(r) => (last = r)} />);
    for (let i = 0; i < 5; i++) await user.tab(); // Garden, its Remove, Car park, its Remove, Housing
    expect(document.activeElement).toHaveAccessibleName('Housing, position 3 of 3');
    await user.keyboard(' ');
    expect(screen.getByRole('status')).toHaveTextContent('Housing picked up at position 3');
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(screen.getByRole('status')).toHaveTextContent('Housing moved to position 1 of 3');
    expect(document.activeElement).toHaveAccessibleName('Housing, position 1 of 3');
    await user.keyboard(' ');
    expect(screen.getByRole('status')).toHaveTextContent('Housing dropped at position 1');
    expect(order()).toEqual(['Housing', 'Garden', 'Car park']);
    expect(last).toEqual([2, 0, 1]);
  });

  it('does not move an option that is not picked up, and Escape puts a picked one back', async () => {
    const user = userEvent.setup();
    render(<Harness onRanking={() => undefined} />);
    await user.tab();
    await user.keyboard('{ArrowDown}');
    expect(order()).toEqual(['Garden', 'Car park', 'Housing']);
    await user.keyboard(' {ArrowDown}{ArrowDown}');
    expect(order()).toEqual(['Car park', 'Housing', 'Garden']);
    await user.keyboard('{Escape}');
    expect(order()).toEqual(['Garden', 'Car park', 'Housing']);
    expect(screen.getByRole('status')).toHaveTextContent('Move of Garden cancelled');
  });

  it('moves with the arrow buttons too', async () => {
    const user = userEvent.setup();
    render(<Harness onRanking={() => undefined} />);
    await user.click(screen.getByTestId('rank-1').querySelectorAll('button')[0]!);
    expect(order()).toEqual(['Car park', 'Garden', 'Housing']);
  });
});

function Fresh({ onRanking }: { onRanking: (r: number[]) => void }) {
  const [ranking, setRanking] = useState<number[]>([]);
  return (
    <RankingControl
      labels={labels}
      ranking={ranking}
      onChange={(r) => {
        setRanking(r);
        onRanking(r);
      }}
    />
  );
}

describe('a ranked ballot', () => {
  it('starts unranked, not in the order the author listed the options', () => {
    render(<Fresh onRanking={() => undefined} />);
    expect(screen.getByText('Nothing ranked yet: rank at least one option to vote.')).toBeInTheDocument();
    expect(screen.queryAllByRole('listitem', { name: /position/ })).toHaveLength(0);
    expect(screen.getAllByRole('button', { name: /^Rank / }).map((b) => b.textContent)).toEqual([
      'Rank Garden',
      'Rank Car park',
      'Rank Housing',
    ]);
  });

  it('ranks what the voter picks, in that order, and leaves the rest unranked', async () => {
    const user = userEvent.setup();
    let last: number[] = [];
    render(<Fresh onRanking={(r) => (last = r)} />);
    await user.click(screen.getByRole('button', { name: 'Rank Housing' }));
    await user.click(screen.getByRole('button', { name: 'Rank Garden' }));
    expect(last).toEqual([2, 0]);
    expect(screen.getByRole('status')).toHaveTextContent('Garden ranked at position 2.');
    expect(screen.getByTestId('unranked-1')).toHaveTextContent('Car park');
    await user.click(screen.getByRole('button', { name: 'Unrank Housing' }));
    expect(last).toEqual([0]);
    expect(screen.getByRole('status')).toHaveTextContent('Housing is no longer ranked.');
  });
});
