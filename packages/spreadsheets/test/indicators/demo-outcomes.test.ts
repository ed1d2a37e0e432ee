import { describe, expect, it } from 'vitest';
import { createDemoClock, loadDemo } from '../../src/index.js';
import { childrensPlanId } from '../../src/demo/outcomes.js';
import { createMemoryStore, createRagtrail } from '@ragtrail/core';

async function demo() {
  const store = createMemoryStore();
  const clock = createDemoClock();
  const rt = createRagtrail({ store, now: clock.now });
  const load = await loadDemo(rt, clock);
  return { rt, load };
}

describe("the demo's outcomes: the source documents' own figures", () => {
  it('the development plan carries the scrutiny report indicators: child protection 68 -> 54 against statistical neighbours 54.6', async () => {
    const { rt } = await demo();
    const { indicators } = await rt.indicators('thurrock-development-plan-2017-19');
    const byId = new Map(indicators.map((i) => [i.id, i]));
    expect(byId.get('cp-rate')).toMatchObject({ direction: 'improving', previous: { value: 68 }, latest: { period: '2018-03', value: 54 }, comparators: { 'statistical neighbours': { value: 54.6, better: true } } });
    expect(byId.get('cp-rate')!.sentence).toContain('better than statistical neighbours');
    expect(byId.get('lac-rate')).toMatchObject({ direction: 'improving', latest: { value: 73.3 }, comparators: { 'statistical neighbours': { value: 68, better: false } } });
    expect(byId.get('agency-social-workers')).toMatchObject({ previous: { value: 60 }, latest: { value: 39 }, direction: 'improving' });
    expect(byId.get('placed-within-20-miles')).toMatchObject({ latest: { value: 87 }, comparators: { 'statistical neighbours': { value: 82, better: true } } });
    expect(byId.get('fostering-assessments-in-time')?.latest?.value).toBe(78.2);
    expect(byId.get('supervision-in-time')?.latest?.value).toBe(85);
    expect(byId.get('net-foster-carers')?.trajectory).toEqual([{ by: '2020-03', value: 60 }]);
  });

  it("links the development plan's actions to the recommendations they carry, so every tracker recommendation is covered", async () => {
    const { rt } = await demo();
    const coverage = await rt.coverage('thurrock-ofsted-tracker-2016-17');
    expect(coverage.recommendations).toHaveLength(16);
    expect(coverage.recommendations.find((r) => r.ref.endsWith('14'))!.carriedBy).toEqual([expect.objectContaining({ planId: 'thurrock-development-plan-2017-19', ref: 'P1.1' })]);
    expect(coverage.exceptions).toEqual([]);
  });

  it("the Children and Young People's Plan holds the NEET, level 2 and early-education milestones, linked to their indicators", async () => {
    const { rt, load } = await demo();
    expect(load.loaded).toContain(childrensPlanId);
    const { milestones } = await rt.milestones(childrensPlanId, { period: '2012-12' });
    expect(milestones.map((m) => [m.ref, m.text, m.link?.target])).toEqual([
      ['O1.3', '400 places by September 2013', 400], ['O1.3', '800 places by September 2014', 800],
      ['O2.3', '6.2% 16-18 year olds are NEET by March 2013', 6.2], ['O2.3', '5.7% 16-18 year olds are NEET by March 2014', 5.7],
      ['O3.2', 'L2 (adults) 69.1% by October 2013', 69.1], ['O3.2', 'L2 (adults) 74.1% by October 2014', 74.1],
    ]);
    expect(milestones.every((m) => m.status === 'upcoming')).toBe(true);
    const neet = (await rt.indicators(childrensPlanId)).indicators.find((i) => i.id === 'neet-16-18')!;
    expect(neet).toMatchObject({ baseline: { value: 6.8 }, trajectory: [{ by: '2013-03', value: 6.2 }, { by: '2014-03', value: 5.7 }] });
    const later = await rt.outcomeExceptions(childrensPlanId, { period: '2013-04' });
    expect(later.exceptions.map((e) => e.message)).toContain('O2.3 milestone 1 "6.2% 16-18 year olds are NEET by March 2013" was due on 2013-03-31 and is not recorded as met');
  });
});
