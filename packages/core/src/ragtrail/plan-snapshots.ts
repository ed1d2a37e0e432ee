import type { StoredEvent } from '../events/envelope.js';
import { planStateFromJson, planStateToJson } from '../plan/state-json.js';
import type { PlanState } from '../plan/state.js';
import type { EventStore } from '../store/port.js';

/** The read model's name in the store: one snapshot per plan, keyed by plan id, the latest replacing the last. */
export const SNAPSHOT_MODEL = 'plan-snapshot';

/** Snapshots every N events by default: a plan folds at most N events past its snapshot when a process starts. */
export const DEFAULT_SNAPSHOT_EVERY = 1000;

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
        state = planStateFromJson(JSON.parse(entry.value));
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

    /** Saves a plan's state; a failure is a warning (the log holds everything), never an error for the reader. */
    async save(planId: string, state: PlanState): Promise<void> {
      if (!models || every === 0 || state.status !== 'active') return;
      const entry = { key: planId, value: JSON.stringify(planStateToJson(state)), revision: state.revision, hash: state.lastHash };
      await models.put(SNAPSHOT_MODEL, [entry]).catch((error: unknown) => warn(`plan snapshot: could not save the snapshot of plan ${planId}: ${(error as Error).message}`));
    },
  };
}

export type PlanSnapshots = ReturnType<typeof createPlanSnapshots>;
