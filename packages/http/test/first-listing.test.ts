// Issue 17, "the first load of a long log": the first plan listing after a start runs where long
// work runs (a worker thread on a server with a store file), so /health answers while it folds
// plans whose catalogue rows are missing; the listings after it read the refreshed rows here.
import { createRagtrail, type Ragtrail } from '@ragtrail/core';
import { demoDir, importTracker } from '@ragtrail/spreadsheets';
import { openStore } from '@ragtrail/stores';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createApp, startServer } from '../src/index.js';
import { inlineWork, type Work } from '../src/work/pool.js';
import { planFixture } from './fixture.js';

/** A work runner that holds the plan-listing warm-up until the test lets it go, counting the tasks it was given. */
function heldWork(rt: Ragtrail, fail = false) {
  const kinds: string[] = [];
  let release!: () => void;
  const held = new Promise<void>((resolve) => { release = resolve; });
  const work: Work = {
    async run(task, onProgress) {
      kinds.push(task.kind);
      if (task.kind === 'plans') {
        await held;
        if (fail) throw new Error('the worker stopped');
      }
      return inlineWork(rt).run(task, onProgress);
    },
    close: async () => {},
  };
  return { work, kinds, release };
}

describe('the first plan listing after a start', () => {
  it('given a held warm-up, when the first listing is asked for, then /health answers meanwhile and the listing follows once it is done', async () => {
    const { rt, tokens } = await planFixture();
    const { work, kinds, release } = heldWork(rt);
    const app = createApp({ ragtrail: rt, work });
    let answered = false;
    const listing = Promise.resolve(app.request('/api/plans', { headers: { authorization: `Bearer ${tokens.viewer}` } })).then((r) => { answered = true; return r; });
    await expect.poll(() => kinds).toEqual(['plans']);
    expect((await app.request('/health')).status).toBe(200);
    expect(answered).toBe(false);
    release();
    const res = await listing;
    expect(res.status).toBe(200);
    expect((await res.json()).map((p: { planId: string }) => p.planId)).toEqual(['p1']);
    // Later listings, the plan list page included, read here without a second warm-up.
    expect((await app.request('/', { headers: { cookie: `ragtrail_token=${tokens.viewer}` } })).status).toBe(200);
    expect((await app.request('/api/plans', { headers: { authorization: `Bearer ${tokens.viewer}` } })).status).toBe(200);
    expect(kinds).toEqual(['plans']);
  });

  it('given a warm-up that fails, then the listing still answers, read here', async () => {
    const { rt, tokens } = await planFixture();
    const { work, release } = heldWork(rt, true);
    const app = createApp({ ragtrail: rt, work });
    const listing = app.request('/api/plans', { headers: { authorization: `Bearer ${tokens.viewer}` } });
    release();
    const res = await listing;
    expect(res.status).toBe(200);
    expect((await res.json())).toHaveLength(1);
  });

  it('given a SQLite store whose catalogue and snapshots are gone, when the restarted server lists plans, then /health keeps answering', async () => {
    const storeUrl = `sqlite:${join(mkdtempSync(join(tmpdir(), 'ragtrail-first-listing-')), 't.db')}`;
    const admin = { actor: { id: 'setup', name: 'Setup', role: 'admin' as const } };
    const seed = createRagtrail({ store: await openStore(storeUrl) });
    const token = (await seed.issueToken({ name: 'Admin', role: 'admin' }, admin)).token;
    // A long plan: the demo tracker's rows repeated, about 12,000 events.
    const lines = readFileSync(join(demoDir, 'ofsted-tracker-april-2017.tsv'), 'utf8').split('\n');
    const header = lines.findIndex((l) => l.startsWith('No.\t'));
    const rows = lines.slice(header + 1).filter((l) => l.trim() !== '');
    const long = [...lines.slice(0, header + 1), ...Array.from({ length: 4_000 }, (_, i) => [String(i + 1), ...rows[i % rows.length]!.split('\t').slice(1)].join('\t'))].join('\n');
    await importTracker(seed, { fileName: 'long.tsv', content: new TextEncoder().encode(long), planId: 'long' }, admin);
    await seed.close();
    // As a store from before the catalogue, or one whose read models were dropped: every plan must be folded from its log.
    const store = await openStore(storeUrl);
    await store.readModels!.remove('plan-catalogue');
    await store.readModels!.remove('plan-snapshot');
    await store.close();

    const server = await startServer({ storeUrl, port: 0, logger: pino({ level: 'silent' }) });
    try {
      const started = performance.now();
      let listedAt = 0;
      const listing = fetch(`${server.url}/api/plans`, { headers: { authorization: `Bearer ${token}` } })
        .then(async (r) => { const body = await r.json(); listedAt = performance.now(); return { status: r.status, body }; });
      const health: { ms: number; status: number }[] = [];
      while (listedAt === 0) {
        const t = performance.now();
        const res = await fetch(`${server.url}/health`);
        await res.arrayBuffer();
        if (listedAt === 0) health.push({ ms: performance.now() - t, status: res.status });
      }
      const { status, body } = await listing;
      expect(status).toBe(200);
      expect(body.map((p: { planId: string }) => p.planId)).toEqual(['long']);
      const listingMs = listedAt - started;
      const slowest = Math.max(...health.map((h) => h.ms));
      // /health answered throughout, each answer far quicker than the listing: it never waited for the fold.
      expect(health.length, `listing took ${listingMs.toFixed(0)} ms`).toBeGreaterThanOrEqual(3);
      expect(health.every((h) => h.status === 200)).toBe(true);
      expect(slowest, `slowest /health ${slowest.toFixed(0)} ms while the listing took ${listingMs.toFixed(0)} ms`).toBeLessThan(listingMs / 3);
    } finally {
      await server.close();
    }
  }, 180_000);
});
