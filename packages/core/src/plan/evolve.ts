import { enableMapSet, produce, type Draft } from 'immer';
import type { RecordedEvent } from '../events/envelope.js';
import { initialPlanState, type ActionState, type Entry, type Evidence, type ImportedFigures, type PlanState, type Priority, type Review } from './state.js';

// The state keys everything by id in Maps (see state.ts); immer drafts Maps only with this plugin.
enableMapSet();

/**
 * How `apply` gets a child it is about to change. Inside an immer draft every child is already
 * writable; in the mutable fold a child still shared with the previous (frozen) state is copied
 * on its first write, so the input state is never touched and untouched subtrees stay shared.
 */
interface Writable {
  /** A property of an object. */
  prop<T extends object>(parent: object, key: string): T;
  /** A value of a Map; `make` creates it when the key is missing, undefined is returned without one. */
  entry<V extends object>(map: Map<string, V>, key: string, make: () => V): V;
  entry<V extends object>(map: Map<string, V>, key: string): V | undefined;
}

const draftChild: Writable = {
  prop: <T extends object>(parent: object, key: string) => (parent as Record<string, T>)[key]!,
  entry<V extends object>(map: Map<string, V>, key: string, make?: () => V): V | undefined {
    if (!map.has(key) && make) map.set(key, make());
    return map.get(key);
  },
} as Writable;

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
      w.prop<Map<string, Priority>>(state, 'priorities').set(event.data.priorityId, { ...event.data });
      break;
    case 'ActionAdded': {
      // Built field by field in one order: a spread of the decoded data gave every action a hidden
      // class of its own (about half a kilobyte each, 50 MB on a 100,000-row import).
      const { actionId, ref, priorityId, title, description, subActions, lead, owners, dueDate, dueText, successMeasure, carriedOverFrom, baseline, target, milestones } = event.data;
      w.prop<Map<string, ActionState>>(state, 'actions').set(actionId, {
        actionId, ref, priorityId, title, description, subActions, lead, owners, dueDate, dueText, successMeasure, carriedOverFrom, baseline, target, milestones, retiredInPeriod: null,
      });
      w.prop<string[]>(state, 'actionOrder').push(actionId);
      break;
    }
    case 'ReviewOpened':
      w.prop<Map<string, Review>>(state, 'reviews').set(event.data.period, {
        ...event.data, openedAt: event.recordedAt, status: 'open', signedOffBy: null, signedOffAt: null,
      });
      break;
    case 'ReviewSignedOff': {
      if (!state.reviews.has(event.data.period)) break;
      const review = w.entry(w.prop<Map<string, Review>>(state, 'reviews'), event.data.period)!;
      Object.assign(review, { status: 'signed-off', signedOffBy: event.actor, signedOffAt: event.recordedAt });
      break;
    }
    case 'EntryRecorded': {
      // Fields named one by one rather than a rest spread: this is the hottest line of a full rebuild.
      const { actionId, period, score, update, statedDirection, derivedDirection, previousScore, source } = event.data;
      const byPeriod = w.entry(w.prop<Map<string, Map<string, Entry>>>(state, 'entries'), actionId, () => new Map<string, Entry>());
      byPeriod.set(period, {
        score, update, statedDirection, derivedDirection, previousScore, source,
        recordedAt: event.recordedAt, recordedBy: event.actor, reason: event.reason, corrections: 0,
      });
      break;
    }
    case 'EntryCorrected': {
      const { actionId, period } = event.data;
      if (!state.entries.get(actionId)?.has(period)) break;
      const entry = w.entry(w.entry(w.prop<Map<string, Map<string, Entry>>>(state, 'entries'), actionId)!, period)!;
      Object.assign(entry, event.data.after, { derivedDirection: event.data.derivedDirection });
      entry.corrections += 1;
      break;
    }
    case 'EvidenceAttached':
      w.entry(w.prop<Map<string, Evidence[]>>(state, 'evidence'), event.data.actionId, () => [])
        .push({ ...event.data, attachedAt: event.recordedAt, attachedBy: event.actor });
      break;
    case 'ActionRescheduled':
      if (state.actions.has(event.data.actionId)) w.entry(w.prop<Map<string, ActionState>>(state, 'actions'), event.data.actionId)!.dueDate = event.data.newDueDate;
      break;
    case 'ActionRetired':
      if (state.actions.has(event.data.actionId)) w.entry(w.prop<Map<string, ActionState>>(state, 'actions'), event.data.actionId)!.retiredInPeriod = event.data.period;
      break;
    case 'FiguresImported':
      w.prop<Map<string, ImportedFigures>>(state, 'importedFigures').set(event.data.period, {
        source: event.data.source,
        priorities: new Map(event.data.priorities.map((p) => [p.priorityId, p.figure])),
        overall: event.data.overall,
      });
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

