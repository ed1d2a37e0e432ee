import type { Period } from '../shared/period.js';
import type { Indicator } from './state.js';

/** Which way an indicator moved, read through its polarity (lower-is-better falling is improving). */
export type OutcomeDirection = 'improving' | 'maintained' | 'declining';
/** An indicator's RAG against its target: on target, within the tolerance, or off target. */
export type IndicatorRag = 'on-target' | 'within-tolerance' | 'off-target';
/** How a value stands against another (a comparator, a target) through the polarity. */
export type Relation = 'better' | 'same' | 'worse';

type Judged = Pick<Indicator, 'better' | 'band' | 'decimals' | 'tolerance'>;

// Values are compared as the indicator shows them: 54.6 and 54.60001 are the same figure.
const shown = (ind: Judged, value: number): number => Number(value.toFixed(ind.decimals));

/** How far outside the band a value is (0 inside it). */
const outsideBand = (ind: Judged, value: number): number => {
  const { low, high } = ind.band ?? { low: value, high: value };
  return value < low ? low - value : value > high ? value - high : 0;
};

/** How much better `a` is than `b` through the polarity: positive better, negative worse, 0 the same. */
export function goodness(ind: Judged, a: number, b: number): number {
  const x = shown(ind, a);
  const y = shown(ind, b);
  if (ind.better === 'higher') return shown(ind, x - y);
  if (ind.better === 'lower') return shown(ind, y - x);
  return shown(ind, outsideBand(ind, y) - outsideBand(ind, x));
}

/** Whether `a` is better than, the same as or worse than `b` through the indicator's polarity. */
export function relation(ind: Judged, a: number, b: number): Relation {
  const g = goodness(ind, a, b);
  return g > 0 ? 'better' : g < 0 ? 'worse' : 'same';
}

/** Direction of travel from `before` to `now`, through the polarity. */
export function direction(ind: Judged, now: number, before: number): OutcomeDirection {
  const r = relation(ind, now, before);
  return r === 'better' ? 'improving' : r === 'worse' ? 'declining' : 'maintained';
}

/**
 * The RAG rule: on target when the value is at or better than the target (inside the band); within
 * tolerance when it misses by no more than the tolerance; off target beyond that.
 */
export function ragOf(ind: Judged, value: number, target: number | null): IndicatorRag | null {
  if (ind.better === 'band') {
    const off = shown(ind, outsideBand(ind, value));
    return off === 0 ? 'on-target' : off <= ind.tolerance ? 'within-tolerance' : 'off-target';
  }
  if (target === null) return null;
  const g = goodness(ind, value, target);
  return g >= 0 ? 'on-target' : -g <= ind.tolerance ? 'within-tolerance' : 'off-target';
}

/** A period as a count of months, so the distance between two periods is a subtraction. */
export const monthIndex = (period: Period): number => {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return y * 12 + (m - 1);
};

/**
 * The target for a period along the trajectory: a point's own value in its period; between two
 * points (or the baseline and the first point) the straight line between them by month; after
 * the last point, the last point's value; before the first point with no baseline before it, the
 * first point's value.
 */
export function targetAt(points: readonly { by: Period; value: number }[], baseline: { period: Period; value: number } | null, period: Period): number | null {
  if (points.length === 0) return null;
  const line = baseline && baseline.period < points[0]!.by ? [{ by: baseline.period, value: baseline.value }, ...points] : [...points];
  const at = monthIndex(period);
  // Before the line starts (before the baseline, or before the first point without one) the aim is the first point.
  if (at < monthIndex(line[0]!.by)) return points[0]!.value;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1]!;
    const b = line[i]!;
    const end = monthIndex(b.by);
    if (at <= end) {
      const start = monthIndex(a.by);
      return a.value + ((b.value - a.value) * (at - start)) / (end - start);
    }
  }
  return line[line.length - 1]!.value;
}

/**
 * Whether `point` will be met if the value keeps changing at the rate between the last two values
 * (per month). Null without two values to take a rate from.
 */
export function willMeet(ind: Judged, previous: { period: Period; value: number } | null, latest: { period: Period; value: number }, point: { by: Period; value: number }): boolean | null {
  if (!previous) return null;
  const months = monthIndex(latest.period) - monthIndex(previous.period);
  if (months <= 0) return null;
  const rate = (latest.value - previous.value) / months;
  const projected = latest.value + rate * (monthIndex(point.by) - monthIndex(latest.period));
  return goodness(ind, projected, point.value) >= 0;
}
