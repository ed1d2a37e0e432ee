import { periodLabel, type Period } from '../shared/period.js';
import { comparatorPhrase, figure } from './format.js';
import { direction, goodness, ragOf, relation, targetAt, willMeet, type IndicatorRag, type OutcomeDirection, type Relation } from './polarity.js';
import { trajectoryInOrder, valuesInOrder, type Indicator } from './state.js';

/** A comparator's figure for the latest period with its release, and whether the indicator's value beats it. */
export interface ComparatorFact {
  value: number;
  /** Whether the indicator's latest value beats it, through the polarity (false when equal). */
  better: boolean;
  relation: Relation;
  source: string;
}

/** One indicator as a board reads it: the figures and every fact derived from them through the polarity. */
export interface IndicatorView {
  id: string;
  name: string;
  unit: string;
  better: Indicator['better'];
  band: Indicator['band'];
  decimals: number;
  frequency: Indicator['frequency'];
  source: string;
  tolerance: number;
  priorityIds: readonly string[];
  actionIds: readonly string[];
  latest: { period: Period; value: number; source: string; release: string; corrections: number } | null;
  previous: { period: Period; value: number } | null;
  baseline: { period: Period; value: number } | null;
  target: {
    /** The trajectory's target for the latest value's period (see targetAt). */
    value: number;
    /** latest - target, in the indicator's unit. */
    distance: number;
    next: { by: Period; value: number } | null;
    /** Whether the next point is met at the rate between the last two values; null without a rate. */
    willMeetNext: boolean | null;
  } | null;
  trajectory: { by: Period; value: number }[];
  /** name -> figure for the latest value's period; an object for JSON, built with defined properties. */
  comparators: Record<string, ComparatorFact>;
  direction: OutcomeDirection | null;
  directionFromBaseline: OutcomeDirection | null;
  rag: IndicatorRag | null;
  series: { period: Period; value: number }[];
  /** The facts in words, as the scrutiny report writes them. */
  sentence: string;
}

/** The indicator as known, up to `period` when given (values after it are not yet "latest"). */
export function indicatorView(ind: Indicator, period?: Period): IndicatorView {
  const series = valuesInOrder(ind).filter((v) => period === undefined || v.period <= period);
  const latestValue = series.at(-1) ?? null;
  const previousValue = series.at(-2) ?? null;
  const baseline = ind.baseline ?? (series[0] ? { period: series[0].period, value: series[0].value } : null);
  const trajectory = trajectoryInOrder(ind);
  const latest = latestValue && { period: latestValue.period, value: latestValue.value, source: latestValue.source, release: latestValue.release, corrections: latestValue.corrections };
  const previous = previousValue && { period: previousValue.period, value: previousValue.value };

  let target: IndicatorView['target'] = null;
  if (latest && ind.better !== 'band') {
    const value = targetAt(trajectory, ind.baseline, latest.period);
    if (value !== null) {
      const next = trajectory.find((p) => p.by > latest.period) ?? null;
      target = { value, distance: Number((latest.value - value).toFixed(ind.decimals + 2)), next, willMeetNext: next ? willMeet(ind, previous, latest, next) : null };
    }
  }

  const comparators: Record<string, ComparatorFact> = {};
  if (latestValue)
    for (const [name, c] of latestValue.comparators) {
      const r = relation(ind, latestValue.value, c.value);
      Object.defineProperty(comparators, name, { value: { value: c.value, better: r === 'better', relation: r, source: c.source }, enumerable: true, writable: true, configurable: true });
    }

  const view: Omit<IndicatorView, 'sentence'> = {
    id: ind.indicatorId, name: ind.name, unit: ind.unit, better: ind.better, band: ind.band, decimals: ind.decimals, frequency: ind.frequency, source: ind.source,
    tolerance: ind.tolerance, priorityIds: ind.priorityIds, actionIds: ind.actionIds,
    latest, previous, baseline, target, trajectory, comparators,
    direction: latest && previous ? direction(ind, latest.value, previous.value) : null,
    directionFromBaseline: latest && baseline && baseline.period !== latest.period ? direction(ind, latest.value, baseline.value) : null,
    rag: latest ? ragOf(ind, latest.value, target?.value ?? null) : null,
    series: series.map((v) => ({ period: v.period, value: v.value })),
  };
  return { ...view, sentence: sentenceOf(ind, view) };
}

const relationWords: Record<Relation, string> = { better: 'better than', same: 'in line with', worse: 'worse than' };
const ragWords: Record<IndicatorRag, string> = { 'on-target': 'on target', 'within-tolerance': 'within tolerance of the target', 'off-target': 'off target' };

/** "Children on a child protection plan: 54 per 10,000 in March 2018, improving from 68 in March 2017; better than statistical neighbours (54.6)." */
function sentenceOf(ind: Indicator, v: Omit<IndicatorView, 'sentence'>): string {
  if (!v.latest) return `${ind.name}: no value recorded yet.`;
  const parts = [`${ind.name}: ${figure(ind, v.latest.value)} in ${periodLabel(v.latest.period)}`];
  if (v.previous && v.direction) parts[0] += `, ${v.direction} from ${figure(ind, v.previous.value)} in ${periodLabel(v.previous.period)}`;
  const against = Object.entries(v.comparators).map(([name, c]) => `${relationWords[c.relation]} ${comparatorPhrase(name)} (${figure(ind, c.value)})`);
  if (against.length > 0) parts.push(against.join(', '));
  if (v.target && v.rag) parts.push(`${ragWords[v.rag]} (${figure(ind, v.target.value)})`);
  else if (ind.better === 'band' && v.rag && ind.band) parts.push(`${ragWords[v.rag]} (band ${figure(ind, ind.band.low)} to ${figure(ind, ind.band.high)})`);
  return `${parts.join('; ')}.`;
}

/** Whether a value meets a target through the polarity (at or better). */
export const meets = (ind: Indicator, value: number, target: number): boolean => goodness(ind, value, target) >= 0;
