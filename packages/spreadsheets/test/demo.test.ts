import { describe, expect, it } from 'vitest';
import { demoPlanIds, loadDemo } from '../src/index.js';
import { admin, newRagtrail } from './helpers.js';

describe('loadDemo', () => {
  it('loads the demo plans from files shipped in the package, and loading twice changes nothing', async () => {
    const rt = newRagtrail();
    const { planIds } = await loadDemo(rt, admin);
    expect(planIds).toContain(demoPlanIds.tracker);
    const tracker = await rt.loadPlan(demoPlanIds.tracker);
    expect(tracker.actionOrder).toHaveLength(16);
    expect(tracker.reviews['2017-04']).toMatchObject({ reviewer: 'Rory Patterson', reviewDate: '2017-04-28' });
    expect(tracker.entries['ofsted-13']!['2017-04']).toMatchObject({ score: 3, statedDirection: 'Maintained' });
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