const frozenMap = (): never => {
  throw new TypeError('This state is frozen: fold an event to change it');
};

/** `Object.freeze` does not stop `Map.set`, so a Map's mutators are replaced too, as immer does for the Maps it freezes. */
function freezeMap(value: Map<unknown, unknown>): void {
  const map = value as Map<unknown, unknown> & Record<'set' | 'delete' | 'clear', unknown>;
  map.set = map.delete = map.clear = frozenMap;
  Object.freeze(map);
}

/** Freezes one object and queues its children not frozen yet; returns how many values it looked at. */
function freezeOne(value: object, queue: object[]): number {
  if (value instanceof Map) {
    freezeMap(value);
    for (const child of value.values()) if (typeof child === 'object' && child !== null && !Object.isFrozen(child)) queue.push(child);
    return 1 + value.size;
  }
  Object.freeze(value);
  let looked = 1;
  // for-in rather than Object.keys: no array per object, and this walk is most of a rebuild's finish.
  for (const key in value) {
    looked++;
    const child = (value as Record<string, unknown>)[key];
    if (typeof child === 'object' && child !== null && !Object.isFrozen(child)) queue.push(child);
  }
  return looked;
}

/**
 * A deep freeze that can be done a budget at a time: what a fold created is queued when it
 * finishes and frozen across turns of the event loop, so a server is not held while a checkpoint
 * of a 100,000-action plan is frozen (about 60 ms at once). It stops at subtrees already frozen
 * (shared with an earlier state), as immer's auto-freeze does; a frozen object's children that are
 * not frozen yet are always still queued, so once `run` says nothing is left, every object
 * reachable from every root handed in is frozen.
 */
export class Freezer {
  private readonly queue: object[] = [];

  /** Queues `root` and everything it holds that is not frozen yet. */
  add(root: object): void {
    if (!Object.isFrozen(root)) this.queue.push(root);
  }

  /** Freezes until about `budget` values were looked at (a Map's are looked at in one go); true while some are left. */
  run(budget = Infinity): boolean {
    const queue = this.queue;
    for (let spent = 0; queue.length > 0 && spent < budget; ) {
      const value = queue.pop()!;
      spent += Object.isFrozen(value) ? 1 : freezeOne(value, queue);
    }
    return queue.length > 0;
  }
}

/** The same freeze at once, recursively: a fifth faster than the queue when nothing waits for the loop. */
function deepFreeze(value: object): void {
  if (value instanceof Map) {
    freezeMap(value);
    for (const child of value.values()) if (typeof child === 'object' && child !== null && !Object.isFrozen(child)) deepFreeze(child);
    return;
  }
  Object.freeze(value);
  for (const key in value) {
    const child = (value as Record<string, unknown>)[key];
    if (typeof child === 'object' && child !== null && !Object.isFrozen(child)) deepFreeze(child);
  }
}

/** The state's id-keyed collections, the ones that grow with the plan. */
const COLLECTIONS = ['priorities', 'actions', 'reviews', 'entries', 'evidence', 'importedFigures'] as const;
type Collection = (typeof COLLECTIONS)[number];
/**
 * A collection at least this large that a fold wrote before finishing is copied ahead, a budget at
 * a time (`prepare`), for the writes after it: copying a 100,000-entry Map on the first write after
 * a checkpoint held the loop for up to 90 ms. Smaller ones are copied on their first write.
 */
export const COPY_AHEAD_MIN = 4096;

/** A fold in progress: add events one at a time, then `finish` freezes the result once. */
export interface PlanFold {
  add(event: RecordedEvent): void;
  /**
   * The folded state, frozen; the input state when no event was added. Adding after finishing
   * starts a copy-on-write again. Given a freezer, the state is queued on it rather than frozen:
   * the caller must run the freezer to its end before anyone reads the state.
   */
  finish(later?: Freezer): PlanState;
  /** The state folded so far, not frozen and changed in place by the next `add`: read it, do not keep it. */
  current(): PlanState;
  /**
   * Copies up to `budget` entries of the large collections the fold wrote before it last finished,
   * so the next events write to copies made ahead rather than copying 100,000 entries at once.
   * True while some are left; a copy no event wrote is dropped at `finish` and the original kept.
   */
  prepare(budget: number): boolean;
}

