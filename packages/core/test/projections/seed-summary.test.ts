import { describe, it, expect } from 'vitest';
import { createMemoryStore, createRagtrail, formatFigure, type Ragtrail } from '../../src/index.js';
import { actors } from '../../src/testing/index.js';

/**
 * Seed 002's RAG summary of the 2017-19 development plan: each priority's previous and current
 * figure and the overall 2.0 -> 2.6. The per-action scores are ours; the figures are the seed's.
 */
const seedFigures: Array<{ number: number; previous: number[]; current: number[]; shown: [string, string] }> = [
  { number: 1, previous: [3, 3, 3, 3, 3, 2], current: [4, 4, 3, 3, 3, 3], shown: ['2.8', '3.3'] },
  { number: 2, previous: [2, 2, 1], current: [2, 2, 3], shown: ['1.7', '2.3'] },
  { number: 3, previous: [1, 2], current: [2, 3], shown: ['1.5', '2.5'] },
  { number: 4, previous: [2, 2, 2, 2, 2, 2, 2], current: [3, 3, 3, 3, 3, 3, 2], shown: ['2.0', '2.9'] },
  { number: 5, previous: [2, 2], current: [2, 2], shown: ['2.0', '2.0'] },
  { number: 6, previous: [1, 2], current: [2, 3], shown: ['1.5', '2.5'] },
  { number: 7, previous: [3, 3, 2, 2, 2, 2, 2], current: [3, 3, 3, 2, 2, 2, 2], shown: ['2.3', '2.4'] },
  { number: 8, previous: [3, 3, 3, 3, 2, 2, 2], current: [3, 3, 3, 3, 3, 3, 2], shown: ['2.6', '2.9'] },
];

async function buildSeedPlan(): Promise<{ rt: Ragtrail; planId: string }> {
  const rt = createRagtrail({ store: createMemoryStore() });
  const { planId } = await rt.createPlan({ planId: 'thurrock-dev-plan', title: "Children's Social Care Development Plan 2017-19", organisation: 'Thurrock Council' }, { actor: actors.admin });
  for (const period of ['2018-01', '2018-02'])
    await rt.execute(planId, 'OpenReview', { period, reviewer: 'Improvement Board', reviewDate: `${period}-28` }, { actor: actors.reviewer });
  for (const p of seedFigures) {
    await rt.execute(planId, 'AddPriority', { number: p.number, title: `Priority ${p.number}` }, { actor: actors.admin });
    for (const [i, previous] of p.previous.entries()) {
      const ref = `P${p.number}.${i + 1}`;
      const current = p.current[i]!;
      await rt.execute(planId, 'AddAction', { ref, priorityId: `p${p.number}`, title: `Action ${ref}` }, { actor: actors.admin });
      if (current >= 4)
        await rt.execute(planId, 'AttachEvidence', { action: ref, title: 'Workforce report', kind: 'data', observedOn: '2018-02-10', link: 'https://intranet.example/workforce' }, { actor: actors.officer });
      await rt.execute(planId, 'RecordEntry', { action: ref, period: '2018-01', score: previous, update: 'January update' }, { actor: actors.officer });
      await rt.execute(planId, 'RecordEntry', { action: ref, period: '2018-02', score: current, update: 'February update' }, { actor: actors.officer, reason: current === previous ? null : 'Monthly progress' });
    }
  }
  return { rt, planId };
}

describe("the seed's RAG summary, computed from actions", () => {
  it('reproduces every priority figure and the overall 2.0 -> 2.6', async () => {
    const { rt, planId } = await buildSeedPlan();
    const summary = await rt.summary(planId, { period: '2018-02' });
    expect(summary.previousPeriod).toBe('2018-01');
    expect(summary.priorities.map((p) => [formatFigure(p.previous.mean), formatFigure(p.current.mean)])).toEqual(seedFigures.map((p) => p.shown));
    expect([formatFigure(summary.overall.previous), formatFigure(summary.overall.current)]).toEqual(['2.0', '2.6']);
    // Full precision is kept: the previous overall is 2.0446..., which only reads 2.0 once rounded.
    expect(summary.overall.previous).toBeCloseTo(2.0446, 3);
    expect(summary.overall.direction).toBe('Improving');
    expect(summary.priorities[4]!.direction).toBe('Maintained');
  });

  it('shows the lowest score and the count at each level beside the mean', async () => {
    const { rt, planId } = await buildSeedPlan();
    const p1 = (await rt.summary(planId, { period: '2018-02' })).priorities[0]!;
    expect(p1.current.worst).toBe(3);
    expect(p1.current.counts.map((c) => [c.label, c.count])).toEqual([['Red', 0], ['Amber', 0], ['Green', 4], ['Blue', 2], ['Sustained', 0]]);
    expect(p1.previous.worst).toBe(2);
  });

  it('offers the mean of all actions as the overall figure on request', async () => {
    const { rt, planId } = await buildSeedPlan();
    const summary = await rt.summary(planId, { period: '2018-02', overallMethod: 'mean-of-actions' });
    const all = seedFigures.flatMap((p) => p.current);
    expect(summary.overall.current).toBeCloseTo(all.reduce((a, b) => a + b, 0) / all.length, 12);
  });

  it('carries a missing score forward and flags it as not updated', async () => {
    const { rt, planId } = await buildSeedPlan();
    await rt.execute(planId, 'OpenReview', { period: '2018-03', reviewer: 'Improvement Board', reviewDate: '2018-03-28' }, { actor: actors.reviewer });
    await rt.execute(planId, 'RecordEntry', { action: 'P5.1', period: '2018-03', score: 3, update: 'March' }, { actor: actors.officer, reason: 'Voice of the child audit done' });
    const p5 = (await rt.summary(planId, { period: '2018-03' })).priorities[4]!;
    expect(p5.current.mean).toBe(2.5);
    expect(p5.current.notUpdated).toBe(1);
    expect(p5.actions.map((a) => [a.ref, a.score, a.notUpdated, a.scoredPeriod])).toEqual([
      ['P5.1', 3, false, '2018-03'],
      ['P5.2', 2, true, '2018-02'],
    ]);
    const { exceptions } = await rt.exceptions(planId, { period: '2018-03' });
    expect(exceptions.filter((e) => e.kind === 'not-updated')).toHaveLength(seedFigures.flatMap((p) => p.current).length - 1);
  });

  it('shows imported figures as imported, beside the computed ones', async () => {
    const { rt, planId } = await buildSeedPlan();
    await rt.execute(planId, 'ImportFigures', { period: '2018-02', source: 'seed 002 RAG summary', priorities: [{ priorityId: 'p1', figure: 3.3 }], overall: 2.6 }, { actor: actors.admin });
    const summary = await rt.summary(planId, { period: '2018-02' });
    expect(summary.priorities[0]!.imported).toEqual({ previous: null, current: 3.3 });
    expect(summary.priorities[1]!.imported).toBeNull();
    expect(summary.importedOverall).toEqual({ previous: null, current: 2.6, source: 'seed 002 RAG summary' });
    expect(summary.priorities[0]!.current.mean).toBeCloseTo(20 / 6, 12);
  });
});
