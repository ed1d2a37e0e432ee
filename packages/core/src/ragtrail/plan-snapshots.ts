import type { StoredEvent } from '../events/envelope.js';
import { planStateToJson, type PlanStateJson } from '../plan/state-json.js';
import type { ActionState, Evidence, PlanState } from '../plan/state.js';
import { Freezer } from '../plan/evolve.js';
import type { EventStore, ReadModelEntry, ReadModelStore } from '../store/port.js';
import { yieldToLoop } from '../shared/yield-to-loop.js';

/** The read model's name in the store: one snapshot per plan, keyed by plan id, the latest replacing the last. */
export const SNAPSHOT_MODEL = 'plan-snapshot';

/** Snapshots every N events by default: a plan folds at most N events past its snapshot when a process starts. */
export const DEFAULT_SNAPSHOT_EVERY = 1000;

/**
 * Actions per part of a snapshot. A 100,000-action plan's state is 170 MB of JSON: read and parsed
 * as one text it held the event loop for seconds; in parts of this many actions (about 3 MB) each
 * is read and parsed between other requests.
 */
const ACTIONS_PER_PART = 500;

/**
 * Where the n-th part of a plan's snapshot at `revision` is kept: plan ids never hold "/", so no
 * plan's own key is one; the revision in the key keeps a new snapshot's parts from overwriting the
 * parts the current head names while they are written.
 */
export const snapshotPartKey = (planId: string, revision: number, part: number) => `${planId}/${revision}/${part}`;

/** The per-action collections of a plan, the ones a snapshot keeps in parts. */
type ActionParts = Pick<PlanStateJson, 'actions' | 'entries' | 'evidence'>;
/** A snapshot's own entry: the plan without its actions, and how many parts hold them (none in snapshots written before parts). */
type SnapshotHead = PlanStateJson & { parts?: number };

/** A JSON object's own entries added to a Map (JSON.parse makes a "__proto__" key an own property, so it is kept as an entry). */
function addEntries<V, W>(into: Map<string, W>, obj: Record<string, V>, field: string, f: (v: V) => W): Map<string, W> {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) throw new Error(`${field} must be an object`);
  for (const [k, v] of Object.entries(obj)) into.set(k, f(v));
  return into;
}
const entries = <V, W>(obj: Record<string, V>, field: string, f: (v: V) => W) => addEntries(new Map<string, W>(), obj, field, f);
const same = <V>(v: V): V => v;

/** The snapshot's head, with the count of parts it names. */
function decodeHead(text: string): { state: PlanState; parts: number } {
  const json = JSON.parse(text) as SnapshotHead;
  if (typeof json !== 'object' || json === null || typeof json.revision !== 'number' || typeof json.lastHash !== 'string' || !Array.isArray(json.actionOrder))
    throw new Error('not a plan state');
  const parts = json.parts ?? 0;
  if (!Number.isSafeInteger(parts) || parts < 0) throw new Error('parts must be a whole number');
  const { parts: _count, ...plan } = json;
  return {
    parts,
    state: {
      ...plan,
      priorities: entries(plan.priorities, 'priorities', same),
      actions: entries(plan.actions, 'actions', same),
      reviews: entries(plan.reviews, 'reviews', same),
      entries: entries(plan.entries, 'entries', (byPeriod) => entries(byPeriod, 'entries', same)),
      evidence: entries(plan.evidence, 'evidence', same),
      importedFigures: entries(plan.importedFigures, 'importedFigures', (f) => ({ ...f, priorities: entries(f.priorities, 'importedFigures', same) })),
    },
  };
}

/** Values frozen per turn of the event loop while a snapshot is read back (a few ms). */
const FREEZE_BUDGET = 20_000;

type EntryJson = PlanStateJson['entries'][string][string];

/**
 * Makes entries share one copy of each person and reason they repeat: an import records thousands
 * of entries by one person for one reason, and JSON.parse makes a copy of each for every entry. The
 * copies die young instead of being carried by the garbage collector (a fifth of a 100,000-action
 * plan's heap), which shortens the collector's pauses while a long plan loads.
 */
