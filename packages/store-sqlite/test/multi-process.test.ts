import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyStore } from '@ragtrail/core';
import { createSqliteStore } from '../src/index.js';
import { startAppender } from './fixtures/spawn.js';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const acks = (lines: string[]) => lines.filter((l) => l.startsWith('ack ')).map((l) => l.split(' '));

describe('two OS processes appending to one file', () => {
  it('loses and duplicates nothing, keeps revisions gapless and reports conflicts as typed errors', async () => {
    dir = mkdtempSync(join(tmpdir(), 'ragtrail-mp-'));
    const path = join(dir, 'store.db');
    createSqliteStore({ path }).close(); // create the schema before the race
    // Both write the shared plan; each also writes a plan of its own.
    const a = startAppender(path, ['plan-shared', 'plan-a'], 120);
    const b = startAppender(path, ['plan-shared', 'plan-b'], 120);
    const [ea, eb] = await Promise.all([a.exited, b.exited]);
    expect(ea, ea.stderr).toMatchObject({ code: 0 });
    expect(eb, eb.stderr).toMatchObject({ code: 0 });

    const acked = [...acks(a.lines), ...acks(b.lines)];
    expect(acked).toHaveLength(240);
    const store = createSqliteStore({ path });
    try {
      const all = await store.readAll();
      expect(all.map((e) => e.id).sort()).toEqual(acked.map((l) => l[1]).sort());
      expect(new Set(all.map((e) => e.position)).size).toBe(all.length);
      for (const stream of ['plan-shared', 'plan-a', 'plan-b']) {
        const events = await store.readStream(stream);
        expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i));
      }
      expect((await store.readStream('plan-shared')).length).toBe(120);
      // Every line is an ack or a typed conflict: an untyped failure would have crashed the child.
      for (const line of [...a.lines, ...b.lines]) expect(line).toMatch(/^(ack|conflict) /);
      expect((await verifyStore(store)).ok).toBe(true);
    } finally {
      await store.close();
    }
  }, 60_000);
});
