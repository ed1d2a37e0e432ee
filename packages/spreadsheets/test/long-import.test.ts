// A tracker long enough that its import flushes its events into the SQLite store's staged append
// (every 2,000 lines) before the end: still all or nothing, for readers in any process.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRagtrail, DomainError } from '@ragtrail/core';
import { openStore } from '@ragtrail/stores';
import { demoDir, importTracker } from '../src/index.js';

const admin = { actor: { id: 'ann', name: 'Ann Admin', role: 'admin' as const } };
const ROWS = 2_500;

/** The demo tracker's rows repeated to `ROWS`, numbered 1.., with an Evidence column; `evidenceAt` gives one row's evidence cell. */
function longTracker(evidenceAt?: { row: number; cell: string }): Buffer {
  const lines = readFileSync(join(demoDir, 'ofsted-tracker-april-2017.tsv'), 'utf8').split('\n');
  const header = lines.findIndex((l) => l.startsWith('No.\t'));
  const rows = lines.slice(header + 1).filter((l) => l.trim() !== '');
  const body = Array.from({ length: ROWS }, (_, i) => {
    const cells = rows[i % rows.length]!.split('\t');
    cells[0] = String(i + 1);
    while (cells.length < 9) cells.push('');
    return [...cells, i + 1 === evidenceAt?.row ? evidenceAt.cell : ''].join('\t');
  });
  return Buffer.from([...lines.slice(0, header), `${lines[header]}\tEvidence`, ...body].join('\n'));
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
async function sqliteFile() {
  const dir = mkdtempSync(join(tmpdir(), 'ragtrail-long-import-'));
  dirs.push(dir);
  return `sqlite:${join(dir, 'store.db')}`;
}

describe(`importing a ${ROWS}-row tracker into SQLite`, () => {
  it('writes nothing when a row near the end is refused after earlier rows were flushed, then imports the corrected file whole', async () => {
    const url = await sqliteFile();
    const rt = createRagtrail({ store: await openStore(url) });
    const future = longTracker({ row: 2_400, cell: 'Audit of supervision <https://example.org/audit> (audit, observed 2099-01-31)' });
    const refused = await importTracker(rt, { fileName: 'long.tsv', content: future, planId: 'long' }, admin).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(String((refused as Error).message)).toMatch(/row 2402|2099-01-31/);
    expect(await rt.plans()).toEqual([]);

    const { events } = await importTracker(rt, { fileName: 'long.tsv', content: longTracker(), planId: 'long' }, admin);
    // Per row an action and two scores; then the plan, and the two reviews the scores need.
    expect(events).toBe(ROWS * 3 + 3);
    const other = createRagtrail({ store: await openStore(url) });
    const plan = await other.loadPlan('long');
    expect(plan.actionOrder).toHaveLength(ROWS);
    expect(plan.revision).toBe(events - 1);
    expect((await other.verify()).ok).toBe(true);
    await other.close();
    await rt.close();
  });
});
