import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRagtrail } from '@ragtrail/core';
import { openStore } from '@ragtrail/stores';
import { ragtrail, repoRoot } from './child.js';
import { seedPlan, steppingClock } from './fixtures.js';

/** A temp SQLite store holding the fixture plan, for commands run as real child processes. */
async function seededSqlite(dir: string): Promise<string> {
  const url = `sqlite:${join(dir, 'ragtrail.db')}`;
  const rt = createRagtrail({ store: await openStore(url), now: steppingClock() });
  await seedPlan(rt);
  await rt.close();
  return url;
}

const expectJson = (r: { code: number | null; out: string; err: string }, what: string) => {
  expect(r.code, `${what}: ${r.err}`).toBe(0);
  return JSON.parse(r.out) as unknown;
};

describe('every other command as a real child process, on one SQLite file', () => {
  it('queries print only JSON; changes exit 0, refusals exit 1 with one line on stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ragtrail-child-all-'));
    const env = { RAGTRAIL_STORE: await seededSqlite(dir) };
    const q = (args: string[]) => ragtrail([...args, '--json'], env);
    const [exceptions, audit, evidence, summary] = await Promise.all([
      q(['exceptions', '--plan', 'dev-plan']),
      q(['audit', '--plan', 'dev-plan', '--action', 'P1.1', '--actor', 'Iqbal Vaza', '--since', '2000-01-01']),
      q(['evidence', '--plan', 'dev-plan', '--action', 'P1.1']),
      q(['summary', '--plan', 'dev-plan', '--period', '2017-04', '--as-of', '2017-05-10']),
    ]);
    expect(expectJson(exceptions, 'exceptions')).toHaveProperty('exceptions');
    expect((expectJson(audit, 'audit') as { records: unknown[] }).records.length).toBeGreaterThan(0);
    expect(expectJson(evidence, 'evidence')).toHaveProperty('actions');
    expect(expectJson(summary, 'summary')).toMatchObject({ period: '2017-04' });

    const reviewer = { ...env, RAGTRAIL_ACTOR: 'Rory Patterson:reviewer' };
    const refused = await ragtrail(['correct', '--plan', 'dev-plan', '--action', 'P1.1', '--period', '2017-04', '--score', '1', '--reason', 'x'], { ...env, RAGTRAIL_ACTOR: 'Vic Viewer:viewer' });
    expect(refused.code).toBe(1);
    expect(refused.out).toBe('');
    expect(refused.err.trim().split('\n')).toHaveLength(1);
    expectJson(await ragtrail(['correct', '--plan', 'dev-plan', '--action', 'P1.1', '--period', '2017-04', '--score', '1', '--reason', 'Agency figures were misread', '--json'], reviewer), 'correct');
    expectJson(await ragtrail(['review', 'sign-off', '--plan', 'dev-plan', '--period', '2017-05', '--reason', '2 actions not updated: carried forward', '--json'], { ...env, RAGTRAIL_ACTOR: 'Chief Executive:board' }), 'sign-off');
    const file = join(dir, 'audit.pdf');
    writeFileSync(file, 'case file audit');
    expectJson(await ragtrail(['attach', '--plan', 'dev-plan', '--action', 'P1.1', '--title', 'Case file audit', '--kind', 'audit', '--observed-on', '2017-06-10', '--file', file, '--json'], { ...env, RAGTRAIL_ACTOR: 'Iqbal Vaza:officer' }), 'attach');
    expectJson(await ragtrail(['reschedule', '--plan', 'dev-plan', '--action', 'P1.2', '--due', '2018-03-31', '--approved-by', 'Improvement Board', '--reason', 'Recruitment freeze', '--json'], reviewer), 'reschedule');

    const token = expectJson(await ragtrail(['token', 'create', '--actor', 'Ann Admin:admin', '--name', 'Board viewer', '--role', 'viewer', '--json'], env), 'token create');
    expect(token).toMatchObject({ role: 'viewer', token: expect.stringMatching(/^rgt_/) });

    const out = join(dir, 'tracker.csv');
    expect(expectJson(await ragtrail(['export', 'tracker', '--plan', 'dev-plan', '--period', '2017-04', '--format', 'csv', '--out', out, '--json'], env), 'export')).toMatchObject({ out });
    const tracker = join(repoRoot, 'packages/spreadsheets/demo/ofsted-tracker-april-2017.tsv');
    const imported = await ragtrail(['import', 'tracker', tracker, '--actor', 'Ann Admin:admin', '--plan-id', 'ofsted', '--json'], env);
    expect(expectJson(imported, 'import')).toMatchObject({ planId: 'ofsted' });

    const target = `sqlite:${join(dir, 'copy.db')}`;
    expect(expectJson(await ragtrail(['migrate', '--from', env.RAGTRAIL_STORE, '--to', target, '--json'], env), 'migrate')).toMatchObject({ target: { ok: true } });
    const verify = await ragtrail(['verify', '--store', target]);
    expect(verify.code).toBe(0);
    expect(verify.err).toBe('');
  }, 120_000);
});
