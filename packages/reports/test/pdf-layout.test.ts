import { describe, expect, it } from 'vitest';
import { createMemoryStore, createRagtrail } from '@ragtrail/core';
import { actors } from '@ragtrail/core/testing';
import { chromiumAvailable, renderBoardReport, renderEvidencePack } from '../src/index.js';
import { as, boardFixture, manualClock } from './fixture.js';
import { pdfPages } from './pdf-text.js';

// A4 is 595 points wide; the report prints with 12 mm (34 pt) side margins.
const rightEdge = 595 - 34 + 1;

/** A plan as wide as the board's real ones: ten priorities with long names, two actions each, and imported figures beside the computed ones. */
async function widePlan() {
  const clock = manualClock('2026-01-05T09:00:00.000Z');
  const rt = createRagtrail({ store: createMemoryStore(), now: clock.now });
  const planId = 'wide';
  await rt.createPlan({ planId, title: 'Children’s Services Improvement and Development Plan 2026 to 2028', organisation: 'A Metropolitan Borough Council with a Long Name', scheme: 'development-plan-5' }, as(actors.admin));
  for (let p = 1; p <= 10; p++) {
    // One name holds a long unbroken word (a document reference), which must wrap rather than widen the table.
    const title = p === 3 ? 'Priority area 3: actions of SIF2016RecommendationsManagementOversightAndSupervisionTracker' : `Priority area ${p}: management oversight, supervision and the quality of social work practice`;
    await rt.execute(planId, 'AddPriority', { priorityId: `p${p}`, number: p, title }, as(actors.admin));
    for (const n of [1, 2]) await rt.execute(planId, 'AddAction', { actionId: `a${p}-${n}`, ref: `${p}.${n}`, priorityId: `p${p}`, title: `Action ${p}.${n}`, owners: ['Head of Service'] }, as(actors.admin));
  }
  for (const [period, day] of [['2026-02', '2026-02-27'], ['2026-03', '2026-03-27']] as const) {
    clock.set(`${day}T10:00:00.000Z`);
    await rt.execute(planId, 'OpenReview', { period, reviewer: 'Rory Patterson', reviewDate: day }, as(actors.reviewer));
    for (let p = 1; p <= 10; p++)
      for (const n of [1, 2]) await rt.execute(planId, 'RecordEntry', { action: `${p}.${n}`, period, score: 1 + ((p + n + (period === '2026-03' ? 1 : 0)) % 3), update: 'Update.', direction: null }, as(actors.officer, 'Scored'));
    await rt.execute(planId, 'ImportFigures', { period, source: 'The council’s own board pack', priorities: Array.from({ length: 10 }, (_, i) => ({ priorityId: `p${i + 1}`, figure: 2.35 })), overall: 2.35 }, as(actors.admin, 'Figures reported before ragtrail'));
    await rt.execute(planId, 'SignOffReview', { period }, as(actors.board));
  }
  return { rt, planId };
}

describe.skipIf(!chromiumAvailable())('printed to PDF', () => {
  it('the board report starts its summary on page 1 and keeps every column of the RAG table inside the page', async () => {
    const { rt, planId } = await widePlan();
    const pages = await pdfPages((await renderBoardReport(rt, { planId, period: '2026-03', format: 'pdf' })).body as Buffer);
    expect(pages[0]!.text).toContain('RAG summary');
    expect(pages[0]!.text).toContain('Priority area 1');
    expect(pages[0]!.text).toMatch(/imported/);
    // Labels are never cut inside a word ("Amb" / "er"): only free text may wrap anywhere.
    const words = pages[0]!.items.flatMap((i) => i.text.split(/\s+/));
    const fragments = ['Amber', 'Green', 'Sustained', 'Improving', 'Declining', 'Maintained'].flatMap((w) => Array.from({ length: w.length - 2 }, (_, k) => w.slice(0, k + 2)));
    expect(pages[0]!.items.filter((i) => i.text.split(/\s+/).some((w) => fragments.includes(w))).map((i) => i.text)).toEqual([]);
    const outside = pages.flatMap((page, n) => page.items.filter((i) => i.right > rightEdge).map((i) => `page ${n + 1}: "${i.text}" ends at ${Math.round(i.right)} pt`));
    expect(outside).toEqual([]);
  }, 90_000);

  it('the evidence pack PDF carries each evidence item’s content hash, within the page', async () => {
    const f = await boardFixture();
    const hash = 'c0ffee00'.repeat(8);
    f.clock.set('2026-04-02T09:00:00.000Z');
    await f.rt.execute(f.planId, 'AttachEvidence', { action: 'a1', title: 'Audit of board papers', kind: 'audit', observedOn: '2026-03-24', link: null, contentHash: hash }, as(actors.officer));
    const pages = await pdfPages((await renderEvidencePack(f.rt, { planId: f.planId, period: '2026-03', format: 'pdf' })).body as Buffer);
    expect(pages.map((p) => p.text).join(' ').replace(/\s+/g, '')).toContain(`SHA-256${hash}`);
    expect(pages[0]!.text).toContain('Overview');
    expect(pages.flatMap((page) => page.items.filter((i) => i.right > rightEdge).map((i) => i.text))).toEqual([]);
  }, 90_000);
});
