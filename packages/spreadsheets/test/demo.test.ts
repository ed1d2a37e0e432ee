import { describe, expect, it } from 'vitest';
import { demoPlanIds, importSummary, loadDemo } from '../src/index.js';
import { admin, fixture, newRagtrail } from './helpers.js';
import { recommendations, scores } from './seed-001-expected.js';

describe('loadDemo', () => {
  it('loads the demo plans from files shipped in the package, and loading twice changes nothing', async () => {
    const rt = newRagtrail();
    const { planIds } = await loadDemo(rt, admin);
    expect(planIds).toContain(demoPlanIds.tracker);
    const tracker = await rt.loadPlan(demoPlanIds.tracker);
    expect(tracker.actionOrder).toHaveLength(16);
    expect(tracker.reviews.get('2017-04')).toMatchObject({ reviewer: 'Rory Patterson', reviewDate: '2017-04-28' });
    expect(tracker.entries.get('ofsted-13')!.get('2017-04')).toMatchObject({ score: 3, statedDirection: 'Maintained' });
    const revision = (await rt.plans()).map((p) => p.revision);
    await loadDemo(rt, admin);
    expect((await rt.plans()).map((p) => p.revision)).toEqual(revision);
  });
});

describe('imported events', () => {
  it('are stamped with the clock of the ragtrail they are imported into', async () => {
    const rt = newRagtrail();
    await loadDemo(rt, admin);
    const events = await rt.store.readAll();
    expect(events.length).toBeGreaterThan(100);
    expect(new Set(events.map((e) => e.recordedAt))).toEqual(new Set(['2017-05-10T09:00:00.000Z']));
    expect((await rt.verify()).ok).toBe(true);
  });
});

describe('the demo holds the source documents\' facts', async () => {
  const rt = newRagtrail();
  await loadDemo(rt, admin);
  const tracker = await rt.loadPlan(demoPlanIds.tracker);
  const plan = await rt.loadPlan(demoPlanIds.developmentPlan);

  it.each(recommendations.map((r, i) => [...r, ...scores[i]!.slice(1)] as const))(
    'Ofsted %i: the title, lead, March and April 2017 scores and stated direction of the April 2017 tracker',
    (n, title, name, jobTitle, before, after, direction) => {
      const action = [...tracker.actions.values()].find((a) => a.ref === `Ofsted ${n}`)!;
      expect([action.title, action.lead]).toEqual([title, { name, jobTitle }]);
      expect(tracker.entries.get(action.actionId)!.get('2017-03')).toMatchObject({ score: before, source: 'imported' });
      expect(tracker.entries.get(action.actionId)!.get('2017-04')).toMatchObject({ score: after, statedDirection: direction, source: 'imported' });
    },
  );

  it('has the development plan\'s eight priorities with the titles its RAG summary gives them', async () => {
    const fromSeed = newRagtrail();
    const { planId } = await importSummary(fromSeed, { ...fixture('summary'), periods: { previous: '2018-02', current: '2018-03' } }, admin);
    const titles = (state: typeof plan) => [...state.priorities.values()].sort((a, b) => a.number - b.number).map((p) => p.title);
    expect(titles(plan)).toEqual(titles(await fromSeed.loadPlan(planId)));
    expect(plan.importedFigures.get('2018-03')!.overall).toBe(2.6);
  });
});

