import type { StoredEvent } from '../events/envelope.js';
import { planStateToJson, type PlanStateJson } from '../plan/state-json.js';
import type { PlanState } from '../plan/state.js';
import type { EventStore } from '../store/port.js';

/** The read model's name in the store: one snapshot per plan, keyed by plan id, the latest replacing the last. */
export const SNAPSHOT_MODEL = 'plan-snapshot';

/** Snapshots every N events by default: a plan folds at most N events past its snapshot when a process starts. */
export const DEFAULT_SNAPSHOT_EVERY = 1000;

/** A JSON object's own entries as a Map (JSON.parse makes a "__proto__" key an own property, so it is kept as an entry). */
function entries<V, W>(obj: Record<string, V>, field: string, f: (v: V) => W): Map<string, W> {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) throw new Error(`${field} must be an object`);
  return new Map(Object.entries(obj).map(([k, v]) => [k, f(v)]));
}
const same = <V>(v: V): V => v;

/**
 * The state a snapshot holds, read back from `planStateToJson`'s form without re-validating every
 * field: zod-checking a large plan costs more than folding a thousand events, which would make a
 * snapshot slower than no snapshot. What is checked is what locates the state in the log (the
 * revision and hash, against the event there); `verify` decodes every snapshot with the validating
 * `planStateFromJson` and compares it with a refold.
 */
function decodeSnapshot(text: string): PlanState {
  const json = JSON.parse(text) as PlanStateJson;
  if (typeof json !== 'object' || json === null || typeof json.revision !== 'number' || typeof json.lastHash !== 'string' || !Array.isArray(json.actionOrder))
    throw new Error('not a plan state');
  return {
    ...json,
    priorities: entries(json.priorities, 'priorities', same),
    actions: entries(json.actions, 'actions', same),
    reviews: entries(json.reviews, 'reviews', same),
    entries: entries(json.entries, 'entries', (byPeriod) => entries(byPeriod, 'entries', same)),
    evidence: entries(json.evidence, 'evidence', same),
    importedFigures: entries(json.importedFigures, 'importedFigures', (f) => ({ ...f, priorities: entries(f.priorities, 'importedFigures', same) })),
  };
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
        state = decodeSnapshot(entry.value);
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
      const saved: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => models.put(SNAPSHOT_MODEL, [{ key: planId, value: JSON.stringify(planStateToJson(state)), revision: state.revision, hash: state.lastHash }]))
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
