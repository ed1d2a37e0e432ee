import type { OpenAPIHono } from '@hono/zod-openapi';
import { commandSchemas, DomainError, parseInput, ValidationError, type PlanCommandType } from '@ragtrail/core';
import { z } from 'zod';
import type { AppEnv, Ragtrail } from '../env.js';
import { callerOf } from '../http/caller.js';
import { route } from '../openapi.js';

const commandTypes = Object.keys(commandSchemas) as [PlanCommandType, ...PlanCommandType[]];

export const BatchBody = z.object({
  commands: z.array(z.object({
    type: z.enum(commandTypes),
    data: z.record(z.string(), z.unknown()),
    /** Why, for this command (corrections, score changes); else the request's X-Reason. */
    reason: z.string().trim().min(1).optional(),
  })).min(1, 'must hold at least one command').max(5000, 'must hold at most 5000 commands: send several batches'),
});

/** A refusal of the n-th command, named so the client knows which one and which field. */
function atCommand(error: unknown, index: number, type: string): unknown {
  const at = `commands.${index}`;
  if (error instanceof ValidationError) return new ValidationError(error.issues.map((i) => ({ ...i, field: `${at}.${i.field}`, message: `command ${index + 1} (${type}): ${i.message}` })));
  if (error instanceof DomainError)
    return new DomainError(error.code, `Command ${index + 1} (${type}): ${error.message}`, error.field ? `${at}.${error.field}` : at, error.rule, error.details);
  return error;
}

/** Many commands on one plan, decided in order and written together, or not at all. */
export function batchRoutes(api: OpenAPIHono<AppEnv>, rt: Ragtrail): void {
  route(api, {
    method: 'post', path: '/plans/:planId/batch', tag: 'commands', body: BatchBody, conditional: true,
    summary: 'Run many commands on one plan in order, all or nothing (a month of entries from another system); a refusal names the command by its index',
    ok: { status: 201, description: 'the recorded events; ETag is the new revision' },
  }, async (c) => {
    const body = parseInput(BatchBody, await c.req.json(), 'body');
    const caller = callerOf(c);
    const batch = await rt.batch(c.req.param('planId')!, caller.expectedRevision === undefined ? {} : { expectedRevision: caller.expectedRevision });
    body.commands.forEach((command, index) => {
      try {
        batch.execute(command.type, command.data as never, { actor: caller.actor, reason: command.reason ?? caller.reason ?? null });
      } catch (error) {
        throw atCommand(error, index, command.type);
      }
    });
    const result = await batch.commit();
    c.header('ETag', `"${result.revision}"`);
    return c.json(result, 201);
  });
}
