import { planIdOfStream } from '../plan/decider.js';
import { latestKey } from '../projections/default-period.js';
import type { EventStore } from '../store/port.js';
import type { PlanTimeline } from './plan-timeline.js';
import type { PlanListing } from './types.js';

/** Every active plan; the first call folds each plan's log, so a long log reports progress per plan. */
export async function listPlans(
  store: EventStore,
  timeline: (planId: string) => PlanTimeline,
  options: { onProgress?: (done: number, total: number) => void } = {},
): Promise<PlanListing[]> {
  const streams = await store.listStreams('plan-');
  const listings: PlanListing[] = [];
  for (const [i, stream] of streams.entries()) {
    const planId = planIdOfStream(stream)!;
    const state = await timeline(planId).refresh();
    options.onProgress?.(i + 1, streams.length);
    if (state.status !== 'active') continue;
    listings.push({
      planId, title: state.title, organisation: state.organisation, schemeId: state.scheme.id,
      actions: state.actionOrder.length, priorities: state.priorities.size,
      revision: state.revision, latestPeriod: latestKey(state.reviews.keys()),
    });
  }
  return listings;
}
