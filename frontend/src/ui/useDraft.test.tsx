import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../api/types';
import { MeProvider } from '../auth/me';
import { navigate, RouterProvider, usePath } from '../router/router';
import { DraftNotice } from './DraftNotice';
import { useDraft } from './useDraft';

function ArgumentDraft() {
  const draft = useDraft('argument.p1', { body: '' });
  return (
    <form>
      <DraftNotice restoredAt={draft.restoredAt} onDiscard={draft.discard} />
      <label htmlFor="body">Argument</label>
      <textarea id="body" value={draft.value.body} onChange={(e) => draft.set(() => ({ body: e.target.value }))} />
      <button type="button" onClick={draft.clear}>
        Post
      </button>
    </form>
  );
}

function Where() {
  return <p data-testid="path">{usePath()}</p>;
}

const as = (id: string) => ({ id, displayName: id }) as Me;
const screenOf = (memberId: string) => (
  <RouterProvider>
    <MeProvider me={as(memberId)}>
      <ArgumentDraft />
      <Where />
    </MeProvider>
  </RouterProvider>
);

beforeEach(() => {
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
});

afterEach(() => {
  window.localStorage.clear();
  window.history.replaceState(null, '', '/');
  vi.restoreAllMocks();
});

describe('a draft kept as it is typed', () => {
  it('comes back after a reload (or a new sign-in), with a note and a way to discard it', async () => {
    const first = render(screenOf('ana'));
    await userEvent.type(screen.getByLabelText('Argument'), 'Five paragraphs of reasons');
    first.unmount(); // the page goes away: reload, sign-out, an expired session
    render(screenOf('ana'));
    expect(screen.getByLabelText('Argument')).toHaveValue('Five paragraphs of reasons');
    expect(screen.getByRole('status')).toHaveTextContent('Draft restored');
    await userEvent.click(screen.getByRole('button', { name: 'Discard the draft' }));
    expect(screen.getByLabelText('Argument')).toHaveValue('');
    expect(screen.queryByText(/Draft restored/)).toBeNull();
  });

  it('is kept per member: someone else signing in on the device does not see it', async () => {
    const first = render(screenOf('ana'));
    await userEvent.type(screen.getByLabelText('Argument'), 'Mine');
    first.unmount();
    render(screenOf('ben'));
    expect(screen.getByLabelText('Argument')).toHaveValue('');
  });

  it('is gone once saved, and a reload then restores nothing', async () => {
    const first = render(screenOf('ana'));
    await userEvent.type(screen.getByLabelText('Argument'), 'Posted');
    await userEvent.click(screen.getByRole('button', { name: 'Post' }));
    first.unmount();
    render(screenOf('ana'));
    expect(screen.getByLabelText('Argument')).toHaveValue('');
  });
});

describe('leaving a form with unsaved text', () => {
  it('asks before an in-app navigation, and stays when the person says no', async () => {
    const ask = vi.spyOn(window, 'confirm').mockReturnValue(false);
    render(screenOf('ana'));
    act(() => navigate('/proposals'));
    expect(ask).not.toHaveBeenCalled(); // nothing typed: nothing to ask
    expect(screen.getByTestId('path')).toHaveTextContent('/proposals');
    await userEvent.type(screen.getByLabelText('Argument'), 'Half written');
    act(() => navigate('/'));
    expect(ask).toHaveBeenCalledWith(expect.stringContaining('unsaved text'));
    expect(screen.getByTestId('path')).toHaveTextContent('/proposals');
    ask.mockReturnValue(true);
    act(() => navigate('/'));
    expect(screen.getByTestId('path')).toHaveTextContent('/');
  });

  it('asks on Back too, and undoes the move if the person stays', async () => {
    const ask = vi.spyOn(window, 'confirm').mockReturnValue(false);
    window.history.replaceState(null, '', '/proposals/p1');
    render(screenOf('ana'));
    await userEvent.type(screen.getByLabelText('Argument'), 'Half written');
    act(() => {
      window.history.replaceState(null, '', '/'); // what Back does to the address
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(ask).toHaveBeenCalled();
    expect(window.location.pathname).toBe('/proposals/p1');
    expect(screen.getByLabelText('Argument')).toHaveValue('Half written');
  });

  it('asks the browser to confirm a reload or closing the tab', async () => {
    render(screenOf('ana'));
    const calm = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(calm);
    expect(calm.defaultPrevented).toBe(false);
    await userEvent.type(screen.getByLabelText('Argument'), 'Half written');
    const leaving = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(leaving);
    expect(leaving.defaultPrevented).toBe(true);
  });
});
