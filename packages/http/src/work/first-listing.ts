import type { PlanListing, Ragtrail } from '@ragtrail/core';
import type { Work } from './pool.js';

/**
 * The plan list, whose first reading after a start is done where long work runs. Listing reads the
 * plan catalogue beside the log, one row a plan; a plan whose row is missing or behind (a store from
 * before the catalogue, a crash between an append and its row, a read model dropped) is folded from
 * its log, seconds for a long one. Done in a worker, that fold writes the fresh rows to the store
 * while this thread goes on answering /health and the pages; this thread's own listing then reads
 * those rows. Later listings run here: the rows are current, and a plan that moves on afterwards
 * is folded from the revision this thread already holds.
 */
export function planLister(rt: Ragtrail, work: Work): () => Promise<PlanListing[]> {
  let warmed: Promise<void> | null = null;
  return async () => {
    // A warm-up that fails (a worker that died, a store it could not open) costs only the warm-up:
    // the listing below still answers, folding here as it would without a worker.
    warmed ??= work.run({ kind: 'plans' }).then(() => undefined, () => undefined);
    await warmed;
    return rt.plans();
  };
}
