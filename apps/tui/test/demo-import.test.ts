import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRagtrail } from '@ragtrail/core';
import { demoDir, demoPlanIds } from '@ragtrail/spreadsheets';
import { runCli } from '../src/cli/program.js';
import { memoryStoreNamed } from '@ragtrail/stores';
import { captureIo } from './fixtures.js';

async function run(args: string[], env: Record<string, string | undefined> = {}) {
  const c = captureIo(env);
  const code = await runCli(args, c.io);
  return { code, out: c.out(), err: c.err() };
}

const trackerFile = join(demoDir, 'ofsted-tracker-april-2017.tsv');

describe('ragtrail demo', () => {
  it('loads the demo plans, prints an admin and a viewer token that work, and the next steps', async () => {
    const store = `memory:${randomUUID()}`;
    const r = await run(['demo', '--store', store]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Loaded with its history: ${demoPlanIds.tracker}`);
    expect(r.out).toContain(`npx -y pnpm@9.15.9 ragtrail summary --plan ${demoPlanIds.tracker} --period 2017-04 --as-of 2017-05-10`);
    expect(r.out).toContain('open http://127.0.0.1:3000/login and paste the viewer token');
    expect(r.out).toContain('npx -y pnpm@9.15.9 ragtrail tui');
    const admin = /Admin token \(shown once\):\s+(rgt_\S+)/.exec(r.out)?.[1];
    const viewer = /Viewer token \(shown once\):\s+(rgt_\S+)/.exec(r.out)?.[1];
    const rt = createRagtrail({ store: memoryStoreNamed(store.slice('memory:'.length)) });
    expect(await rt.authenticate(admin!)).toMatchObject({ role: 'admin' });
    expect(await rt.authenticate(viewer!)).toMatchObject({ role: 'viewer' });
  });

  it('keeps the demo plans when they are already there, and says so', async () => {
    const store = `memory:${randomUUID()}`;
    await run(['demo', '--store', store]);
    const before = JSON.parse((await run(['audit', '--store', store, '--plan', demoPlanIds.tracker, '--json'])).out) as { total: number };
    const again = await run(['demo', '--store', store, '--json']);
    expect(again.code).toBe(0);
    const result = JSON.parse(again.out) as { plans: { planId: string; alreadyLoaded: boolean }[]; tokens: { admin: string; viewer: string } };
    const demoIds = Object.values(demoPlanIds) as string[];
    expect(result.plans.map((p) => p.planId).sort()).toEqual([...demoIds].sort());
    expect(result.plans.every((p) => p.alreadyLoaded)).toBe(true);
    expect(result.tokens.admin).toMatch(/^rgt_/);
    const after = JSON.parse((await run(['audit', '--store', store, '--plan', demoPlanIds.tracker, '--json'])).out) as { total: number };
    expect(after.total).toBe(before.total);
    const listed = (JSON.parse((await run(['plans', '--store', store, '--json'])).out) as { planId: string }[]).map((p) => p.planId);
    expect(listed).toEqual(expect.arrayContaining(demoIds));
    expect(new Set(listed).size).toBe(listed.length);
  });
});

describe('ragtrail import', () => {
  it('imports a tracker as a new plan and prints its id (planId in JSON)', async () => {
    const store = `memory:${randomUUID()}`;
    const admin = ['--actor', 'Ann Admin:admin'];
    const text = await run(['import', 'tracker', trackerFile, '--store', store, ...admin, '--plan-id', 'tracker-2017', '--organisation', 'Thurrock Council']);
    expect(text.code).toBe(0);
    expect(text.out).toBe('tracker-2017\n');
    // Not a terminal: no progress bar, only the one line saying what was imported.
    expect(text.err).toMatch(/^Imported ofsted-tracker-april-2017\.tsv as plan tracker-2017: \d+ events\.\n/);
    const json = await run(['import', 'tracker', trackerFile, '--store', store, ...admin, '--json']);
    const result = JSON.parse(json.out) as { planId: string; events: number; warnings: string[] };
    expect(result.events).toBeGreaterThan(16);
    const summary = JSON.parse((await run(['summary', '--store', store, '--plan', result.planId, '--json'])).out) as { priorities: { current: { scored: number } }[] };
    expect(summary.priorities[0]!.current.scored).toBe(16);
  });

  it("imports a development plan's summary with its actions, so the board's figures sit beside the computed ones", async () => {
    const store = `memory:${randomUUID()}`;
    const r = await run(['import', 'summary', join(demoDir, 'development-plan-2017-19-summary.tsv'), '--actions', join(demoDir, 'development-plan-2017-19-actions.tsv'), '--store', store, '--actor', 'Ann Admin:admin', '--plan-id', 'dev', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ planId: 'dev' });
    const summary = JSON.parse((await run(['summary', '--store', store, '--plan', 'dev', '--json'])).out) as { priorities: { imported: { current: number | null } | null }[] };
    expect(summary.priorities.length).toBe(8);
    expect(summary.priorities.some((p) => p.imported?.current !== null && p.imported !== null)).toBe(true);
    expect((await run(['import', 'tracker', trackerFile, '--store', store, '--actor', 'Ann Admin:admin', '--previous-period', '2017-03'])).code).toBe(1);
  });

  it("imports a plan of objectives and milestones (seed 004's layout)", async () => {
    const store = `memory:${randomUUID()}`;
    const file = join(mkdtempSync(join(tmpdir(), 'ragtrail-objectives-')), 'cypp.tsv');
    writeFileSync(file, [
      'Contents', 'Priority 1:', 'Good childcare for all', '', 'Good childcare for all',
      'Objective\tWhere are we now?\tWhere do we want to be?\tKey milestones',
      'Increase free places for two year olds\t200 places\t800 places\t400 places by September 2013, 800 places by September 2014',
    ].join('\n'));
    const r = await run(['import', 'objectives', file, '--store', store, '--actor', 'Ann Admin:admin', '--plan-id', 'cypp', '--json']);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ planId: 'cypp' });
    const plans = JSON.parse((await run(['plans', '--store', store, '--json'])).out) as { planId: string; priorities: number; actions: number }[];
    expect(plans).toEqual([expect.objectContaining({ planId: 'cypp', priorities: 1, actions: 1 })]);
  });

  it('exports a period as the tracker sheet, which imports back to the same figures', async () => {
    const store = `memory:${randomUUID()}`;
    const admin = ['--actor', 'Ann Admin:admin'];
    await run(['import', 'tracker', trackerFile, '--store', store, ...admin, '--plan-id', 'original']);
    const out = join(mkdtempSync(join(tmpdir(), 'ragtrail-export-')), 'sub', 'tracker.csv');
    const exported = await run(['export', 'tracker', '--store', store, '--plan', 'original', '--period', '2017-04', '--format', 'csv', '--out', out, '--json']);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.out)).toMatchObject({ out, contentType: expect.stringContaining('csv') });
    expect((await run(['import', 'tracker', out, '--store', store, ...admin, '--plan-id', 'copy', '--period', '2017-04'])).code).toBe(0);
    const figures = async (planId: string) => {
      const s = JSON.parse((await run(['summary', '--store', store, '--plan', planId, '--period', '2017-04', '--json'])).out) as { overall: { current: number } };
      return s.overall.current;
    };
    expect(await figures('copy')).toBe(await figures('original'));
    expect((await run(['export', 'tracker', '--store', store, '--plan', 'original', '--period', '2017-04', '--out', out])).code).toBe(2);
    const noPeriod = await run(['export', 'tracker', '--store', store, '--plan', 'original', '--format', 'csv', '--out', out]);
    expect(noPeriod).toMatchObject({ code: 1, err: "ragtrail: Say which month to export: add --period YYYY-MM. A tracker sheet holds one month's scores; `ragtrail summary --plan original` names the latest reviewed month.\n" });
  });

  it('reads the worksheet named by --sheet and takes the review cadence from --cadence', async () => {
    const store = `memory:${randomUUID()}`;
    const admin = ['--actor', 'Ann Admin:admin'];
    await run(['import', 'tracker', trackerFile, '--store', store, ...admin, '--plan-id', 'original']);
    const xlsx = join(mkdtempSync(join(tmpdir(), 'ragtrail-sheet-')), 'tracker.xlsx');
    await run(['export', 'tracker', '--store', store, '--plan', 'original', '--period', '2017-04', '--format', 'xlsx', '--out', xlsx]);
    const quarterly = await run(['import', 'tracker', xlsx, '--store', store, ...admin, '--plan-id', 'quarterly', '--sheet', '1', '--cadence', 'quarterly', '--json']);
    expect(quarterly.code, quarterly.err).toBe(0);
    const summary = JSON.parse((await run(['summary', '--store', store, '--plan', 'quarterly', '--json'])).out) as { period: string; previousPeriod: string };
    expect(summary).toMatchObject({ period: '2017-04', previousPeriod: '2017-01' });
    const missing = await run(['import', 'tracker', xlsx, '--store', store, ...admin, '--plan-id', 'nope', '--sheet', 'Scores']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/tracker\.xlsx: expected a worksheet named "Scores"; the workbook has "/);
    expect((await run(['import', 'tracker', xlsx, '--store', store, ...admin, '--cadence', 'yearly'])).code).toBe(2);
    expect((JSON.parse((await run(['plans', '--store', store, '--json'])).out) as unknown[]).length).toBe(2);
  });

  it('refuses a file it cannot read, a plan id taken, and no acting admin, writing nothing', async () => {
    const store = `memory:${randomUUID()}`;
    const admin = ['--actor', 'Ann Admin:admin'];
    const dir = mkdtempSync(join(tmpdir(), 'ragtrail-import-'));
    const broken = join(dir, 'broken.csv');
    writeFileSync(broken, 'just,a,line\n"unbalanced\n');
    const bad = await run(['import', 'tracker', broken, '--store', store, ...admin]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^ragtrail: broken\.csv/);
    expect(bad.err.trim().split('\n')).toHaveLength(1);
    expect((await run(['import', 'tracker', join(dir, 'missing.csv'), '--store', store, ...admin])).err).toContain('missing.csv: no such file');
    expect((await run(['import', 'tracker', trackerFile, '--store', store])).err).toContain('--actor');
    expect((await run(['import', 'tracker', trackerFile, '--store', store, ...admin, '--plan-id', 'taken'])).code).toBe(0);
    const taken = await run(['import', 'tracker', trackerFile, '--store', store, ...admin, '--plan-id', 'taken']);
    expect(taken.code).toBe(1);
    expect(taken.err).toContain('already exists');
    expect(JSON.parse((await run(['plans', '--store', store, '--json'])).out)).toHaveLength(1);
    expect((await run(['import', 'budget', trackerFile, '--store', store, ...admin])).code).toBe(2);
  });
});
