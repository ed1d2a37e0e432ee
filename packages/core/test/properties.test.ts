import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  auditTrail, createMemoryStore, createRagtrail, DomainError, evolve, evolveAll, findLevel, initialPlanState,
  periodEnd, replayPlans, toRecorded, type Actor, type PlanState,
} from '../src/index.js';
import { CheckpointedFold, foldPlan, isActiveIn, startFold, toRecordedTrusted } from '../src/internal.js';
import { actors } from '../src/testing/index.js';
import { expectDeeplyFrozen } from './deeply-frozen.js';

const refs = ['P1.1', 'P1.2', 'P2.1', 'P2.2', 'P3.1'];
const periods = ['2017-01', '2017-02', '2017-03', '2017-04', '2017-05'];
const anyActor = fc.constantFrom<Actor>(...Object.values(actors));
const reason = fc.option(fc.constantFrom('Monthly progress', 'Keyed in error', '  '), { nil: null });

/** Commands, valid or not: wrong roles, missing reasons, out-of-scheme scores, unknown actions. */
const command = fc.oneof(
  fc.record({ type: fc.constant('OpenReview' as const), data: fc.record({ period: fc.constantFrom(...periods, '2017-13'), reviewer: fc.constant('Rory Patterson'), reviewDate: fc.constant('2017-05-28') }) }),
  fc.record({ type: fc.constant('RecordEntry' as const), data: fc.record({ action: fc.constantFrom(...refs, 'P9.9'), period: fc.constantFrom(...periods), score: fc.integer({ min: 0, max: 6 }), update: fc.string({ maxLength: 8 }), direction: fc.constantFrom(null, 'Improving', 'Maintained', 'Declining') }) }),
  fc.record({ type: fc.constant('CorrectEntry' as const), data: fc.record({ action: fc.constantFrom(...refs), period: fc.constantFrom(...periods), score: fc.integer({ min: 1, max: 5 }) }) }),
  fc.record({ type: fc.constant('SignOffReview' as const), data: fc.record({ period: fc.constantFrom(...periods) }) }),
  fc.record({ type: fc.constant('AttachEvidence' as const), data: fc.record({ action: fc.constantFrom(...refs), title: fc.constant('Audit'), kind: fc.constant('audit'), observedOn: fc.constantFrom('2017-01-10', '2017-03-31', '2017-06-01'), link: fc.constant('https://x.example/a') }) }),
  fc.record({ type: fc.constant('RescheduleAction' as const), data: fc.record({ action: fc.constantFrom(...refs), newDueDate: fc.constantFrom('2017-03-31', '2017-09-30'), approvedBy: fc.constant('Board') }) }),
);
const step = fc.record({ command, actor: anyActor, reason });

async function seededPlan(now: () => Date) {
  const rt = createRagtrail({ store: createMemoryStore(), now, checkpointEvery: 4 });
  const { planId } = await rt.createPlan({ planId: 'prop', title: 'Property plan', organisation: 'Test Council', sustainPeriods: 2 }, { actor: actors.admin });
  for (const n of [1, 2, 3]) await rt.execute(planId, 'AddPriority', { number: n, title: `Priority ${n}` }, { actor: actors.admin });
  for (const ref of refs) await rt.execute(planId, 'AddAction', { ref, priorityId: `p${ref[1]}`, title: ref }, { actor: actors.admin });
  return { rt, planId };
}


function assertInvariants(state: PlanState, previous: PlanState): void {
  for (const [actionId, byPeriod] of state.entries) {
    const action = state.actions.get(actionId)!;
    for (const [period, entry] of byPeriod) {
      const level = findLevel(state.scheme, entry.score);
      expect(level, `score ${entry.score} is a level of the scheme`).toBeDefined();
      expect(state.reviews.get(period), `entry for ${period} belongs to a review`).toBeDefined();
      if (level!.requiresEvidence) expect((state.evidence.get(actionId) ?? []).some((e) => e.observedOn <= periodEnd(period))).toBe(true);
      expect(isActiveIn(action, period)).toBe(true);
    }
  }
  for (const [period, review] of previous.reviews)
    if (review.status === 'signed-off') expect(state.reviews.get(period)!.status).toBe('signed-off');
}

