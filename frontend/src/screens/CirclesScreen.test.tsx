import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api/client';
import { MeProvider } from '../auth/me';
import { CirclesScreen } from './CirclesScreen';

afterEach(() => vi.restoreAllMocks());

const page = (items: object[], next: string | null = null) =>
  ({ data: { items, next }, response: new Response('{}') }) as never;

describe('the circle directory', () => {
  it('lists every circle, marks mine, and searches by text', async () => {
    const get = vi
      .spyOn(api, 'GET')
      .mockResolvedValueOnce(
        page([
          { id: 'c1', slug: 'riverside', name: 'Riverside Housing', kind: 'COOPERATIVE' },
          { id: 'c2', slug: 'neighbours', name: 'Neighbourhood', kind: 'OTHER' },
        ]),
      )
      .mockResolvedValueOnce(page([{ id: 'c2', slug: 'neighbours', name: 'Neighbourhood', kind: 'OTHER' }]));
    render(
      <MeProvider me={{ id: 'me', circles: [{ id: 'c1', slug: 'riverside', name: 'Riverside Housing' }] }}>
        <CirclesScreen />
      </MeProvider>,
    );
    const riverside = await screen.findByRole('link', { name: 'Riverside Housing' });
    expect(riverside).toHaveAttribute('href', '/circles/riverside');
    expect(within(riverside.closest('li')!).getByText('yours')).toBeInTheDocument();
    expect(get).toHaveBeenCalledWith('/api/v1/circles', { params: { query: { limit: '25' } } });

    await userEvent.type(screen.getByLabelText('Find circles by name or description'), 'neigh');
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findAllByRole('listitem')).toHaveLength(1);
    expect(screen.queryByRole('link', { name: 'Riverside Housing' })).toBeNull();
    expect(get).toHaveBeenLastCalledWith('/api/v1/circles', { params: { query: { limit: '25', q: 'neigh' } } });
  });
});
