import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { VoteJump } from './VoteJump';

describe('the vote on a phone', () => {
  it('is one tap from the top: the link takes focus to the Vote panel', async () => {
    render(
      <>
        <VoteJump />
        <p>Five screens of text, stakes and arguments</p>
        <section>
          <h2 id="vote">Vote</h2>
        </section>
      </>,
    );
    await userEvent.click(screen.getByRole('link', { name: 'Vote now' }));
    expect(screen.getByRole('heading', { name: 'Vote' })).toHaveFocus();
  });
});