describe('properties of the domain', () => {
  it('no sequence of commands breaks an invariant, writes on refusal, or shortens the audit trail', async () => {
    const outcomes = { accepted: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 30 }), async (steps) => {
        let tick = Date.UTC(2017, 0, 1);
        const { rt, planId } = await seededPlan(() => new Date((tick += 60_000)));
        let state = await rt.loadPlan(planId);
        let trail = (await rt.audit(planId)).total;
        for (const s of steps) {
          const before = state;
          try {
            await rt.execute(planId, s.command.type, s.command.data as never, { actor: s.actor, reason: s.reason });
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
          }
          state = await rt.loadPlan(planId);
          const refused = state.revision === before.revision;
          if (refused) expect(state).toEqual(before);
          outcomes[refused ? 'refused' : 'accepted']++;
          assertInvariants(state, before);
          const now = (await rt.audit(planId)).total;
          expect(now).toBe(state.revision + 1);
          expect(now).toBeGreaterThanOrEqual(trail);
          trail = now;
        }
        expect((await rt.verify()).ok).toBe(true);
      }),
      { numRuns: 100 },
    );
    // The generator must exercise both paths, or the property proves nothing.
    expect(outcomes.accepted).toBeGreaterThan(20);
    expect(outcomes.refused).toBeGreaterThan(20);
  });

  it('folding the whole log at once equals folding it event by event, and every query as known at now equals the live one', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 25 }), async (steps) => {
        let tick = Date.UTC(2017, 0, 1);
        const { rt, planId } = await seededPlan(() => new Date((tick += 60_000)));
        for (const s of steps) await rt.execute(planId, s.command.type, s.command.data as never, { actor: s.actor, reason: s.reason }).catch(() => undefined);
        const events = await rt.history(planId);
        const oneByOne = events.reduce(evolve, initialPlanState());
        expect(evolveAll(initialPlanState(), events)).toEqual(oneByOne);
        expect(foldPlan(events)).toEqual(await rt.loadPlan(planId));
        const asOfNow = new Date(tick + 1).toISOString();
        for (const period of ['2017-03', '2017-05']) {
          expect(await rt.summary(planId, { period, asOf: asOfNow })).toEqual(await rt.summary(planId, { period }));
          expect(await rt.exceptions(planId, { period, asOf: asOfNow })).toEqual(await rt.exceptions(planId, { period }));
          expect(await rt.evidence(planId, { period, asOf: asOfNow })).toEqual(await rt.evidence(planId, { period }));
        }
        expect(await rt.audit(planId, { asOf: asOfNow })).toEqual(await rt.audit(planId));
        expect(await rt.history(planId, asOfNow)).toEqual(await rt.history(planId));
        // The trail folds in place: a record must read as it did when its event was the last one.
        const trail = auditTrail(events);
        events.forEach((_, i) => expect(trail[i]).toEqual(auditTrail(events.slice(0, i + 1))[i]));
      }),
      { numRuns: 30 },
    );
  });

  it('the mutable fast fold, in any split and from any frozen state, equals evolving event by event and leaves its input untouched', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 25 }), fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 10 }), async (steps, cuts) => {
        let tick = Date.UTC(2017, 0, 1);
        const { rt, planId } = await seededPlan(() => new Date((tick += 60_000)));
        for (const s of steps) await rt.execute(planId, s.command.type, s.command.data as never, { actor: s.actor, reason: s.reason }).catch(() => undefined);
        const events = await rt.history(planId);
        const oneByOne = events.reduce(evolve, initialPlanState());
        // Fold in chunks of random sizes, each chunk starting from the frozen result of the last.
        let state = initialPlanState();
        for (let i = 0, c = 0; i < events.length; c++) {
          const size = cuts[c % cuts.length]!;
          const before = structuredClone(state);
          const next = evolveAll(state, events.slice(i, i + size));
          expect(state, 'the input state is never changed').toEqual(before);
          state = next;
          i += size;
        }
        expect(state).toEqual(oneByOne);
        expect(Object.isFrozen(state) && Object.isFrozen(state.entries) && Object.isFrozen(state.actions)).toBe(true);
        for (const byPeriod of state.entries.values()) {
          expect(Object.isFrozen(byPeriod)).toBe(true);
          for (const entry of byPeriod.values()) expect(Object.isFrozen(entry)).toBe(true);
        }
        // A frozen Map refuses writes too (Object.freeze alone would not stop Map.set).
        if (state.entries.size > 0) expect(() => (state.entries as Map<string, never>).set('x', null as never)).toThrow(TypeError);
        // A fold can go on after finishing; an empty fold hands back its input.
        const fold = startFold(oneByOne);
        expect(fold.finish()).toBe(oneByOne);
        // Trusted decoding of current-version events gives what validating decoding gives.
        const stored = (await rt.history(planId)).map((e) => ({ ...e }));
        expect(stored.map(toRecordedTrusted)).toEqual(stored.map(toRecorded));
      }),
      { numRuns: 40 },
    );
  });

  it('a checkpointed fold whose checkpoints are frozen and whose Maps are copied ahead a budget at a time, in any interleaving, hands out only deeply frozen states equal to folding in one go', async () => {
    // Each round before a slice: how much to freeze or copy ahead, and whether to read a checkpoint meanwhile.
    const round = fc.record({ slice: fc.integer({ min: 1, max: 9 }), prepare: fc.integer({ min: 0, max: 3 }), budget: fc.integer({ min: 1, max: 40 }), settle: fc.boolean(), read: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 25 }), fc.array(round, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 4 }), async (steps, rounds, every, copyAheadMin) => {
        let tick = Date.UTC(2017, 0, 1);
        const { rt, planId } = await seededPlan(() => new Date((tick += 60_000)));
        for (const s of steps) await rt.execute(planId, s.command.type, s.command.data as never, { actor: s.actor, reason: s.reason }).catch(() => undefined);
        const events = await rt.history(planId);
        // A small plan's collections are copied ahead too: the threshold is lowered to a few entries.
        const fold = new CheckpointedFold(every, initialPlanState(), copyAheadMin);
        const handedOut: { state: PlanState; covers: number; copy: PlanState }[] = [];
        const take = (state: PlanState, covers: number) => {
          expectDeeplyFrozen(state);
          handedOut.push({ state, covers, copy: structuredClone(state) });
        };
        for (let at = 0, r = 0; at < events.length; r++) {
          const { slice, prepare, budget, settle, read } = rounds[r % rounds.length]!;
          for (let i = 0; i < prepare && fold.prepare(budget); i++);
          if (settle) fold.settle(budget);
          if (read) {
            const { state, covers } = fold.checkpointBefore(at);
            take(state, covers);
          }
          // As a timeline slices: never past the next checkpoint.
          const to = Math.min(events.length, at + Math.min(slice, Math.max(1, fold.nextCheckpoint - fold.length)));
          fold.add(events.slice(at, to));
          at = to;
        }
        const current = fold.current;
        take(current, events.length);
        expect(current).toEqual(foldPlan(events));
        for (let count = 0; count <= events.length; count++) {
          const { state, covers } = fold.checkpointBefore(count);
          take(state, covers);
        }
        // Every state handed out is the fold of its prefix in one go, and was never changed after.
        for (const { state, covers, copy } of handedOut) {
          expect(state).toEqual(foldPlan(events.slice(0, covers)));
          expect(state).toEqual(copy);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('replayPlans rebuilds every plan of a store as folding its stream does, with and without trusted decoding', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom('a', 'b'), step), { maxLength: 30 }), fc.integer({ min: 1, max: 9 }), async (steps, pageSize) => {
        let tick = Date.UTC(2017, 0, 1);
        const memory = createMemoryStore();
        const rt = createRagtrail({ store: memory, now: () => new Date((tick += 60_000)) });
        for (const id of ['a', 'b']) {
          await rt.createPlan({ planId: id, title: `Plan ${id}`, organisation: 'Test Council' }, { actor: actors.admin });
          await rt.execute(id, 'AddPriority', { number: 1, title: 'One' }, { actor: actors.admin });
          for (const ref of refs) await rt.execute(id, 'AddAction', { ref, priorityId: 'p1', title: ref }, { actor: actors.admin });
        }
        for (const [id, s] of steps) await rt.execute(id, s.command.type, s.command.data as never, { actor: s.actor, reason: s.reason }).catch(() => undefined);
        for (const trusted of [true, false]) {
          const states = await replayPlans(memory, { pageSize, trusted });
          expect([...states.keys()].sort()).toEqual(['plan-a', 'plan-b']);
          for (const id of ['a', 'b']) expect(states.get(`plan-${id}`)).toEqual(foldPlan(await rt.history(id)));
        }
      }),
      { numRuns: 25 },
    );
  });

  it('summary means, worst scores and counts equal a naive recomputation for random plans and scores', async () => {
    const planShape = fc.array(fc.array(fc.record({ prev: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }), cur: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }) }), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(planShape, fc.constantFrom('mean-of-priorities' as const, 'mean-of-actions' as const), async (priorities, overallMethod) => {
        const rt = createRagtrail({ store: createMemoryStore() });
        const { planId } = await rt.createPlan({ planId: 'naive', title: 'T', organisation: 'O', overallMethod }, { actor: actors.admin });
        await rt.execute(planId, 'OpenReview', { period: '2017-03', reviewer: 'R', reviewDate: '2017-03-28' }, { actor: actors.reviewer });
        await rt.execute(planId, 'OpenReview', { period: '2017-04', reviewer: 'R', reviewDate: '2017-04-28' }, { actor: actors.reviewer });
        for (const [p, actions] of priorities.entries()) {
          await rt.execute(planId, 'AddPriority', { number: p + 1, title: `P${p + 1}` }, { actor: actors.admin });
          for (const [a, s] of actions.entries()) {
            const ref = `P${p + 1}.${a + 1}`;
            await rt.execute(planId, 'AddAction', { ref, priorityId: `p${p + 1}`, title: ref }, { actor: actors.admin });
            if (s.prev !== null) await rt.execute(planId, 'RecordEntry', { action: ref, period: '2017-03', score: s.prev }, { actor: actors.officer });
            if (s.cur !== null) await rt.execute(planId, 'RecordEntry', { action: ref, period: '2017-04', score: s.cur }, { actor: actors.officer, reason: 'change' });
          }
        }
        const summary = await rt.summary(planId, { period: '2017-04' });
        const naiveMean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
        // Carry forward: an action without a current score counts with its previous one.
        const currentScores = priorities.map((actions) => actions.flatMap((s) => (s.cur ?? s.prev) === null ? [] : [(s.cur ?? s.prev)!]));
        summary.priorities.forEach((row, i) => {
          expect(row.current.mean).toBe(naiveMean(currentScores[i]!));
          expect(row.current.worst).toBe(currentScores[i]!.length ? Math.min(...currentScores[i]!) : null);
          expect(row.current.counts.reduce((n, c) => n + c.count, 0)).toBe(currentScores[i]!.length);
          expect(row.previous.mean).toBe(naiveMean(priorities[i]!.flatMap((s) => (s.prev === null ? [] : [s.prev]))));
        });
        const means = currentScores.map(naiveMean).filter((m): m is number => m !== null);
        const expected = overallMethod === 'mean-of-actions' ? naiveMean(currentScores.flat()) : naiveMean(means);
        expect(summary.overall.current).toBe(expected);
      }),
      { numRuns: 30 },
    );
  });
});