function sharingRepeats(): (entry: EntryJson) => EntryJson {
  const people = new Map<string, EntryJson['recordedBy']>();
  const reasons = new Map<string, string>();
  return (entry) => {
    if (typeof entry !== 'object' || entry === null) return entry;
    const by = entry.recordedBy;
    if (typeof by === 'object' && by !== null) {
      // Keyed by the whole object's JSON: only an identical person is shared.
      const key = JSON.stringify(by);
      const seen = people.get(key);
      if (seen) entry.recordedBy = seen;
      else people.set(key, by);
    }
    if (typeof entry.reason === 'string') {
      const seen = reasons.get(entry.reason);
      if (seen !== undefined) entry.reason = seen;
      else reasons.set(entry.reason, entry.reason);
    }
    return entry;
  };
}

/** One part's JSON, parsed: its own turn of the event loop, apart from adding it. */
function parsePart(text: string): ActionParts {
  const part = JSON.parse(text) as ActionParts;
  if (typeof part !== 'object' || part === null) throw new Error('a part must be an object');
  return part;
}

/** Adds one part's actions, entries and evidence to the state being read back, each value queued on `freezer`. */
function addPart(state: PlanState, part: ActionParts, freezer: Freezer, share: (entry: EntryJson) => EntryJson): void {
  const frozen = <V extends object>(value: V): V => {
    if (typeof value === 'object' && value !== null) freezer.add(value);
    return value;
  };
  // The head's Maps were made by `decodeHead` for this state alone: filling them in is not changing a plan anyone holds.
  addEntries(state.actions as Map<string, ActionState>, part.actions, 'actions', frozen);
  addEntries(state.entries as Map<string, ReadonlyMap<string, PlanStateJson['entries'][string][string]>>, part.entries, 'entries', (byPeriod) => frozen(entries(byPeriod, 'entries', share)));
  addEntries(state.evidence as Map<string, Evidence[]>, part.evidence, 'evidence', frozen);
}

/**
 * A state read back from its snapshot's head and parts (`partText(i)` gives the i-th part's JSON),
 * without re-validating every field: zod-checking a large plan costs more than folding a thousand
 * events, which would make a snapshot slower than no snapshot. What is checked is what locates the
 * state in the log (the revision and hash, against the event there); `verify` decodes every snapshot
 * with the validating `planStateFromJson` and compares it with a refold. Each part is awaited
 * after a turn of the event loop, so a server answers other requests while a long plan loads.
 * The state comes back deeply frozen, as a folded one does.
 */
export async function decodeSnapshot(head: string, partText: (part: number) => Promise<string>): Promise<PlanState> {
  const { state, parts } = decodeHead(head);
  const freezer = new Freezer();
  const share = sharingRepeats();
  for (let i = 0; i < parts; i++) {
    await yieldToLoop();
    const part = parsePart(await partText(i));
    await yieldToLoop();
    addPart(state, part, freezer, share);
    // A part's tens of thousands of objects frozen a budget per turn: the state is frozen like a folded one.
    while (freezer.run(FREEZE_BUDGET)) await yieldToLoop();
  }
  // Frozen as every state a plan's fold hands out is; the parts' values are frozen already, so this
  // freezes the head's objects and looks once at each value of the Maps, a budget per turn.
  freezer.add(state);
  while (freezer.run(FREEZE_BUDGET)) await yieldToLoop();
  return state;
}

/**
 * A state as a snapshot's head (returned) and parts (each handed to `writePart` as it is made, after
 * a turn of the event loop); a small plan is all head. Parts are written as they are made, not
 * gathered first: a 100,000-action plan's parts held 170 MB of text at once.
 */
