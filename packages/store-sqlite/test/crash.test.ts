import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyStore } from '@ragtrail/core';
import { createSqliteStore } from '../src/index.js';
import { startAppender } from './fixtures/spawn.js';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const KILLS = 20;

describe('crash safety', () => {
  it(`keeps every acknowledged append through ${KILLS} SIGKILLs at random moments`, async () => {
    dir = mkdtempSync(join(tmpdir(), 'ragtrail-crash-'));
    const path = join(dir, 'store.db');
    const acknowledged = new Set<string>();
    for (let round = 0; round < KILLS; round++) {
      const run = startAppender(path, ['plan-crash', `plan-round-${round % 3}`]);
      // Wait for the child to be appending, then kill it after a random extra delay.
      const started = Date.now();
      while (!run.lines.some((l) => l.startsWith('ack ')) && Date.now() - started < 15_000) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, Math.random() * 150));
      run.child.kill('SIGKILL');
      const exit = await run.exited;
      expect(exit.signal, exit.stderr).toBe('SIGKILL');
      for (const line of run.lines) if (line.startsWith('ack ')) acknowledged.add(line.split(' ')[1]!);
    }
    expect(acknowledged.size).toBeGreaterThan(KILLS);

    const store = createSqliteStore({ path });
    try {
      const ids = new Set((await store.readAll()).map((e) => e.id));
      const missing = [...acknowledged].filter((id) => !ids.has(id));
      expect(missing).toEqual([]);
      // At most the one in-flight event per kill can be stored without its ack having been read.
      expect(ids.size - acknowledged.size).toBeLessThanOrEqual(KILLS);
      const verified = await verifyStore(store);
      expect(verified).toMatchObject({ ok: true, events: ids.size });
      const integrity = (await import('better-sqlite3')).default;
      const raw = new integrity(path, { readonly: true });
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      raw.close();
    } finally {
      await store.close();
    }
  }, 90_000);
});
