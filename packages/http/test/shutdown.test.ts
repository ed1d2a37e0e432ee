// SIGTERM: stop accepting, end live streams, let a request in flight finish, close the store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request } from 'node:http';
import { join } from 'node:path';
import { createRagtrail } from '@ragtrail/core';
import { openStore } from '@ragtrail/stores';
import pino from 'pino';
import { expect, it } from 'vitest';
import { startServer } from '../src/index.js';

it('drains on close: an open SSE stream ends, a request in flight completes, then the store closes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ragtrail-api-shutdown-'));
  try {
    const storeUrl = `sqlite:${join(dir, 't.db')}`;
    // Seed through a second handle on the same file, as the command line would.
    const seed = createRagtrail({ store: await openStore(storeUrl) });
    const admin = { actor: { id: 'admin', name: 'Admin', role: 'admin' as const } };
    await seed.createPlan({ planId: 'p1', title: 'Plan', organisation: 'Council' }, admin);
    const { token } = await seed.issueToken({ name: 'Viewer', role: 'viewer' }, admin);
    await seed.close();

    const server = await startServer({ storeUrl, port: 0, logger: pino({ level: 'silent' }) });
    const auth = { authorization: `Bearer ${token}` };
    const live = await fetch(`${server.url}/api/plans/p1/events`, { headers: auth });
    expect(live.status).toBe(200);
    const liveText = live.text();
    // The request is in flight once its connection is made and its bytes are written: the server runs
    // in this process, so a few turns of the event loop let it accept and start the request.
    const inFlight = new Promise<number>((resolve, reject) => {
      const req = request(`${server.url}/api/plans/p1/summary`, { headers: auth }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end();
    });
    // Two connections: the live stream's and the summary's, accepted by the server.
    while ((await server.connections()) < 2) await new Promise((r) => setImmediate(r));
    const closed = server.close();
    expect([200, 404]).toContain(await inFlight);
    await liveText; // the stream ended rather than holding the server open
    await expect(Promise.race([closed.then(() => 'closed'), new Promise((r) => setTimeout(() => r('hung'), 5_000))])).resolves.toBe('closed');
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
