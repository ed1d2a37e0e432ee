import type { RecordedEvent } from '@ragtrail/core';

/**
 * The HTTP app has no "whole log" route: its live route replays a plan's events from the start
 * as server-sent events and then stays open. Read it until the event at `untilRevision` (the
 * plan's revision when we asked), then hang up. Revisions count from 0 (the plan's creation).
 */
export async function readLogOverSse(response: Response, untilRevision: number, abort: AbortController): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  if (untilRevision < 0 || !response.body) {
    abort.abort();
    return events;
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return events;
      buffered += value.replace(/\r\n/g, '\n');
      let end: number;
      while ((end = buffered.indexOf('\n\n')) >= 0) {
        const message = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const data = message.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).replace(/^ /, '')).join('\n');
        if (!data) continue;
        const event = JSON.parse(data) as RecordedEvent;
        events.push(event);
        if (event.revision >= untilRevision) return events;
      }
    }
  } finally {
    abort.abort();
    await reader.cancel().catch(() => {});
  }
}
