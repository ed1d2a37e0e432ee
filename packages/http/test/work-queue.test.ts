// The queue of long requests is bounded: past its size a request is refused at once with 503 and
// Retry-After, holding nothing, and the requests already accepted still run to their answers.
import { codeOfHttpStatus, DomainError, httpStatusOf } from '@ragtrail/core';
import { openStore } from '@ragtrail/stores';
import { demoDir } from '@ragtrail/spreadsheets';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, startServer } from '../src/index.js';
import { workerPool, workQueueFull, type Work } from '../src/work/pool.js';
import { planFixture } from './fixture.js';

const tempStore = () => `sqlite:${join(mkdtempSync(join(tmpdir(), 'ragtrail-queue-')), 't.db')}`;

describe('a worker pool with room for one waiting request', () => {
  let storeUrl = '';
  let pool: Work;
  beforeAll(async () => {
    storeUrl = tempStore();
    await (await openStore(storeUrl)).close();
    pool = workerPool({ storeUrl, size: 1, maxWaiting: 1 });
  });
  afterAll(async () => { await pool?.close(); });

  it('runs the first, queues the second and refuses the third as busy, naming the rule and when to retry', async () => {
    // All three are asked in the same turn: the first has the only worker, the second the only place in the queue.
    const asked = [pool.run({ kind: 'plans' }), pool.run({ kind: 'plans' }), pool.run({ kind: 'plans' })];
    const [first, second, third] = (await Promise.allSettled(asked)) as [PromiseSettledResult<unknown>, PromiseSettledResult<unknown>, PromiseSettledResult<unknown>];
    expect(first).toEqual({ status: 'fulfilled', value: { plans: 0 } });
    expect(second).toEqual({ status: 'fulfilled', value: { plans: 0 } });
    expect(third.status).toBe('rejected');
    const refusal = (third as PromiseRejectedResult).reason as DomainError;
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'busy', rule: 'work-queue-bounded', details: { waiting: 1, retryAfter: 30 } });
  }, 60_000);

  it('takes requests again once the queue has room', async () => {
    await expect(pool.run({ kind: 'plans' })).resolves.toEqual({ plans: 0 });
  }, 60_000);

  it('refuses a queue size that is not a whole number', () => {
    expect(() => workerPool({ storeUrl, maxWaiting: -1 })).toThrow(/maxWaiting/);
    expect(() => workerPool({ storeUrl, maxWaiting: 1.5 })).toThrow(/maxWaiting/);
  });
});

describe('a long request refused because the queue is full', () => {
  const busy: Work = { run: () => Promise.reject(workQueueFull(16)), close: async () => {} };
  const tracker = readFileSync(join(demoDir, 'ofsted-tracker-april-2017.tsv'));

  it('is a 503 problem with Retry-After, and writes nothing', async () => {
    const { rt, tokens } = await planFixture();
    const app = createApp({ ragtrail: rt, work: busy });
    const before = (await rt.plans()).length;
    const res = await app.request('/api/imports/tracker?fileName=t.tsv&planId=queued', { method: 'POST', headers: { authorization: `Bearer ${tokens.admin}` }, body: tracker });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('30');
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    expect(await res.json()).toMatchObject({ status: 503, code: 'busy', rule: 'work-queue-bounded', waiting: 16 });
    expect((await rt.plans()).length).toBe(before);
  });

  it('asks a client of the progress stream to come back too, not with a 200 stream', async () => {
    const { rt, tokens } = await planFixture();
    const app = createApp({ ragtrail: rt, work: busy });
    const res = await app.request('/api/verify', { headers: { authorization: `Bearer ${tokens.admin}`, accept: 'text/event-stream' } });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('30');
  });
});

describe('the server setting', () => {
  it('refuses RAGTRAIL_MAX_WAITING_WORK that is not a whole number, before opening the store', async () => {
    const saved = process.env.RAGTRAIL_MAX_WAITING_WORK;
    process.env.RAGTRAIL_MAX_WAITING_WORK = 'lots';
    try {
      await expect(startServer({ storeUrl: tempStore(), port: 0 })).rejects.toThrow(/RAGTRAIL_MAX_WAITING_WORK=lots: must be a whole number/);
    } finally {
      if (saved === undefined) delete process.env.RAGTRAIL_MAX_WAITING_WORK;
      else process.env.RAGTRAIL_MAX_WAITING_WORK = saved;
    }
  });
});

it('a busy refusal reads back as busy in a client that maps statuses to codes', () => {
  expect(httpStatusOf.busy).toBe(503);
  expect(codeOfHttpStatus(503)).toBe('busy');
});
