/** One server-sent event: its name (`event:`), data and, when it carried one, its id (`id:`). */
export interface ServerEvent {
  name: string;
  data: string;
  id?: string;
}

/**
 * Splits a text/event-stream into events. Feed it chunks as they arrive; it keeps an incomplete event
 * until the blank line that ends it. Comments (keep-alives) are skipped.
 */
export function eventParser(onEvent: (event: ServerEvent) => void): (chunk: string) => void {
  let buffer = '';
  return (chunk) => {
    buffer += chunk.replace(/\r\n?/g, '\n');
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = 'message';
      let id: string | undefined;
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') name = value;
        else if (field === 'data') data.push(value);
        else if (field === 'id') id = value;
      }
      if (data.length > 0)
        onEvent(id === undefined ? { name, data: data.join('\n') } : { name, data: data.join('\n'), id });
    }
  };
}

/**
 * Follows a server-sent-events URL with a bearer token (EventSource cannot send one), reconnecting with a
 * growing pause after a drop, and with the id of the last event received (`Last-Event-ID`), so that the
 * service sends what was missed meanwhile. Returns a function that stops it.
 */
export function followEvents(
  url: string,
  token: () => Promise<string | null>,
  onEvent: (event: ServerEvent) => void,
): () => void {
  const controller = new AbortController();
  let pause = 1000;
  let lastEventId: string | undefined;
  const run = async () => {
    while (!controller.signal.aborted) {
      try {
        const bearer = await token();
        const response = await fetch(url, {
          headers: {
            Accept: 'text/event-stream',
            ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}),
            ...(lastEventId !== undefined ? { 'Last-Event-ID': lastEventId } : {}),
          },
          signal: controller.signal,
        });
        if (!response.ok || !response.body) throw new Error(String(response.status));
        pause = 1000;
        const feed = eventParser((event) => {
          if (event.id !== undefined) lastEventId = event.id;
          onEvent(event);
        });
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          feed(value);
        }
      } catch {
        if (controller.signal.aborted) return;
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, 30000);
    }
  };
  void run();
  return () => controller.abort();
}
