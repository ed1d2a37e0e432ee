import { randomUUID } from 'node:crypto';
import { toRecorded } from '../events/recorded.js';
import type { CommandInput, PlanCommandType } from '../plan/commands/schemas.js';
import type { RecordedEvent } from '../events/envelope.js';
import { slugify } from '../plan/commands/guards.js';
import { decide, planStream, type PlanCommand } from '../plan/decider.js';
import { evolveAll } from '../plan/evolve.js';
import { createAccessService } from './access-service.js';
import { createCommandHandler } from './command-handler.js';
import { createLogAccess } from './log-access.js';
import { RecordedOrderError } from '../integrity/recorded-order.js';
import { createLogIntegrity, type SignedCheckpoint } from './log-integrity.js';
import { createRecordedClock } from './recorded-clock.js';
import { verifyLog, type LogVerifyResult } from './verify-log.js';
import { lostRaceInTime } from './command-errors.js';
import { openPlanBatch } from './plan-batch.js';
import { createPlanCatalogue } from './plan-catalogue.js';
import { createPlanSnapshots, DEFAULT_SNAPSHOT_EVERY } from './plan-snapshots.js';
import { checkReadModels, type ReadModelVerdict } from './read-model-check.js';
import { createPlanQueries, type SummaryQuery } from './plan-queries.js';
import { createOutcomeQueries } from './outcome-queries.js';
import { outcomeStream } from '../outcomes/state.js';
import { PlanTimeline } from './plan-timeline.js';
import { createIntegrityStatus, type PlanIntegrity } from './integrity-status.js';
import type { RagSummary } from '../projections/rag-summary.js';
import type { Caller, CommandResult, PlanBatch, PlanListing, RagtrailOptions } from './types.js';

export type { IntegrityFlag, LogIntegrityStatus, PlanIntegrity } from './integrity-status.js';
export type { Caller, CommandResult, PlanBatch, PlanListing, QueryOptions, RagtrailOptions } from './types.js';

/**
 * The library's front door: every command and query a front end needs. Front ends parse and
 * render; all rules live behind this object, and the store it was given stays behind it.
 */