async function encodeSnapshot(state: PlanState, writePart: (part: number, json: string) => Promise<void>): Promise<string> {
  // A plan that fits in one part is kept whole in its head: one read to start it, as before parts.
  if (state.actionOrder.length <= ACTIONS_PER_PART) return JSON.stringify(planStateToJson(state));
  let parts = 0;
  for (let from = 0; from < state.actionOrder.length; from += ACTIONS_PER_PART) {
    await yieldToLoop();
    // Each part's JSON form made from the plan's Maps for its own actions: converting the whole
    // plan at once held the loop for as long as the parts' writes together.
    const part: ActionParts = { actions: {}, entries: {}, evidence: {} };
    for (const actionId of state.actionOrder.slice(from, from + ACTIONS_PER_PART)) {
      const action = state.actions.get(actionId);
      const byPeriod = state.entries.get(actionId);
      const evidence = state.evidence.get(actionId);
      if (action) defineOwn(part.actions, actionId, action);
      if (byPeriod) defineOwn(part.entries, actionId, Object.fromEntries(byPeriod));
      if (evidence) defineOwn(part.evidence, actionId, evidence);
    }
    await writePart(parts++, JSON.stringify(part));
  }
  const rest = planStateToJson({ ...state, actions: new Map(), entries: new Map(), evidence: new Map() });
  const head: SnapshotHead = { ...rest, parts };
  return JSON.stringify(head);
}

