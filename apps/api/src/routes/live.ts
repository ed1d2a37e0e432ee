import type { OpenAPIHono } from '@hono/zod-openapi';
import { parseInput } from '@ragtrail/core';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import type { AppEnv, Ragtrail } from '../env.js';
import { route } from '../openapi.js';

const LiveQuery = z.object({ after: z.coerce.number().int().min(0).optional().describe('resume after this global position (the id of the last event you saw)') });

/** New events of one plan as server-sent events, so dashboards update without polling. */
export function liveRoutes(api: OpenAPIHono<AppEnv>, rt: Ragtrail, shutdown?: AbortSignal): void {
  route(api, {
    method: 'get', path: '/plans/:planId/events', summary: "The plan's new events as they are recorded (text/event-stream; Last-Event-ID resumes)", tag: 'live',
    query: LiveQuery, ok: { status: 200, description: 'one SSE message per event', mediaType: 'text/event-stream' },
  }, async (c) => {
    const planId = c.req.param('planId')!;
    await rt.loadPlan(planId);
    const resume = c.req.header('last-event-id') ?? c.req.query('after');
    const { after } = parseInput(LiveQuery, resume === undefined ? {} : { after: resume }, 'query');
    return streamSSE(c, async (stream) => {
      const sub = rt.subscribe(
        (e) => void stream.writeSSE({ id: String(e.position), event: e.type, data: JSON.stringify(e) }),
        { planId, ...(after !== undefined ? { after } : {}) },
      );
      // A stream never ends by itself: end it when the client goes or the server shuts down,
      // otherwise SIGTERM would wait for every open dashboard forever.
      await new Promise<void>((resolve) => {
        stream.onAbort(resolve);
        if (shutdown?.aborted) resolve();
        shutdown?.addEventListener('abort', () => resolve(), { once: true });
      });
      await sub.close();
    });
  });
}
