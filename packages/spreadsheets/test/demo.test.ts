import { describe, expect, it } from 'vitest';
import { createMemoryStore, createRagtrail, DomainError } from '@ragtrail/core';
import { createDemoClock, demoPlanIds, importSummary, loadDemo } from '../src/index.js';
import { demoRagtrail } from './demo-ragtrail.js';
import { admin, fixture, newRagtrail } from './helpers.js';
import { recommendations, scores } from './seed-001-expected.js';

describe('the demo, loaded as a history', () => {
  it('is recorded month by month from December 2016 to the summer of 2018, by demo people with demo reasons, on a chain that holds', async () => {
    const rt = await demoRagtrail();
    const events = await rt.store.readAll();
    const times = events.map((e) => e.recordedAt);
    expect(times[0]!.slice(0, 10)).toBe('2016-12-12');
    expect(times.at(-1)!).toMatch(/^2018-0[67]/);
    expect([...times].sort()).toEqual(times);
    expect(new Set(times.map((t) => t.slice(0, 7))).size).toBeGreaterThan(12);
    expect(events.every((e) => e.actor.id.startsWith('demo:') && e.reason?.startsWith('Demo history: '))).toBe(true);
    expect((await rt.verify()).ok).toBe(true);
  });

  it('leaves demo plans already in the store as they are', async () => {
    const rt = await demoRagtrail();
    const revisions = (await rt.plans()).map((p) => p.revision);
    const clock = createDemoClock();
    const again = createRagtrail({ store: rt.store, now: clock.now });
    expect((await loadDemo(again, clock)).loaded).toEqual([]);
    expect((await again.plans()).map((p) => p.revision)).toEqual(revisions);
  });

  it('refuses a store holding anything recorded later, and writes nothing', async () => {
    const store = createMemoryStore();
    await createRagtrail({ store }).issueToken({ name: 'Ann', role: 'viewer' }, admin);
    const clock = createDemoClock();
    const rt = createRagtrail({ store, now: clock.now });
    const refusal = await loadDemo(rt, clock).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ rule: 'demo-history-in-order' });
    expect((refusal as Error).message).toContain('loads only into a store with nothing recorded later');
    expect(await rt.plans()).toEqual([]);
  });

  it("shows the board's April 2017 view before the correction after sign-off, and the corrected one after", async () => {
    const rt = await demoRagtrail();
    const asSeen = await rt.loadPlan(demoPlanIds.tracker, '2017-05-10');
    const now = await rt.loadPlan(demoPlanIds.tracker);
    expect(asSeen.reviews.get('2017-04')).toMatchObject({ status: 'signed-off' });
    expect(asSeen.entries.get('ofsted-14')!.get('2017-04')!.score).toBe(3);
    expect(now.entries.get('ofsted-14')!.get('2017-04')!.score).toBe(2);
    const correction = (await rt.store.readStream(`plan-${demoPlanIds.tracker}`)).find((e) => e.type === 'EntryCorrected')!;
    expect(correction.data).toMatchObject({ afterSignOff: true, before: { score: 3 }, after: { score: 2 } });
    expect(correction.reason).toContain('tracker of 28 April 2017');
  });

  it('reschedules with approval, acknowledges carried-forward scores at sign-off, and takes an action to the removal level after three evidenced months', async () => {
    const rt = await demoRagtrail();
    const plan = await rt.loadPlan(demoPlanIds.developmentPlan);
    expect(plan.actions.get('p1-1')).toMatchObject({ retiredInPeriod: '2018-06' });
    expect(plan.entries.get('p1-1')!.get('2018-06')!.score).toBe(5);
    expect(plan.evidence.get('p1-1')!.length).toBeGreaterThanOrEqual(4);
    expect(plan.actions.get('p2-3')!.dueDate).toBe('2019-09-30');
    expect(plan.reviews.get('2018-06')).toMatchObject({ status: 'open' });
    const signOffs = (await rt.store.readStream(`plan-${demoPlanIds.developmentPlan}`)).filter((e) => e.type === 'ReviewSignedOff');
    expect(signOffs.map((e) => e.reason).find((r) => r?.includes('April 2018'))).toContain('33 of 36 actions not updated');
    expect((await rt.loadPlan(demoPlanIds.tracker)).reviews.get('2017-05')).toMatchObject({ status: 'open' });
  });
});

describe("the demo holds the source documents' facts", async () => {
  const rt = await demoRagtrail();
  const tracker = await rt.loadPlan(demoPlanIds.tracker);
  const plan = await rt.loadPlan(demoPlanIds.developmentPlan);

  it.each(recommendations.map((r, i) => [...r, ...scores[i]!.slice(1)] as const))(
    'Ofsted %i: the title, lead, March and April 2017 scores and stated direction of the April 2017 tracker',
    (n, title, name, jobTitle, before, after, direction) => {
      const action = [...tracker.actions.values()].find((a) => a.ref === `Ofsted ${n}`)!;
      expect([action.title, action.lead]).toEqual([title, { name, jobTitle }]);
      expect(tracker.entries.get(action.actionId)!.get('2017-03')).toMatchObject({ score: before });
      expect(tracker.entries.get(action.actionId)!.get('2017-04')).toMatchObject({ score: after, statedDirection: direction });
    },
  );

  it("has the tracker's April 2017 review as the council dated it", () => {
    expect(tracker.reviews.get('2017-04')).toMatchObject({ reviewer: 'Rory Patterson', reviewDate: '2017-04-28' });
  });

  it("has the development plan's eight priorities with the titles its RAG summary gives them", async () => {
    const fromSeed = newRagtrail();
    const { planId } = await importSummary(fromSeed, { ...fixture('summary'), periods: { previous: '2018-02', current: '2018-03' } }, admin);
    const titles = (state: typeof plan) => [...state.priorities.values()].sort((a, b) => a.number - b.number).map((p) => p.title);
    expect(titles(plan)).toEqual(titles(await fromSeed.loadPlan(planId)));
    expect(plan.importedFigures.get('2018-03')!.overall).toBe(2.6);
  });
});
