import type { OpenAPIHono } from '@hono/zod-openapi';
import { parseInput } from '@ragtrail/core';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import type { Context } from 'hono';
import type { AppEnv, Ragtrail } from '../env.js';
import { route } from '../openapi.js';

const LiveQuery = z.object({
  after: z.union([z.literal('now'), z.coerce.number().int().min(0)]).optional()
    .describe('resume after this global position (the id of the last event you saw), or "now" for only what is recorded from now on'),
});

/** New events of one plan as server-sent events, so dashboards update without polling. */
export function liveRoutes(api: OpenAPIHono<AppEnv>, rt: Ragtrail, shutdown?: AbortSignal): void {
  route(api, {
    method: 'get', path: '/plans/:planId/events', summary: "The plan's new events as they are recorded (text/event-stream; Last-Event-ID resumes)", tag: 'live',
    query: LiveQuery, ok: { status: 200, description: 'one SSE message per event', mediaType: 'text/event-stream' },
  }, liveStream(rt, shutdown));
}

/**
 * The SSE handler, shared with the dashboard page (which authenticates by cookie). `named` sends
 * each event under its type; the page's script wants them all as plain messages.
 */
export function liveStream(rt: Ragtrail, shutdown?: AbortSignal, named = true) {
  return async (c: Context<AppEnv>) => {
    const planId = c.req.param('planId')!;
    await rt.loadPlan(planId);
    const resume = c.req.header('last-event-id') ?? c.req.query('after');
    const { after } = parseInput(LiveQuery, resume === undefined ? {} : { after: resume }, 'query');
    return streamSSE(c, async (stream) => {
      // The page wants what happens after it was drawn, not the plan's whole history.
      const from = after ?? (named ? undefined : 'now');
      const sub = rt.subscribe(
        // Waited for: the next event is read only when the client has taken this one, so catching
        // a slow client up on a long log holds one event, not the log.
        (e) => stream.writeSSE({ id: String(e.position), ...(named ? { event: e.type } : {}), data: JSON.stringify(e) }),
        { planId, ...(from !== undefined ? { after: from } : {}) },
      );
      // A comment line, invisible to EventSource, telling clients the subscription is listening:
      // anything recorded after they read it reaches them.
      await sub.ready;
      await stream.write(': listening\n\n');
      // A stream never ends by itself: end it when the client goes or the server shuts down,
      // otherwise SIGTERM would wait for every open dashboard forever.
      await new Promise<void>((resolve) => {
        stream.onAbort(resolve);
        if (shutdown?.aborted) resolve();
        shutdown?.addEventListener('abort', () => resolve(), { once: true });
      });
      await sub.close();
    });
  };
}