export function createRagtrail(options: RagtrailOptions) {
  const { store } = options;
  const now = options.now ?? (() => new Date());
  const checkpointEvery = options.checkpointEvery ?? 1000;
  // Stamps never go backwards along the global order (stores refuse it), so the tree at T is a prefix.
  const clock = createRecordedClock(now);
  const handle = createCommandHandler({ store, now: clock.now, maxAttempts: options.maxAttempts ?? 5, saw: clock.saw });
  const integrity = createLogIntegrity({ store, handle, signer: options.signer });
  const warn = options.warn ?? ((message: string) => process.emitWarning(message, 'RagtrailWarning'));
  const snapshots = createPlanSnapshots({ store, every: options.snapshotEvery ?? DEFAULT_SNAPSHOT_EVERY, warn });

  const timelines = new Map<string, PlanTimeline>();
  const timeline = (planId: string): PlanTimeline => {
    let t = timelines.get(planId);
    if (!t) timelines.set(planId, (t = new PlanTimeline(store, planStream(planId), checkpointEvery, snapshots)));
    return t;
  };

  const queries = createPlanQueries({ store, now, timeline });
  const access = createAccessService(store, handle);
  const outcomes = createOutcomeQueries({ store, now, handle, loadPlan: queries.loadPlan });
  const log = createLogAccess(store);
  const catalogue = createPlanCatalogue({ store, timeline, warn });
  const status = createIntegrityStatus({ store, integrity, timeline, timelines: () => timelines.entries(), accessIntegrity: access.accessIntegrity });

  /** A sign-off pins the board's moment in the log itself: a checkpoint follows it (when a key is configured). */
  async function checkpointAfter(planId: string, result: CommandResult, signedOff: RecordedEvent | undefined = result.events.find((e) => e.type === 'ReviewSignedOff')): Promise<CommandResult> {
    if (!signedOff || !integrity.hasSigner) return result;
    let checkpoint: SignedCheckpoint;
    try {
      checkpoint = await integrity.takeCheckpoint(`sign-off of plan ${planId} review ${(signedOff.data as { period: string }).period}`);
    } catch (error) {
      // The sign-off is already in the log: say what did not follow it rather than fail a committed command.
      return { ...result, checkpointProblem: (error as Error).message };
    }
    return { ...result, checkpoint };
  }

  async function execute<K extends PlanCommandType>(planId: string, type: K, data: CommandInput<K>, caller: Caller): Promise<CommandResult> {
    const { revision, events } = await handle({
      stream: timeline(planId),
      subject: `plan ${planId}`,
      decide: (state, metadata) => decide({ type, data, metadata } as PlanCommand, state),
      foldCheck: (state, sealed) => void evolveAll(state, sealed.map((e) => toRecorded({ ...e, position: 0 }))),
    }, caller);
    await catalogue.record(planId, timeline(planId).state);
    return checkpointAfter(planId, { planId, revision, events: events.map(toRecorded) });
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
    async batch(planId: string, batchOptions: { expectedRevision?: number } = {}): Promise<PlanBatch> {
      const opened = await openPlanBatch({ store, now: clock.now, timeline: timeline(planId), planId }, batchOptions);
      const commit = async (): Promise<CommandResult> => {
        try {
          const result = await opened.commit();
          await catalogue.record(planId, timeline(planId).state);
          // A batch that flushed answers with only its last events; the timeline holds the latest time either way.
          clock.saw(result.events.at(-1)?.recordedAt ?? timeline(planId).state.lastRecordedAt);
          return checkpointAfter(planId, result, opened.lastSignOff);
        } catch (error) {
          if (!(error instanceof RecordedOrderError)) throw error;
          clock.saw(error.latest);
          throw lostRaceInTime(`plan ${planId}`, error);
        }
      };
      return Object.defineProperties(Object.create(opened) as PlanBatch, { commit: { value: commit } });
    },

    ...queries,
    /** The board's summary; when the plan's log is broken it carries `integrity` naming where, so every front end warns. */
    async summary(planId: string, query?: SummaryQuery): Promise<RagSummary & { integrity?: PlanIntegrity }> {
      const [summary, integrity] = await Promise.all([queries.summary(planId, query), status.planIntegrity(planId)]);
      return integrity.ok ? summary : { ...summary, integrity };
    },
    ...outcomes,
    /** The plan's exceptions: the actions' (plan queries) and, beside them, its outcomes' (off-target indicators, milestones overdue or missed). Named, not left to spread order. */
    exceptions: outcomes.exceptions,
    /** Every active plan, from the catalogue kept beside the log (a plan whose entry is behind is folded alone). */
    plans: (listOptions: { onProgress?: (done: number, total: number) => void } = {}): Promise<PlanListing[]> => catalogue.list(listOptions),
    /** Rebuilds the plan catalogue from the whole log (a store copied without it, or one `verify` found wrong). */
    rebuildCatalogue: catalogue.rebuild,

    /** Whether a plan's log can be trusted: every front end shows the flag on each answer about the plan. */
    planIntegrity: status.planIntegrity,
    /** The access stream, the store's own checkpoints and every plan folded so far (the server's log and /health). */
    integrity: status.status,
    planExists: log.planExists,
    verifyPlan: log.verifyPlan,
    subscribe: log.subscribe,
    /** Every stream's chain and the checkpoints the store keeps, or one plan's chain (the plan must exist). */
    async verify(query: { planId?: string; onProgress?: (done: number, total: number) => void } = {}): Promise<LogVerifyResult & { readModels?: ReadModelVerdict }> {
      if (query.planId === undefined) {
        const chains = await verifyLog({ log, integrity }, {}, query.onProgress);
        // The catalogue and snapshots are caches: each is held against a rebuild from the log.
        const readModels = await checkReadModels(store, catalogue);
        return { ...chains, ok: chains.ok && readModels.ok, readModels };
      }
      await queries.loadPlan(query.planId);
      // A plan's outcomes are its own stream: verifying the plan verifies both chains.
      const withOutcomes = (await store.streamRevision(outcomeStream(query.planId))) >= 0;
      return verifyLog({ log, integrity }, { streams: [planStream(query.planId), ...(withOutcomes ? [outcomeStream(query.planId)] : [])] }, query.onProgress);
    },
    /** The log's signed head now, or as it stood at `asOf`; nothing is recorded but the key, on its first use. */
    checkpoint: integrity.checkpoint,
    /** Signs the head and records the checkpoint in the log (on request; sign-offs take one themselves). */
    takeCheckpoint: (occasion = 'on request') => integrity.takeCheckpoint(occasion),
    /** The log's public key, in the C2SP verifier-key form among others. */
    publicKey: integrity.publicKey,
    /** Holds today's log against a checkpoint (or a report carrying one): signature, then consistency. */
    verifyCheckpoint: integrity.verifyAgainst,
    /** An inclusion proof of one plan event, with a fresh signed checkpoint. */
    proof: (planId: string, revision: number) => integrity.proof(planStream(planId), revision),
    /** A consistency proof from an earlier checkpoint (or a report carrying one) to today's log, with a fresh signed checkpoint. */
    consistencyProof: integrity.consistencyFrom,

    ...access,

    async close(): Promise<void> {
      await snapshots.flush();
      await store.close();
    },
  };
}

/**
 * The facade `createRagtrail` returns: commands, queries, batches, audit, time travel and integrity checks
 * over one event store.
 */
export type Ragtrail = ReturnType<typeof createRagtrail>;
