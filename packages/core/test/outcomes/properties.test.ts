import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRagtrail, direction, goodness, indicatorView, evolveOutcomesAll, initialOutcomeState, createMemoryStore, ragOf, type DomainEvent, type Polarity } from '../../src/index.js';
import { admin, asRecorded, officer, reviewer, seedPlan, steppingClock } from '../../src/testing/index.js';

const polarity = fc.constantFrom<Polarity>('higher', 'lower');
const value = fc.integer({ min: 0, max: 10_000 }).map((n) => n / 10);
const periods = (n: number) => Array.from({ length: n }, (_, i) => `${2010 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

function indicatorOf(better: Polarity, tolerance: number, series: number[], target: number | null): DomainEvent[] {
  return [
    { type: 'IndicatorDefined', data: { indicatorId: 'x', name: 'X', unit: '', better, band: null, decimals: 1, frequency: 'monthly', source: 's', tolerance, priorityIds: [], actionIds: [] } },
    ...(target === null ? [] : [{ type: 'IndicatorTargetSet', data: { indicatorId: 'x', by: '2000-01', value: target, tolerance: null } } as DomainEvent]),
    ...series.map((v, i): DomainEvent => ({ type: 'IndicatorValueRecorded', data: { indicatorId: 'x', period: periods(series.length)[i]!, value: v, source: 's', release: '', comparators: [] } })),
  ];
}

describe('properties: direction and RAG follow the polarity', () => {
  it('direction is improving exactly when the latest value beats the previous one through the polarity, and flips with it', () => {
    fc.assert(fc.property(polarity, fc.array(value, { minLength: 2, maxLength: 12 }), (better, series) => {
      const view = indicatorView(evolveOutcomesAll(initialOutcomeState(), asRecorded(indicatorOf(better, 0, series, null))).indicators.get('x')!);
      const [prev, last] = series.slice(-2) as [number, number];
      const expected = last === prev ? 'maintained' : (better === 'higher') === last > prev ? 'improving' : 'declining';
      expect(view.direction).toBe(expected);
      const flipped = better === 'higher' ? 'lower' : 'higher';
      const opposite = { improving: 'declining', declining: 'improving', maintained: 'maintained' } as const;
      expect(direction({ better: flipped, band: null, decimals: 1, tolerance: 0 }, last, prev)).toBe(opposite[expected]);
    }));
  });

  it('RAG: on target iff at or better than the target; off target iff worse by more than the tolerance', () => {
    fc.assert(fc.property(polarity, value, value, fc.integer({ min: 0, max: 50 }).map((n) => n / 10), (better, v, target, tolerance) => {
      const ind = { better, band: null, decimals: 1, tolerance };
      const rag = ragOf(ind, v, target);
      const g = goodness(ind, v, target);
      expect(rag === 'on-target').toBe(g >= 0);
      expect(rag === 'off-target').toBe(-g > tolerance);
      // The view reports the same RAG as the rule, for the same series.
      const view = indicatorView(evolveOutcomesAll(initialOutcomeState(), asRecorded(indicatorOf(better, tolerance, [v], target))).indicators.get('x')!);
      expect(view.rag).toBe(rag);
    }));
  });
});

describe('properties: as of now equals live', () => {
  it('for random values and corrections, indicators as of each moment equal the live answer at that moment', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(value, fc.boolean()), { minLength: 1, maxLength: 6 }), async (steps) => {
      const rt = createRagtrail({ store: createMemoryStore(), now: steppingClock('2018-01-01T09:00:00.000Z') });
      await seedPlan(rt);
      await rt.executeOutcome('dev-plan', 'DefineIndicator', { indicatorId: 'x', name: 'X', better: 'lower', source: 'digest' }, { actor: admin });
      const ps = periods(steps.length);
      const seen: { at: string; live: unknown }[] = [];
      const remember = async (result: { events: { recordedAt: string }[] }) => seen.push({ at: result.events.at(-1)!.recordedAt, live: await rt.indicators('dev-plan') });
      for (const [i, [v, correct]] of steps.entries()) {
        await remember(await rt.executeOutcome('dev-plan', 'RecordIndicatorValue', { indicator: 'x', period: ps[i]!, value: v, comparators: [{ name: 'England', value: 50 }] }, { actor: officer }));
        if (correct) await remember(await rt.executeOutcome('dev-plan', 'CorrectIndicatorValue', { indicator: 'x', period: ps[i]!, value: v + 1 }, { actor: reviewer, reason: 'restated' }));
      }
      for (const { at, live } of seen) expect(await rt.indicators('dev-plan', { asOf: at })).toEqual(live);
    }), { numRuns: 15 });
  });
});
