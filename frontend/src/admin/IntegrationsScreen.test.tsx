import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api/client';
import { MeProvider } from '../auth/me';
import { IntegrationsScreen } from './IntegrationsScreen';

afterEach(() => vi.restoreAllMocks());

const answer = (data: object) => ({ data, response: new Response('{}') }) as never;
const register = {
  id: 'i1',
  name: 'Members register',
  clientId: 'members-register',
  ownerCircle: { id: 'c1', slug: 'riverside', name: 'Riverside Housing' },
  enabled: true,
  registeredAt: '2026-12-01T10:00:00Z',
};

function asAdmin() {
  return render(
    <MeProvider me={{ id: 'alice', roles: ['admin', 'member'] }}>
      <IntegrationsScreen />
    </MeProvider>,
  );
}

describe('the integrations screen', () => {
  it('is the admins’ own: anyone else is told so, and nothing is asked of the API', () => {
    const get = vi.spyOn(api, 'GET');
    render(
      <MeProvider me={{ id: 'bob', roles: ['member'] }}>
        <IntegrationsScreen />
      </MeProvider>,
    );
    expect(screen.getByText('Only admins register and manage integrations.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Register' })).toBeNull();
    expect(get).not.toHaveBeenCalled();
  });

  it('lists integrations and disables one once the admin confirms', async () => {
    vi.spyOn(api, 'GET')
      .mockResolvedValueOnce(answer({ items: [register], next: null }))
      .mockResolvedValueOnce(answer({ items: [{ ...register, enabled: false }], next: null }));
    const post = vi.spyOn(api, 'POST').mockResolvedValueOnce(answer({ ...register, enabled: false }));
    asAdmin();
    const item = (await screen.findByText('Members register')).closest('li')!;
    expect(within(item).getByText('members-register')).toBeInTheDocument();
    expect(within(item).getByText('Enabled')).toBeInTheDocument();
    expect(within(item).getByText(/Owned by Riverside Housing/)).toBeInTheDocument();

    await userEvent.click(within(item).getByRole('button', { name: 'Disable' }));
    expect(post).not.toHaveBeenCalled();
    const dialog = screen.getByRole('dialog', { name: 'Disable Members register?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Disable' }));
    expect(post).toHaveBeenCalledWith('/api/v1/integrations/{integration}/disable', {
      params: { path: { integration: 'i1' } },
    });
    expect(await screen.findByRole('status')).toHaveTextContent('Members register is disabled.');
    const after = (await screen.findByText('Disabled')).closest('li')!;
    expect(within(after).getByText('Members register')).toBeInTheDocument();
    expect(within(after).getByRole('button', { name: 'Enable' })).toBeInTheDocument();
  });

  it('registers one with the owner circle the admin found', async () => {
    vi.spyOn(api, 'GET')
      .mockResolvedValueOnce(answer({ items: [], next: null }))
      .mockResolvedValueOnce(answer({ items: [{ id: 'c1', slug: 'riverside', name: 'Riverside Housing' }] }))
      .mockResolvedValue(answer({ items: [register], next: null }));
    const post = vi.spyOn(api, 'POST').mockResolvedValueOnce(answer(register));
    asAdmin();
    expect(await screen.findByText('No integration is registered yet.')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Name', { exact: false }), 'Members register');
    await userEvent.type(screen.getByLabelText('Keycloak client id', { exact: false }), 'members-register');
    await userEvent.type(screen.getByRole('searchbox', { name: 'Find the circle that owns it' }), 'river');
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Choose Riverside Housing' }));
    await userEvent.click(screen.getByRole('button', { name: 'Register' }));
    expect(post).toHaveBeenCalledWith('/api/v1/integrations', {
      body: { name: 'Members register', clientId: 'members-register', ownerCircle: 'c1' },
    });
    expect(await screen.findByRole('status')).toHaveTextContent('Members register is registered.');
  });
});
