import { findLevel } from '../scheme/scheme.js';
import { previousPeriod } from '../shared/period.js';
import type { RecordedEvent } from '../events/envelope.js';
import type { StatedDirection } from '../events/plan-events.js';
import { actionsInOrder, entryPeriods, type Entry, type Evidence, type PlanState } from '../plan/state.js';

/** One period's score on an action's trajectory, with its level and whether it was recorded or imported. */
export interface TrajectoryPoint {
  period: string;
  score: number;
  label: string;
  colour: string;
  source: 'recorded' | 'imported';
  corrections: number;
}

/**
 * A correction of one of an action's entries as an inspector sees it: who changed it when, why, and whether
 * after sign-off.
 */
export interface CorrectionRecord {
  period: string;
  recordedAt: string;
  actor: string;
  reason: string | null;
  afterSignOff: boolean;
  before: { score: number; update: string; statedDirection: StatedDirection | null };
  after: { score: number; update: string; statedDirection: StatedDirection | null };
}

/** A period where the direction an officer stated differs from the direction the scores show. */
export interface DirectionDisagreement {
  period: string;
  stated: StatedDirection;
  derived: StatedDirection;
  previousScore: number | null;
  score: number;
}

/**
 * Everything an inspector weighs for one action: its score trajectory, how long it has held its level, its
 * evidence, corrections and direction disagreements.
 */
export interface ActionEvidence {
  actionId: string;
  ref: string;
  title: string;
  priorityId: string | null;
  trajectory: TrajectoryPoint[];
  currentScore: number | null;
  /** Consecutive periods, ending at the latest scored period, held at the current score. */
  heldPeriods: number;
  evidence: Evidence[];
  /** True when the action has held an evidenced completed level for the plan's sustain periods. */
  meetsRemovalRule: boolean;
  retiredInPeriod: string | null;
  corrections: CorrectionRecord[];
  disagreements: DirectionDisagreement[];
}

/** For inspectors: how long each action has held its level and the dated evidence behind each claim. */
export function sustainedEvidence(state: PlanState, events: readonly RecordedEvent[], options: { period?: string; action?: string } = {}): ActionEvidence[] {
  const upTo = options.period ?? '9999-12';
  const wanted = options.action?.toLowerCase();
  // One pass over the log for every action's corrections: filtering the whole log per action took
  // minutes on a 40,000-action plan.
  const correctionsOf = new Map<string, CorrectionRecord[]>();
  for (const e of events) {
    if (e.type !== 'EntryCorrected' || e.data.period > upTo) continue;
    const list = correctionsOf.get(e.data.actionId) ?? [];
    if (list.length === 0) correctionsOf.set(e.data.actionId, list);
    list.push({ period: e.data.period, recordedAt: e.recordedAt, actor: e.actor.name, reason: e.reason, afterSignOff: e.data.afterSignOff, before: e.data.before, after: e.data.after });
  }
  return actionsInOrder(state)
    .filter((a) => !wanted || a.actionId.toLowerCase() === wanted || a.ref.toLowerCase() === wanted)
    .map((action) => {
      const entries: ReadonlyMap<string, Entry> = state.entries.get(action.actionId) ?? new Map();
      const periods = entryPeriods(state, action.actionId).filter((p) => p <= upTo);
      const trajectory = periods.map((period): TrajectoryPoint => {
        const e = entries.get(period)!;
        const level = findLevel(state.scheme, e.score);
        return { period, score: e.score, label: level?.label ?? String(e.score), colour: level?.colour ?? '#777777', source: e.source, corrections: e.corrections };
      });
      const last = trajectory[trajectory.length - 1];
      let heldPeriods = 0;
      let evidencedRun = 0;
      if (last) {
        let p = last.period;
        while (entries.get(p)?.score === last.score) {
          heldPeriods++;
          p = previousPeriod(p, state.cadence);
        }
        p = last.period;
        for (;;) {
          const held = entries.get(p);
          const level = held ? findLevel(state.scheme, held.score) : undefined;
          if (!level?.requiresEvidence) break;
          evidencedRun++;
          p = previousPeriod(p, state.cadence);
        }
      }
      const corrections = correctionsOf.get(action.actionId) ?? [];
      const disagreements = periods.flatMap((period): DirectionDisagreement[] => {
        const e = entries.get(period)!;
        return e.statedDirection !== null && e.derivedDirection !== null && e.statedDirection !== e.derivedDirection
          ? [{ period, stated: e.statedDirection, derived: e.derivedDirection, previousScore: e.previousScore, score: e.score }]
          : [];
      });
      return {
        actionId: action.actionId,
        ref: action.ref,
        title: action.title,
        priorityId: action.priorityId,
        trajectory,
        currentScore: last?.score ?? null,
        heldPeriods,
        evidence: (state.evidence.get(action.actionId) ?? []).filter((e) => e.observedOn.slice(0, 7) <= upTo),
        meetsRemovalRule: action.retiredInPeriod !== null || evidencedRun >= state.sustainPeriods,
        retiredInPeriod: action.retiredInPeriod,
        corrections,
        disagreements,
      };
    });
}
