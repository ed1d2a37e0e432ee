import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryStore, createRagtrail, extractCheckpoint, loadSigningKey, parseVerifierKey, verifyCheckpoint } from '@ragtrail/core';
import { actors } from '@ragtrail/core/testing';
import { renderBoardReport, renderEvidencePack } from '../src/index.js';
import { as, manualClock } from './fixture.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

async function signedPlan() {
  const dir = mkdtempSync(join(tmpdir(), 'ragtrail-report-key-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'log.key'), Buffer.alloc(32, 7), { mode: 0o600 });
  const signer = loadSigningKey(join(dir, 'log.key'), 'ragtrail/reports-test');
  const clock = manualClock('2026-02-01T09:00:00.000Z');
  const rt = createRagtrail({ store: createMemoryStore(), now: clock.now, signer });
  await rt.createPlan({ planId: 'p', title: 'Plan', organisation: 'Council', scheme: 'development-plan-5' }, as(actors.admin));
  await rt.execute('p', 'AddAction', { actionId: 'a1', ref: '1.1', title: 'Oversight' }, as(actors.admin));
  clock.set('2026-02-27T10:00:00.000Z');
  await rt.execute('p', 'OpenReview', { period: '2026-02', reviewer: 'Rory', reviewDate: '2026-02-27' }, as(actors.reviewer));
  await rt.execute('p', 'RecordEntry', { action: 'a1', period: '2026-02', score: 3 }, as(actors.officer, 'monthly'));
  await rt.execute('p', 'SignOffReview', { period: '2026-02' }, as(actors.board));
  return { rt, clock, key: parseVerifierKey(signer.verifierKey) };
}

describe('the checkpoint a report carries', () => {
  for (const format of ['md', 'html'] as const) {
    it(`${format}: is signed by the log's key, between markers a reader can copy, over the log as the report reflects it`, async () => {
      const { rt, clock, key } = await signedPlan();
      const report = String((await renderBoardReport(rt, { planId: 'p', format })).body);
      const checked = verifyCheckpoint(extractCheckpoint(report), key);
      if (!checked.ok) throw new Error(checked.reason);
      // Every event recorded at or before the plan's last moment: 5 plan events, the key, and the checkpoint the sign-off took (same instant on this clock).
      expect(checked.checkpoint.size).toBe(7);
      // The log grows; the report's checkpoint still holds against it, and a rerun as of its moment is byte-identical.
      clock.set('2026-03-27T10:00:00.000Z');
      await rt.execute('p', 'OpenReview', { period: '2026-03', reviewer: 'Rory', reviewDate: '2026-03-27' }, as(actors.reviewer));
      expect(await rt.verifyCheckpoint(report)).toMatchObject({ ok: true, checkpointSize: 7, logSize: 8 });
      const rerun = String((await renderBoardReport(rt, { planId: 'p', format, asOf: '2026-02-27T10:00:00.000Z' })).body);
      expect(rerun).toBe(report);
    });
  }

  it('for --as-of T covers the events recorded at or before T, and says so in the signed note', async () => {
    const { rt, key } = await signedPlan();
    const pack = String((await renderEvidencePack(rt, { planId: 'p', format: 'md', asOf: '2026-02-10T00:00:00.000Z' })).body);
    const checked = verifyCheckpoint(extractCheckpoint(pack), key);
    if (!checked.ok) throw new Error(checked.reason);
    expect(checked.checkpoint.size).toBe(2);
    expect(checked.checkpoint.extensions).toEqual(['as-of 2026-02-10T00:00:00.000Z']);
    expect(pack).toContain('as it stood at 2026-02-10T00:00:00.000Z: its first 2 events');
  });
});
