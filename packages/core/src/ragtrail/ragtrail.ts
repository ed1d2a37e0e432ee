import { randomUUID } from 'node:crypto';
import { toRecorded } from '../events/recorded.js';
import type { CommandInput, PlanCommandType } from '../plan/commands/schemas.js';
import { slugify } from '../plan/commands/guards.js';
import { decide, planStream, type PlanCommand } from '../plan/decider.js';
import { evolveAll } from '../plan/evolve.js';
import { createAccessService } from './access-service.js';
import { createCommandHandler } from './command-handler.js';
import { createLogAccess } from './log-access.js';
import { openPlanBatch } from './plan-batch.js';
import { listPlans } from './plan-listing.js';
import { createPlanQueries } from './plan-queries.js';
import { PlanTimeline } from './plan-timeline.js';
import type { Caller, CommandResult, PlanBatch, PlanListing, RagtrailOptions } from './types.js';

export type { Caller, CommandResult, PlanBatch, PlanListing, QueryOptions, RagtrailOptions } from './types.js';

/**
 * The library's front door: every command and query a front end needs. Front ends parse and
 * render; all rules live behind this object, and the store it was given stays behind it.
 */
export function createRagtrail(options: RagtrailOptions) {
  const { store } = options;
  const now = options.now ?? (() => new Date());
  const checkpointEvery = options.checkpointEvery ?? 1000;
  const handle = createCommandHandler({ store, now, maxAttempts: options.maxAttempts ?? 5 });

  const timelines = new Map<string, PlanTimeline>();
  const timeline = (planId: string): PlanTimeline => {
    let t = timelines.get(planId);
    if (!t) timelines.set(planId, (t = new PlanTimeline(store, planStream(planId), checkpointEvery)));
    return t;
  };

  const queries = createPlanQueries({ store, now, timeline });
  const access = createAccessService(store, handle);
  const log = createLogAccess(store);

  async function execute<K extends PlanCommandType>(planId: string, type: K, data: CommandInput<K>, caller: Caller): Promise<CommandResult> {
    const { revision, events } = await handle({
      stream: timeline(planId),
      subject: `plan ${planId}`,
      decide: (state, metadata) => decide({ type, data, metadata } as PlanCommand, state),
      foldCheck: (state, sealed) => void evolveAll(state, sealed.map((e) => toRecorded({ ...e, position: 0 }))),
    }, caller);
    return { planId, revision, events: events.map(toRecorded) };
  }

  return {
    /** The clock this facade stamps events with, so helpers that build events elsewhere (importers, the demo) stamp them alike. */
    now,
    execute,
    /** Creates a plan, making its id from the title when none is given. */
    async createPlan(input: CommandInput<'CreatePlan'>, caller: Caller): Promise<CommandResult> {
      const title = typeof input?.title === 'string' ? input.title : 'plan';
      const planId = input?.planId ?? `${slugify(title).slice(0, 40)}-${randomUUID().slice(0, 8)}`;
      return execute(planId, 'CreatePlan', { ...input, planId }, caller);
    },
    batch: (planId: string, batchOptions: { expectedRevision?: number } = {}): Promise<PlanBatch> =>
      openPlanBatch({ store, now, timeline: timeline(planId), planId }, batchOptions),

    ...queries,
    plans: (listOptions: { onProgress?: (done: number, total: number) => void } = {}): Promise<PlanListing[]> => listPlans(store, timeline, listOptions),

    planExists: log.planExists,
    verifyPlan: log.verifyPlan,
    subscribe: log.subscribe,
    /** Every stream's chain, or one plan's (which must exist). */
    async verify(query: { planId?: string; onProgress?: (done: number, total: number) => void } = {}) {
      if (query.planId !== undefined) await queries.loadPlan(query.planId);
      return log.verify({
        ...(query.planId === undefined ? {} : { streams: [planStream(query.planId)] }),
        ...(query.onProgress ? { onProgress: query.onProgress } : {}),
      });
    },

    ...access,

    async close(): Promise<void> {
      await store.close();
    },
  };
}

export type Ragtrail = ReturnType<typeof createRagtrail>;
