import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api/client';
import { RouterProvider } from '../router/router';
import { BELL_EVERY_MS, NotificationBell } from './NotificationBell';
import { NOTIFICATIONS_READ } from './NotificationsPanel';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const answering = (...counts: number[]) => {
  const get = vi.spyOn(api, 'GET');
  for (const count of counts) get.mockResolvedValueOnce({ data: { count }, response: new Response('{}') } as never);
  return get;
};

describe('the header’s bell', () => {
  it('shows the unread count, opens the notifications and counts again every minute and once read', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const get = answering(3, 120, 0);
    render(
      <RouterProvider>
        <NotificationBell />
      </RouterProvider>,
    );
    const bell = await screen.findByRole('link', { name: 'Notifications, 3 unread' });
    expect(bell).toHaveAttribute('href', '/notifications');
    expect(bell).toHaveTextContent('3');
    expect(get).toHaveBeenCalledWith('/api/v1/notifications/unread-count');

    await act(async () => {
      await vi.advanceTimersByTimeAsync(BELL_EVERY_MS);
    });
    expect(await screen.findByRole('link', { name: 'Notifications, 120 unread' })).toHaveTextContent('99+');

    act(() => {
      window.dispatchEvent(new Event(NOTIFICATIONS_READ));
    });
    const none = await screen.findByRole('link', { name: 'Notifications, 0 unread' });
    expect(none).not.toHaveTextContent(/\d/);
    expect(get).toHaveBeenCalledTimes(3);
  });
});