/** Sets an entry of a plain object by an id a person typed: defined, never assigned, so "__proto__" stays an entry. */
function defineOwn<V>(into: Record<string, V>, key: string, value: V): void {
  Object.defineProperty(into, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Copies a part's own entries into the whole. */
function copyOwn<V>(into: Record<string, V>, from: Record<string, V>): void {
  for (const [k, v] of Object.entries(from)) defineOwn(into, k, v);
}

/**
 * A snapshot as one JSON value (the form `planStateToJson` writes), put together from its head and
 * the parts among `parts` stamped like it; throws when a part is missing or stamped otherwise.
 * `verify` validates this with `planStateFromJson` and compares it with the plan refolded.
 */
export function snapshotJson(head: ReadModelEntry, parts: ReadonlyMap<string, ReadModelEntry>): PlanStateJson {
  const { parts: count = 0, ...whole } = JSON.parse(head.value) as SnapshotHead;
  for (let i = 0; i < count; i++) {
    const stored = parts.get(snapshotPartKey(head.key, head.revision, i));
    if (!stored || stored.revision !== head.revision || stored.hash !== head.hash) throw new Error(`part ${i} is missing or belongs to another snapshot`);
    const part = JSON.parse(stored.value) as ActionParts;
    copyOwn(whole.actions, part.actions);
    copyOwn(whole.entries, part.entries);
    copyOwn(whole.evidence, part.evidence);
  }
  return whole;
}

/** How many parts a stored head names (0 when it holds the whole plan, or cannot be read). */
function partsNamed(head: ReadModelEntry | undefined): number {
  if (!head) return 0;
  try {
    const parts = (JSON.parse(head.value) as SnapshotHead).parts ?? 0;
    return Number.isSafeInteger(parts) && parts > 0 ? parts : 0;
  } catch {
    return 0;
  }
}

/**
 * Writes a plan's snapshot: its parts one write at a time (a turn of the event loop between them:
 * 170 MB in one transaction held a server for a second), then its head, which is what makes them
 * the plan's snapshot; then drops the parts of the snapshot it replaced. A crash between the steps
 * leaves parts no head names, which readers never ask for and `verify` removes.
 */
async function writeSnapshot(models: ReadModelStore, planId: string, state: PlanState): Promise<void> {
  const before = await models.get(SNAPSHOT_MODEL, planId);
  const stamp = { revision: state.revision, hash: state.lastHash };
  const head = await encodeSnapshot(state, async (i, value) => {
    await models.put(SNAPSHOT_MODEL, [{ key: snapshotPartKey(planId, state.revision, i), value, ...stamp }]);
    await yieldToLoop();
  });
  await models.put(SNAPSHOT_MODEL, [{ key: planId, value: head, ...stamp }]);
  if (before && before.revision !== state.revision) {
    const stale = Array.from({ length: partsNamed(before) }, (_, i) => snapshotPartKey(planId, before.revision, i));
    if (stale.length > 0) await models.remove(SNAPSHOT_MODEL, stale);
  }
}

/** A plan's state from its snapshot, with the events after it that were read to check it. */
export interface SnapshotStart {
  state: PlanState;
  following: StoredEvent[];
}

/**
 * Per-plan snapshots beside the log: a plan's state saved with the revision and chain hash it
 * covers, so a process that starts folds only what came after. A snapshot is only a cache: before
 * one is used, the event at its revision must exist with the hash it names and the state must
 * decode and say the same; otherwise it is ignored with a warning and the plan is folded from its
 * first event. (`verify` also refolds each snapshot's plan and compares.)
 */
export function createPlanSnapshots(deps: { store: EventStore; every: number; warn: (message: string) => void }) {
  const { store, every, warn } = deps;
  const models = store.readModels;
  const pending = new Set<Promise<void>>();
  if (!Number.isInteger(every) || every < 0) throw new RangeError(`snapshotEvery must be a whole number, 0 (off) or more, not ${every}`);

  return {
    enabled: models !== undefined && every > 0,
    every,

    /** The snapshot of a plan, checked against the log, and up to `pageSize` events after it. */
    async load(planId: string, stream: string, pageSize: number): Promise<SnapshotStart | undefined> {
      if (!models || every === 0) return undefined;
      const entry = await models.get(SNAPSHOT_MODEL, planId).catch((error: unknown) => {
        warn(`plan snapshot: could not read the snapshot of plan ${planId} (${(error as Error).message}); folding the plan from its first event`);
        return undefined;
      });
      if (!entry) return undefined;
      const page = await store.readStream(stream, { fromRevision: entry.revision, maxCount: pageSize + 1 });
      const covered = page[0];
      if (!covered || covered.revision !== entry.revision || covered.hash !== entry.hash) {
        warn(`plan snapshot: the snapshot of plan ${planId} at revision ${entry.revision} names a hash the log does not have there (stale or tampered); ignored, folding the plan from its first event`);
        return undefined;
      }
      let state: PlanState;
      try {
        state = await decodeSnapshot(entry.value, async (part) => {
          const stored = await models.get(SNAPSHOT_MODEL, snapshotPartKey(planId, entry.revision, part));
          // A part of another snapshot (a save that lost a race, an edit) is not this state's.
          if (!stored || stored.revision !== entry.revision || stored.hash !== entry.hash) throw new Error(`part ${part} is missing or belongs to another snapshot`);
          return stored.value;
        });
      } catch (error) {
        warn(`plan snapshot: the snapshot of plan ${planId} does not decode (${(error as Error).message}); ignored, folding the plan from its first event`);
        return undefined;
      }
      if (state.revision !== entry.revision || state.lastHash !== entry.hash || state.planId !== planId) {
        warn(`plan snapshot: the snapshot of plan ${planId} holds a state other than the one it claims to cover; ignored, folding the plan from its first event`);
        return undefined;
      }
      return { state, following: page.slice(1) };
    },

    /**
     * Saves a plan's state after the reader that triggered it has its answer (serialising a large
     * plan and a durable write would otherwise sit in that request); a failure is a warning (the
     * log holds everything), never an error for the reader.
     */
    saveLater(planId: string, state: PlanState): void {
      if (!models || every === 0 || state.status !== 'active') return;
      const saved: Promise<void> = yieldToLoop()
        .then(() => writeSnapshot(models, planId, state))
        .catch((error: unknown) => warn(`plan snapshot: could not save the snapshot of plan ${planId}: ${(error as Error).message}`))
        .finally(() => pending.delete(saved));
      pending.add(saved);
    },

    /** Waits for the saves under way (the facade's close calls it before closing the store). */
    async flush(): Promise<void> {
      while (pending.size > 0) await Promise.all(pending);
    },
  };
}

export type PlanSnapshots = ReturnType<typeof createPlanSnapshots>;
