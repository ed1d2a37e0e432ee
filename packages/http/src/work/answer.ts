import { DomainError } from '@ragtrail/core';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AppEnv } from '../env.js';
import { problem, problemOf, type Problem } from '../problem.js';
import type { ResultOf, Task } from './tasks.js';

/**
 * A file refused for one of the import limits: 413, naming the limit, what it allows and the
 * file, so the caller knows which setting an administrator would have to raise.
 */
export function limitProblem(error: unknown): Problem | null {
  if (!(error instanceof DomainError) || error.rule !== 'limit' || typeof error.details?.limit !== 'string') return null;
  const { limit, allowed, fileName } = error.details;
  return { type: 'urn:ragtrail:limit', title: 'Payload Too Large', status: 413, code: error.code, detail: error.message, field: error.field ?? 'file', rule: 'limit', limit, allowed, fileName };
}

const problemFor = (c: Context<AppEnv>, error: unknown): Problem =>
  limitProblem(error) ?? problemOf(error) ?? { type: 'about:blank', title: 'Internal Server Error', status: 500, detail: `Unexpected failure (request ${c.get('requestId')})` };

export const wantsEvents = (c: Context) => (c.req.header('accept') ?? '').includes('text/event-stream');

/**
 * Runs a long task through the app's work runner and answers on this request's own connection:
 * the usual JSON (or problem) when it ends, or, for a client that asks for text/event-stream,
 * `progress` events ({done, total}) then one `result` or `problem` event. Checks that can refuse
 * the request must run before this is called: once the stream starts, the status is 200.
 */
export async function answerLong<T extends Task>(c: Context<AppEnv>, task: T, ok: (result: ResultOf<T>) => Response): Promise<Response> {
  const work = c.get('work');
  if (!wantsEvents(c)) {
    try {
      return ok(await work.run(task));
    } catch (error) {
      const p = limitProblem(error);
      if (p) return problem(c, p);
      throw error;
    }
  }
  return streamSSE(c, async (stream) => {
    try {
      const result = await work.run(task, (done, total) => void stream.writeSSE({ event: 'progress', data: JSON.stringify({ done, total }) }));
      await stream.writeSSE({ event: 'result', data: JSON.stringify(result) });
    } catch (error) {
      const p = problemFor(c, error);
      await stream.writeSSE({ event: 'problem', data: JSON.stringify(p) });
    }
  });
}
