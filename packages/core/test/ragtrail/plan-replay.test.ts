import { describe, expect, it } from 'vitest';
import { createMemoryStore, createRagtrail, PlanReplay } from '../../src/index.js';
import { foldPlan } from '../../src/internal.js';
import { seedPlan, steppingClock } from '../../src/testing/index.js';

async function seededMemory() {
  const rt = createRagtrail({ store: createMemoryStore(), now: steppingClock() });
  return { rt, planId: await seedPlan(rt) };
}

describe('time travel replay', () => {
  it("shows at every point of the log exactly the summary the core gives 'as known at' that moment", async () => {
    const { rt, planId } = await seededMemory();
    const events = await rt.history(planId);
    const replay = new PlanReplay(events);
    expect(replay.frame(0).state.status).toBe('empty');
    for (let c = 1; c <= events.length; c++) {
      const frame = replay.frame(c);
      expect(frame.event!.id).toBe(events[c - 1]!.id);
      if (!frame.period) continue;
      const asOf = events[c - 1]!.recordedAt;
      expect(frame.summary).toEqual(await rt.summary(planId, { period: frame.period, asOf }));
      expect(frame.exceptions).toEqual((await rt.exceptions(planId, { period: frame.period, asOf })).exceptions);
    }
  });

  it('steps a period at a time to the last event about each period, both ways', async () => {
    const { rt, planId } = await seededMemory();
    const replay = new PlanReplay(await rt.history(planId));
    // Events 7-11 are about April (review, three entries, sign-off); 12-13 about May.
    expect(replay.stepPeriod(0, 1)).toBe(6);
    expect(replay.stepPeriod(6, 1)).toBe(11);
    expect(replay.stepPeriod(11, 1)).toBe(13);
    expect(replay.stepPeriod(13, 1)).toBe(13);
    expect(replay.stepPeriod(13, -1)).toBe(11);
    expect(replay.stepPeriod(11, -1)).toBe(6);
    expect(replay.stepPeriod(6, -1)).toBe(0);
  });

  it('jumps to a date or instant and refuses what is not one', async () => {
    const { rt, planId } = await seededMemory();
    const events = await rt.history(planId);
    const replay = new PlanReplay(events);
    expect(replay.cursorAt(events[4]!.recordedAt)).toBe(5);
    expect(replay.cursorAt('2017-04-01')).toBe(events.length);
    expect(replay.cursorAt('2017-03-31')).toBe(0);
    expect(() => replay.cursorAt('soon')).toThrow(/ISO-8601/);
  });

  it('keeps checkpoints on a long log so any point folds to the same state as from the start', async () => {
    const { rt, planId } = await seededMemory();
    const officer = { id: 'o', name: 'Iqbal Vaza', role: 'officer' } as const;
    for (let i = 0; i < 230; i++) await rt.execute(planId, 'CorrectEntry', { action: 'P1.2', period: '2017-04', update: `note ${i}` }, { actor: { ...officer, role: 'reviewer' }, reason: 'typo' });
    const events = await rt.history(planId);
    const replay = new PlanReplay(events);
    for (const c of [199, 200, 201, events.length]) expect(replay.stateAt(c)).toEqual(foldPlan(events.slice(0, c)));
    expect(replay.stateAt(events.length).entries.get('p1-2')!.get('2017-04')!.update).toBe('note 229');
  });
});