/**
 * Folds events into a plain object and freezes it once at the end: the same result as evolving
 * one by one (a property test checks it), without immer's per-event proxy work, which dominated
 * full rebuilds. Objects shared with `state` are copied on their first write only, so `state`
 * itself is never changed and untouched subtrees stay shared, as with immer. `copyAheadMin` is the
 * size from which a collection is copied ahead (tests lower it to exercise the copies on small plans).
 */
export function startFold(state: PlanState, copyAheadMin = COPY_AHEAD_MIN): PlanFold {
  let owned = new WeakSet<object>();
  const own = <T extends object>(value: T): T => {
    const copy = (value instanceof Map ? new Map(value) : Array.isArray(value) ? [...value] : { ...value }) as T;
    owned.add(copy);
    return copy;
  };
  let base = state;
  let next: PlanState | null = null;
  let changed = false;
  /** Large collections the last fold wrote, to copy ahead; the copy under way; copies made ahead and not written yet, by the original. */
  let wanted: Collection[] = [];
  let copying: { key: Collection; source: ReadonlyMap<string, unknown>; target: Map<string, unknown>; rest: Iterator<[string, unknown]> } | null = null;
  const ahead = new Map<Collection, ReadonlyMap<string, unknown>>();
  const copyRest = (budget: number): boolean => {
    const { target, rest } = copying!;
    for (let n = 0; n < budget; n++) {
      const step = rest.next();
      if (step.done) return true;
      target.set(step.value[0], step.value[1]);
    }
    return false;
  };
  const writable = {
    prop<T extends object>(parent: object, key: string): T {
      const record = parent as Record<string, T>;
      const child = record[key]!;
      if (owned.has(child)) {
        // A copy made ahead is written now: it is this fold's, not a spare to drop.
        if (ahead.size > 0 && parent === next) ahead.delete(key as Collection);
        return child;
      }
      if (copying !== null && copying.source === child) {
        copyRest(Infinity);
        const copy = copying.target as unknown as T;
        copying = null;
        owned.add(copy);
        return (record[key] = copy);
      }
      return (record[key] = own(child));
    },
    entry<V extends object>(map: Map<string, V>, key: string, make?: () => V): V | undefined {
      const child = map.get(key);
      if (child === undefined) {
        if (!make) return undefined;
        // Made by this fold: writable already, so it is not copied again on its next write.
        const made = make();
        owned.add(made);
        map.set(key, made);
        return made;
      }
      if (owned.has(child)) return child;
      const copy = own(child);
      map.set(key, copy);
      return copy;
    },
  } as Writable;
  return {
    add(event) {
      next ??= own(base);
      changed = true;
      apply(next as Draft<PlanState>, event, writable);
    },
    current: () => next ?? base,
    finish(later) {
      copying = null;
      if (!changed) {
        ahead.clear();
        next = null;
        return base;
      }
      const done = next as unknown as Record<Collection, ReadonlyMap<string, unknown>>;
      // Copies made ahead that no event wrote: the state keeps sharing the originals.
      for (const [key, original] of ahead) done[key] = original;
      ahead.clear();
      wanted = COLLECTIONS.filter((key) => owned.has(done[key]) && done[key].size >= copyAheadMin);
      if (later) later.add(next!);
      else deepFreeze(next!);
      base = next!;
      next = null;
      changed = false;
      owned = new WeakSet<object>();
      return base;
    },
    prepare(budget) {
      if (copying === null) {
        const key = wanted.shift();
        if (key === undefined) return false;
        const source = (next ?? base)[key] as ReadonlyMap<string, unknown>;
        // Already written since (an event came first): nothing to copy ahead.
        if (owned.has(source)) return wanted.length > 0;
        copying = { key, source, target: new Map(), rest: source.entries() };
      }
      if (!copyRest(budget)) return true;
      const { key, source, target } = copying;
      copying = null;
      next ??= own(base);
      (next as unknown as Record<Collection, ReadonlyMap<string, unknown>>)[key] = target;
      owned.add(target);
      ahead.set(key, source);
      return wanted.length > 0;
    },
  };
}

/** Folds many events at once: the same result as evolving one by one, through the mutable fold. */
export function evolveAll(state: PlanState, events: Iterable<RecordedEvent>): PlanState {
  const fold = startFold(state);
  for (const event of events) fold.add(event);
  return fold.finish();
}

/** The plan state that a plan's events give when folded from the empty state, in the order given. */
export const foldPlan = (events: Iterable<RecordedEvent>): PlanState => evolveAll(initialPlanState(), events);
