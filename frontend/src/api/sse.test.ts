import { describe, expect, it } from 'vitest';
import { eventParser, type ServerEvent } from './sse';

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
});
