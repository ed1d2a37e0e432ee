import type { RecordedEvent } from '../events/envelope.js';
import type { CarryOver, Indicator, IndicatorValue, MilestoneRecord, OutcomeState } from './state.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type IndicatorDraft = Mutable<Indicator> & { values: Map<string, IndicatorValue>; trajectory: Map<string, number> };

/**
 * A fold in progress: maps are copied once, and an indicator on its first change, so folding many
 * events (an import of thousands of values) costs one copy per indicator, not one per event.
 * The state handed in is never changed.
 */
export function startOutcomeFold(state: OutcomeState) {
  const indicators = new Map(state.indicators);
  const indicatorOrder = [...state.indicatorOrder];
  const milestones = new Map(state.milestones);
  const carryOvers = new Map<string, CarryOver>(state.carryOvers);
  const copied = new Set<string>();
  const copiedMilestones = new Set<string>();
  let tail = { revision: state.revision, lastHash: state.lastHash, lastRecordedAt: state.lastRecordedAt };

  const indicator = (id: string): IndicatorDraft => {
    const found = indicators.get(id);
    if (!found) throw new Error(`No indicator ${id} to change: the outcome log is inconsistent`);
    if (copied.has(id)) return found as IndicatorDraft;
    const draft: IndicatorDraft = { ...found, values: new Map(found.values), trajectory: new Map(found.trajectory) };
    indicators.set(id, draft);
    copied.add(id);
    return draft;
  };

  const milestone = (actionId: string, n: number): MilestoneRecord => {
    let byNumber = milestones.get(actionId) as Map<number, MilestoneRecord> | undefined;
    if (!copiedMilestones.has(actionId)) {
      byNumber = new Map(byNumber ?? []);
      milestones.set(actionId, byNumber);
      copiedMilestones.add(actionId);
    }
    const record = { ...(byNumber!.get(n) ?? { status: null, link: null, replans: [] }) };
    byNumber!.set(n, record);
    return record;
  };

  function apply(e: RecordedEvent): void {
    switch (e.type) {
      case 'IndicatorDefined': {
        const { indicatorId } = e.data;
        if (!indicators.has(indicatorId)) indicatorOrder.push(indicatorId);
        indicators.set(indicatorId, { ...e.data, baseline: null, trajectory: new Map(), values: new Map() });
        copied.add(indicatorId);
        break;
      }
      case 'IndicatorValueRecorded': {
        const d = e.data;
        indicator(d.indicatorId).values.set(d.period, {
          period: d.period, value: d.value, source: d.source, release: d.release,
          comparators: new Map(d.comparators.map((c) => [c.name, { value: c.value, source: c.source }])),
          recordedBy: e.actor, recordedAt: e.recordedAt, corrections: 0, correctionReason: null,
        });
        break;
      }
      case 'IndicatorValueCorrected': {
        const d = e.data;
        const draft = indicator(d.indicatorId);
        const before = draft.values.get(d.period);
        if (!before) throw new Error(`No value of ${d.indicatorId} for ${d.period} to correct`);
        draft.values.set(d.period, {
          ...before, value: d.after.value, comparators: new Map(d.after.comparators.map((c) => [c.name, { value: c.value, source: c.source }])),
          corrections: before.corrections + 1, correctionReason: e.reason,
        });
        break;
      }
      case 'IndicatorTargetSet': {
        const draft = indicator(e.data.indicatorId);
        draft.trajectory.set(e.data.by, e.data.value);
        if (e.data.tolerance !== null) draft.tolerance = e.data.tolerance;
        break;
      }
      case 'IndicatorBaselineSet':
        indicator(e.data.indicatorId).baseline = { period: e.data.period, value: e.data.value };
        break;
      case 'MilestoneLinked':
        milestone(e.data.actionId, e.data.milestone).link = { indicatorId: e.data.indicatorId, value: e.data.value };
        break;
      case 'MilestoneStatusRecorded':
        milestone(e.data.actionId, e.data.milestone).status = { status: e.data.status, on: e.data.on, evidenceId: e.data.evidenceId, by: e.actor, reason: e.reason };
        break;
      case 'MilestoneReplanned': {
        const record = milestone(e.data.actionId, e.data.milestone);
        // Re-planning moves the date; a status recorded against the old date no longer stands.
        record.status = null;
        record.replans = [...record.replans, { previousDueDate: e.data.previousDueDate, newDueDate: e.data.newDueDate, approvedBy: e.data.approvedBy, reason: e.reason, at: e.recordedAt }];
        break;
      }
      case 'CarryOverLinked':
        carryOvers.set(e.data.actionId, { fromPlanId: e.data.fromPlanId, fromReference: e.data.fromReference, setBy: e.actor, setAt: e.recordedAt, reason: e.reason });
        break;
      default:
        throw new Error(`${e.type} does not belong in an outcome stream`);
    }
    tail = { revision: e.revision, lastHash: e.hash, lastRecordedAt: e.recordedAt };
  }

  return {
    apply,
    finish: (): OutcomeState => ({ indicators, indicatorOrder, milestones, carryOvers, ...tail }),
  };
}

/** Folds outcome events onto a state and returns the new state; the state handed in is never changed. */
export function evolveOutcomesAll(state: OutcomeState, events: readonly RecordedEvent[]): OutcomeState {
  if (events.length === 0) return state;
  const fold = startOutcomeFold(state);
  for (const e of events) fold.apply(e);
  return fold.finish();
}

/** Folds one outcome event onto a state: the decider's evolve. */
export const evolveOutcomes = (state: OutcomeState, event: RecordedEvent): OutcomeState => evolveOutcomesAll(state, [event]);
