import { z } from 'zod';
import { planIdOfStream, planStream } from '../plan/decider.js';
import { replayPlans } from '../plan/replay.js';
import type { PlanState } from '../plan/state.js';
import { latestKey } from '../projections/default-period.js';
import type { EventStore, ReadModelEntry } from '../store/port.js';
import type { PlanTimeline } from './plan-timeline.js';
import type { PlanListing } from './types.js';

/** The read model's name in the store: one entry per plan, keyed by plan id. */
export const CATALOGUE_MODEL = 'plan-catalogue';

/** What the catalogue keeps of a plan: its listing, or that it is no plan yet (a stream with no CreatePlan). */
const CatalogueValue = z.object({
  active: z.boolean(),
  listing: z.object({
    planId: z.string(), title: z.string(), organisation: z.string(), schemeId: z.string(),
    actions: z.number().int(), priorities: z.number().int(), revision: z.number().int(),
    latestPeriod: z.string().nullable(), lastHash: z.string(),
  }),
});

export function listingOf(state: PlanState): PlanListing {
  return {
    planId: state.planId, title: state.title, organisation: state.organisation, schemeId: state.scheme.id,
    actions: state.actionOrder.length, priorities: state.priorities.size,
    revision: state.revision, latestPeriod: latestKey(state.reviews.keys()), lastHash: state.lastHash,
  };
}

function entryOf(planId: string, state: PlanState): ReadModelEntry {
  const value: z.infer<typeof CatalogueValue> = { active: state.status === 'active', listing: { ...listingOf(state), planId } };
  return { key: planId, value: JSON.stringify(value), revision: state.revision, hash: state.lastHash };
}

/** A stored entry's value, or undefined when it is not what the catalogue writes (edited by hand, from another version). */
function read(entry: ReadModelEntry): z.infer<typeof CatalogueValue> | undefined {
  try {
    const parsed = CatalogueValue.safeParse(JSON.parse(entry.value));
    return parsed.success && parsed.data.listing.revision === entry.revision && parsed.data.listing.lastHash === entry.hash ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export type CatalogueCheck = { ok: boolean; checked: number; problems: string[]; wrongKeys: string[] };

/**
 * The list of plans as a read model beside the log, so listing plans after a restart reads one row
 * per plan instead of folding every plan's log. Each entry names the revision and chain hash it
 * covers; an entry behind its stream (another process appended, a crash came between append and
 * write) is refreshed by folding that plan alone. A store without read models folds every plan.
 */
export function createPlanCatalogue(deps: { store: EventStore; timeline: (planId: string) => PlanTimeline; warn: (message: string) => void }) {
  const { store, timeline, warn } = deps;
  const models = store.readModels;

  /** Records a plan's listing after its state moved (an append here); a failure leaves the entry behind, which the next list refreshes. */
  async function record(planId: string, state: PlanState): Promise<void> {
    if (!models || state.revision < 0) return;
    await models.put(CATALOGUE_MODEL, [entryOf(planId, state)]).catch((error: unknown) => warn(`plan catalogue: could not record plan ${planId}: ${(error as Error).message}`));
  }

  async function list(options: { onProgress?: (done: number, total: number) => void } = {}): Promise<PlanListing[]> {
    const listings: PlanListing[] = [];
    if (!models) {
      const streams = await store.listStreams('plan-');
      for (const [i, stream] of streams.entries()) {
        const state = await timeline(planIdOfStream(stream)!).refresh();
        options.onProgress?.(i + 1, streams.length);
        if (state.status === 'active') listings.push(listingOf(state));
      }
      return listings;
    }
    // One after the other: on a fresh pool, asking both at once would open a second connection to save one round trip.
    const entries = await models.list(CATALOGUE_MODEL);
    const revisions = await models.streamRevisions('plan-');
    const stored = new Map(entries.map((e) => [e.key, e]));
    const refreshed: ReadModelEntry[] = [];
    let i = 0;
    for (const [stream, revision] of revisions) {
      const planId = planIdOfStream(stream)!;
      const entry = stored.get(planId);
      let value = entry && entry.revision === revision ? read(entry) : undefined;
      if (!value) {
        if (entry && entry.revision === revision) warn(`plan catalogue: the entry for plan ${planId} is not what the catalogue writes; folding the plan instead`);
        const state = await timeline(planId).refresh();
        const fresh = entryOf(planId, state);
        refreshed.push(fresh);
        value = read(fresh)!;
      }
      options.onProgress?.(++i, revisions.size);
      if (value.active) listings.push(value.listing);
    }
    if (refreshed.length > 0) await models.put(CATALOGUE_MODEL, refreshed).catch((error: unknown) => warn(`plan catalogue: could not store ${refreshed.length} refreshed entries: ${(error as Error).message}`));
    return listings;
  }

  /** The catalogue rebuilt from the whole log in one pass, replacing what the store kept. */
  async function rebuild(onProgress?: (events: number) => void): Promise<number> {
    if (!models) return 0;
    const states = await replayPlans(store, onProgress ? { onProgress } : {});
    const entries = [...states].map(([stream, state]) => entryOf(planIdOfStream(stream)!, state));
    await models.remove(CATALOGUE_MODEL);
    await models.put(CATALOGUE_MODEL, entries);
    return entries.length;
  }

  /**
   * Holds every stored entry against a rebuild from the log (`states`: each plan folded to its end).
   * An entry behind its stream is only late (it is refreshed on the next list); one that claims the
   * current revision and says something else, or names no plan in the log, is wrong.
   */
  async function check(states: ReadonlyMap<string, PlanState>): Promise<CatalogueCheck> {
    if (!models) return { ok: true, checked: 0, problems: [], wrongKeys: [] };
    const problems: string[] = [];
    const wrongKeys: string[] = [];
    const entries = await models.list(CATALOGUE_MODEL);
    for (const entry of entries) {
      const state = states.get(planStream(entry.key));
      if (!state) {
        problems.push(`plan catalogue: an entry for plan ${entry.key}, which has no stream in the log`);
        wrongKeys.push(entry.key);
        continue;
      }
      if (entry.revision !== state.revision) continue;
      const expected = entryOf(entry.key, state);
      const value = read(entry);
      if (!value || JSON.stringify(value) !== JSON.stringify(read(expected)) || entry.hash !== expected.hash) {
        problems.push(`plan catalogue: the entry for plan ${entry.key} at revision ${entry.revision} differs from the plan rebuilt from the log`);
        wrongKeys.push(entry.key);
      }
    }
    return { ok: problems.length === 0, checked: entries.length, problems, wrongKeys };
  }

  return { record, list, rebuild, check };
}
