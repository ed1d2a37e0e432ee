import { produce, type Draft } from 'immer';
import type { RecordedEvent } from '../events/envelope.js';
import { initialPlanState, type PlanState } from './state.js';

/**
 * How `apply` gets a child it is about to change. Inside an immer draft every child is already
 * writable; in the mutable fold a child still shared with the previous (frozen) state is copied
 * on its first write, so the input state is never touched and untouched subtrees stay shared.
 */
type Writable = <T extends object>(parent: object, key: string) => T;

const draftChild: Writable = <T extends object>(parent: object, key: string) => (parent as Record<string, T>)[key]!;

/** Applies one event. Pure bookkeeping: every decision was made by the decider. */
function apply(state: Draft<PlanState>, event: RecordedEvent, w: Writable): void {
  switch (event.type) {
    case 'PlanCreated': {
      const d = event.data;
      Object.assign(state, {
        status: 'active', planId: d.planId, title: d.title, organisation: d.organisation, description: d.description,
        cadence: d.cadence, scheme: d.scheme, sustainPeriods: d.sustainPeriods, overallMethod: d.overallMethod,
      });
      break;
    }
    case 'PriorityAdded':
      w<PlanState['priorities']>(state, 'priorities')[event.data.priorityId] = { ...event.data };
      break;
    case 'ActionAdded':
      w<PlanState['actions']>(state, 'actions')[event.data.actionId] = { ...event.data, retiredInPeriod: null };
      w<string[]>(state, 'actionOrder').push(event.data.actionId);
      break;
    case 'ReviewOpened':
      w<PlanState['reviews']>(state, 'reviews')[event.data.period] = {
        ...event.data, openedAt: event.recordedAt, status: 'open', signedOffBy: null, signedOffAt: null,
      };
      break;
    case 'ReviewSignedOff': {
      const reviews = w<PlanState['reviews']>(state, 'reviews');
      if (reviews[event.data.period])
        Object.assign(w(reviews, event.data.period), { status: 'signed-off', signedOffBy: event.actor, signedOffAt: event.recordedAt });
      break;
    }
    case 'EntryRecorded': {
      // Fields named one by one rather than a rest spread: this is the hottest line of a full rebuild.
      const { actionId, period, score, update, statedDirection, derivedDirection, previousScore, source } = event.data;
      const entries = w<PlanState['entries']>(state, 'entries');
      entries[actionId] ??= {};
      w<PlanState['entries'][string]>(entries, actionId)[period] = {
        score, update, statedDirection, derivedDirection, previousScore, source,
        recordedAt: event.recordedAt, recordedBy: event.actor, reason: event.reason, corrections: 0,
      };
      break;
    }
    case 'EntryCorrected': {
      const { actionId, period } = event.data;
      if (state.entries[actionId]?.[period]) {
        const entry = w<PlanState['entries'][string][string]>(w(w(state, 'entries'), actionId), period);
        Object.assign(entry, event.data.after, { derivedDirection: event.data.derivedDirection });
        entry.corrections += 1;
      }
      break;
    }
    case 'EvidenceAttached': {
      const evidence = w<PlanState['evidence']>(state, 'evidence');
      evidence[event.data.actionId] ??= [];
      w<PlanState['evidence'][string]>(evidence, event.data.actionId).push({ ...event.data, attachedAt: event.recordedAt, attachedBy: event.actor });
      break;
    }
    case 'ActionRescheduled':
      if (state.actions[event.data.actionId]) w<PlanState['actions'][string]>(w(state, 'actions'), event.data.actionId).dueDate = event.data.newDueDate;
      break;
    case 'ActionRetired':
      if (state.actions[event.data.actionId]) w<PlanState['actions'][string]>(w(state, 'actions'), event.data.actionId).retiredInPeriod = event.data.period;
      break;
    case 'FiguresImported':
      w<PlanState['importedFigures']>(state, 'importedFigures')[event.data.period] = {
        source: event.data.source,
        priorities: Object.fromEntries(event.data.priorities.map((p) => [p.priorityId, p.figure])),
        overall: event.data.overall,
      };
      break;
    case 'TokenIssued':
    case 'TokenRevoked':
      break;
  }
  state.revision = event.revision;
  state.lastHash = event.hash;
  state.lastRecordedAt = event.recordedAt;
}

/** One event, through immer: the reference semantics every other fold must match. */
export const evolve = (state: PlanState, event: RecordedEvent): PlanState => produce(state, (draft) => apply(draft, event, draftChild));

/** Freezes what the fold created, stopping at subtrees already frozen (shared with an earlier state), as immer's auto-freeze does. */
function deepFreeze(value: object): void {
  Object.freeze(value);
  // for-in rather than Object.keys: no array per object, and this walk is most of a rebuild's finish.
  for (const key in value) {
    const child = (value as Record<string, unknown>)[key];
    if (typeof child === 'object' && child !== null && !Object.isFrozen(child)) deepFreeze(child);
  }
}

/** A fold in progress: add events one at a time, then `finish` freezes the result once. */
export interface PlanFold {
  add(event: RecordedEvent): void;
  /** The folded state, frozen; the input state when no event was added. Adding after finishing starts a copy-on-write again. */
  finish(): PlanState;
  /** The state folded so far, not frozen and changed in place by the next `add`: read it, do not keep it. */
  current(): PlanState;
}

/**
 * Folds events into a plain object and freezes it once at the end: the same result as evolving
 * one by one (a property test checks it), without immer's per-event proxy work, which dominated
 * full rebuilds. Objects shared with `state` are copied on their first write only, so `state`
 * itself is never changed and untouched subtrees stay shared, as with immer.
 */
export function startFold(state: PlanState): PlanFold {
  let owned = new WeakSet<object>();
  const own = <T extends object>(value: T): T => {
    const copy = (Array.isArray(value) ? [...value] : { ...value }) as T;
    owned.add(copy);
    return copy;
  };
  const writable: Writable = <T extends object>(parent: object, key: string): T => {
    const record = parent as Record<string, T>;
    const child = record[key]!;
    if (owned.has(child)) return child;
    return (record[key] = own(child));
  };
  let base = state;
  let next: PlanState | null = null;
  return {
    add(event) {
      next ??= own(base);
      apply(next as Draft<PlanState>, event, writable);
    },
    current: () => next ?? base,
    finish() {
      if (next === null) return base;
      deepFreeze(next);
      base = next;
      next = null;
      owned = new WeakSet<object>();
      return base;
    },
  };
}

/** Folds many events at once: the same result as evolving one by one, through the mutable fold. */
export function evolveAll(state: PlanState, events: Iterable<RecordedEvent>): PlanState {
  const fold = startFold(state);
  for (const event of events) fold.add(event);
  return fold.finish();
}

export const foldPlan = (events: Iterable<RecordedEvent>): PlanState => evolveAll(initialPlanState(), events);
