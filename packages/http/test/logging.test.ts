// One structured log line per request, keyed by the request id the client also gets back.
import { createMemoryStore, createRagtrail } from '@ragtrail/core';
import pino from 'pino';
import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { createApp } from '../src/index.js';

it('logs each request as JSON with its request id, and echoes the id as X-Request-Id', async () => {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({ write(chunk, _enc, done) { lines.push(JSON.parse(String(chunk))); done(); } });
  const app = createApp({ ragtrail: createRagtrail({ store: createMemoryStore() }), logger: pino({}, sink) });
  const res = await app.request('/api/plans');
  const id = res.headers.get('x-request-id');
  expect(id).toBeTruthy();
  const own = await app.request('/health', { headers: { 'x-request-id': 'trace-abc-123' } });
  expect(own.headers.get('x-request-id')).toBe('trace-abc-123');
  await new Promise((r) => setImmediate(r));
  expect(lines).toEqual(expect.arrayContaining([
    expect.objectContaining({ reqId: id, method: 'GET', path: '/api/plans', status: 401, msg: 'request' }),
    expect.objectContaining({ reqId: 'trace-abc-123', path: '/health', status: 200 }),
  ]));
  // A token never reaches the log.
  await app.request('/api/plans', { headers: { authorization: 'Bearer secret-token-value' } });
  await new Promise((r) => setImmediate(r));
  expect(JSON.stringify(lines)).not.toContain('secret-token-value');
});
