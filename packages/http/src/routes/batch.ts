import type { OpenAPIHono } from '@hono/zod-openapi';
import { BatchInput, runBatch } from '@ragtrail/core';
import type { AppEnv, Ragtrail } from '../env.js';
import { callerOf } from '../http/caller.js';
import { route } from '../openapi.js';

/** Many commands on one plan, decided in order and written together, or not at all. */
export function batchRoutes(api: OpenAPIHono<AppEnv>, rt: Ragtrail): void {
  route(api, {
    method: 'post', path: '/plans/:planId/batch', tag: 'commands', body: BatchInput, conditional: true,
    summary: 'Run many commands on one plan in order, all or nothing (a month of entries from another system); a refusal names the command by its index',
    ok: { status: 201, description: 'the recorded events; ETag is the new revision' },
  }, async (c) => {
    const result = await runBatch(rt, c.req.param('planId')!, await c.req.json(), callerOf(c));
    c.header('ETag', `"${result.revision}"`);
    return c.json(result, 201);
  });
}
