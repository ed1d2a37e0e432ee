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
 * the request must run before this is called. The stream opens only with the task's first
 * progress: an import reports none until its file is read, so every refusal of the file itself
 * (a limit its rows break, a layout it lacks, a plan id taken) is answered with its own 4xx, not as
 * a 200 stream; only what fails once writing has begun arrives as a `problem` event.
 */
export async function answerLong<T extends Task>(c: Context<AppEnv>, task: T, ok: (result: ResultOf<T>) => Response): Promise<Response> {
  const work = c.get('work');
  const refused = (error: unknown) => {
    const p = limitProblem(error);
    if (p) return problem(c, p);
    throw error;
  };
  if (!wantsEvents(c)) {
    try {
      return ok(await work.run(task));
    } catch (error) {
      return refused(error);
    }
  }
  // Progress before the stream opens is held here, then written first.
  let forward: ((done: number, total: number) => void) | null = null;
  const held: Array<[number, number]> = [];
  let started!: () => void;
  const firstProgress = new Promise<'progress'>((resolve) => { started = () => resolve('progress'); });
  const running = work.run(task, (done, total) => {
    if (forward) return forward(done, total);
    held.push([done, total]);
    started();
  });
  const first = await Promise.race([firstProgress, running.then(() => 'ended' as const, (error: unknown) => ({ error }))]);
  if (typeof first === 'object') return refused(first.error);
  return streamSSE(c, async (stream) => {
    const send = (done: number, total: number) => void stream.writeSSE({ event: 'progress', data: JSON.stringify({ done, total }) });
    for (const [done, total] of held) send(done, total);
    forward = send;
    try {
      await stream.writeSSE({ event: 'result', data: JSON.stringify(await running) });
    } catch (error) {
      await stream.writeSSE({ event: 'problem', data: JSON.stringify(problemFor(c, error)) });
    }
  });
}
