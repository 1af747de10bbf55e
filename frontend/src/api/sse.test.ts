// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { eventParser, followEvents, type ServerEvent } from './sse';

describe('server-sent events', () => {
  it('splits named events across chunks and skips keep-alive comments', () => {
    const events: ServerEvent[] = [];
    const feed = eventParser((e) => events.push(e));
    feed('event: turnout\ndata: {"voters":1}\n\n: keep-alive\n\nevent: pha');
    feed('se\r\ndata: {"to":"VOTING"}\r\n\r\n');
    expect(events).toEqual([
      { name: 'turnout', data: '{"voters":1}' },
      { name: 'phase', data: '{"to":"VOTING"}' },
    ]);
  });

  it('joins multi-line data and defaults the name to message', () => {
    const events: ServerEvent[] = [];
    eventParser((e) => events.push(e))('data: a\ndata: b\n\n');
    expect(events).toEqual([{ name: 'message', data: 'a\nb' }]);
  });

  it('keeps the id an event carries', () => {
    const events: ServerEvent[] = [];
    eventParser((e) => events.push(e))('id: 7\nevent: argument\ndata: {}\n\nevent: turnout\ndata: {}\n\n');
    expect(events).toEqual([
      { name: 'argument', data: '{}', id: '7' },
      { name: 'turnout', data: '{}' },
    ]);
  });
});

describe('following a stream', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('reconnects after a drop with the id of the last event it received', async () => {
    vi.useFakeTimers();
    const sent: (string | null)[] = [];
    const bodies = [
      'id: 3\nevent: argument\ndata: {}\n\nevent: turnout\ndata: {}\n\n',
      'id: 4\nevent: phase\ndata: {}\n\n',
    ];
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) => {
      sent.push(new Headers(init.headers).get('Last-Event-ID'));
      const text = bodies.shift() ?? '';
      return Promise.resolve(new Response(new Blob([text]).stream(), { status: 200 }));
    });
    const names: string[] = [];
    const stop = followEvents(
      '/api/v1/proposals/p/events',
      () => Promise.resolve('token'),
      (e) => names.push(e.name),
    );
    await vi.advanceTimersByTimeAsync(1000);
    await vi.advanceTimersByTimeAsync(1000);
    stop();
    expect(names.slice(0, 3)).toEqual(['argument', 'turnout', 'phase']);
    expect(sent.slice(0, 2)).toEqual([null, '3']);
  });
});
