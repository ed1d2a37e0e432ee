import { randomUUID } from 'node:crypto';
import { ConcurrencyError, DomainError, invalid, notFound, parseInput } from '../shared/errors.js';
import { Period, periodOfDate } from '../shared/period.js';
import { seal, type VerifyResult } from '../chain/hash-chain.js';
import { eventCatalogue, type DomainEvent } from '../events/catalogue.js';
import type { RecordedEvent } from '../events/envelope.js';
import { toRecorded, toRecordedTrusted } from '../events/recorded.js';
import { startFold } from '../plan/evolve.js';
import type { OverallMethod } from '../events/plan-events.js';
import { Actor } from '../access/roles.js';
import {
  ACCESS_STREAM, decideAccess, evolveAccess, hashToken, initialAccessState, newTokenSecret, principalFor,
  type AccessCommand, type AccessState, type TokenRecord,
} from '../access/tokens.js';
import type { CommandMetadata } from '../plan/commands/command.js';
import type { CommandInput, PlanCommandType } from '../plan/commands/schemas.js';
import { slugify } from '../plan/commands/guards.js';
import { decide, planIdOfStream, planStream, type PlanCommand } from '../plan/decider.js';
import type { PlanState } from '../plan/state.js';
import { ragSummary, type RagSummary } from '../projections/rag-summary.js';
import { exceptions, type PlanException } from '../projections/exceptions.js';
import { auditTrail, type AuditFilter, type AuditRecord } from '../projections/audit-trail.js';
import { sustainedEvidence, type ActionEvidence } from '../projections/sustained-evidence.js';
import type { EventStore, Subscription } from '../store/port.js';
import { verifyStore } from '../store/verify-store.js';
import { normaliseAsOf } from './instant.js';
import { PlanTimeline } from './plan-timeline.js';
import { singleFlight } from '../shared/single-flight.js';

/** The caller pinned a revision (HTTP If-Match) and the plan has moved on from it. */
const staleRevision = (current: number, expected: number) =>
  new DomainError('precondition', `The plan is at revision ${current}, not ${expected}: reload and try again`, 'If-Match', 'revision-matches', { currentRevision: current });

/** Another writer appended to the plan between our read and our append. */
const lostRace = (planId: string, error: ConcurrencyError, outcome: string) =>
  new DomainError('conflict', `Someone else changed plan ${planId} first (now at revision ${error.actualRevision}); ${outcome}`, undefined, 'concurrency', { currentRevision: error.actualRevision });

/** The greatest of some period keys (YYYY-MM sorts as text), without sorting them all. */
function latestKey(keys: readonly string[]): string | null {
  let latest: string | null = null;
  for (const k of keys) if (latest === null || k > latest) latest = k;
  return latest;
}

export interface RagtrailOptions {
  store: EventStore;
  /** The clock; injected so tests and replays are deterministic. */
  now?: () => Date;
  /** Events between checkpoints of a plan's state, for "as known at" queries. */
  checkpointEvery?: number;
  /** How many times a command is re-decided on fresh state after losing a race. */
  maxAttempts?: number;
}

export interface Caller {
  actor: Actor;
  reason?: string | null;
  /** Refuse unless the plan's stream is at exactly this revision (HTTP If-Match); no retry. */
  expectedRevision?: number;
}

export interface CommandResult {
  planId: string;
  revision: number;
  events: RecordedEvent[];
}

/**
 * Commands on one plan, each decided on the state the ones before it left, then appended together
 * in one append, or not at all. For imports and bulk changes: nothing reaches the store before
 * `commit`, a refusal leaves it untouched, and a long run costs one fold, not one per command.
 */
export interface PlanBatch {
  readonly planId: string;
  /** The plan as decided so far (not yet stored): read it, do not keep it. */
  readonly state: PlanState;
  /** Decides one command now (throwing the core's refusal, as `execute` would) and holds its events. */
  execute<K extends PlanCommandType>(type: K, data: CommandInput<K>, caller: Caller): void;
  /** Appends every held event at once, if the plan has not moved since the batch began. */
  commit(): Promise<CommandResult>;
}

export interface PlanListing {
  planId: string;
  title: string;
  organisation: string;
  schemeId: string;
  actions: number;
  priorities: number;
  revision: number;
  latestPeriod: string | null;
}

export interface QueryOptions {
  period?: string;
  asOf?: string;
}

/**
 * The library's front door: every command and query a front end needs. Front ends parse and
 * render; all rules live behind this object.
 */
export function createRagtrail(options: RagtrailOptions) {
  const { store } = options;
  const now = options.now ?? (() => new Date());
  const checkpointEvery = options.checkpointEvery ?? 1000;
  const maxAttempts = options.maxAttempts ?? 5;
  const timelines = new Map<string, PlanTimeline>();
  const summaryCache = new Map<string, RagSummary>();
  const defaultPeriods = new WeakMap<PlanState, string>();

  const timeline = (planId: string): PlanTimeline => {
    let t = timelines.get(planId);
    if (!t) {
      t = new PlanTimeline(store, planStream(planId), checkpointEvery);
      timelines.set(planId, t);
    }
    return t;
  };

  /** Stamps and seals decided events after `tail`; recorded time never goes backwards in a stream. */
  function sealAfter(stream: string, tail: { revision: number; lastHash: string; lastRecordedAt: string | null }, events: DomainEvent[], metadata: CommandMetadata) {
    const at = metadata.now.toISOString();
    const recordedAt = tail.lastRecordedAt !== null && tail.lastRecordedAt > at ? tail.lastRecordedAt : at;
    let prevHash = tail.lastHash;
    return events.map((event, i) => {
      const sealed = seal({
        id: randomUUID(), stream, revision: tail.revision + 1 + i, recordedAt, type: event.type,
        version: eventCatalogue[event.type].version, data: event.data, actor: metadata.actor, reason: metadata.reason, prevHash,
      });
      prevHash = sealed.hash;
      return sealed;
    });
  }

  function metadataOf(caller: Caller): CommandMetadata {
    const actor = parseInput(Actor, caller.actor, 'actor');
    const reason = caller.reason?.trim() ? caller.reason.trim() : null;
    return { actor, reason, now: now() };
  }

  /**
   * Decide on fresh state, seal, append with the revision decided on; on a lost race, decide again
   * on the newer state (unless the caller pinned a revision, which then surfaces as a conflict).
   */
  async function execute<K extends PlanCommandType>(planId: string, type: K, data: CommandInput<K>, caller: Caller): Promise<CommandResult> {
    const t = timeline(planId);
    for (let attempt = 1; ; attempt++) {
      const state = await t.refresh();
      if (caller.expectedRevision !== undefined && caller.expectedRevision !== state.revision)
        throw staleRevision(state.revision, caller.expectedRevision);
      const metadata = metadataOf(caller);
      const events = decide({ type, data, metadata } as PlanCommand, state);
      const sealed = sealAfter(t.stream, state, events, metadata);
      try {
        const result = await store.append(t.stream, sealed, { expectedRevision: state.revision });
        // Read back rather than guess: only the store knows the global positions it gave.
        const stored = await store.readStream(t.stream, { fromRevision: state.revision + 1, maxCount: sealed.length });
        t.advance(stored);
        return { planId, revision: result.nextExpectedRevision, events: stored.map(toRecorded) };
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || caller.expectedRevision !== undefined || attempt >= maxAttempts) {
          if (error instanceof ConcurrencyError)
            throw lostRace(planId, error, 'try again');
          throw error;
        }
      }
    }
  }

  async function createPlan(input: CommandInput<'CreatePlan'>, caller: Caller): Promise<CommandResult> {
    const title = typeof input?.title === 'string' ? input.title : 'plan';
    const planId = input?.planId ?? `${slugify(title).slice(0, 40)}-${randomUUID().slice(0, 8)}`;
    return execute(planId, 'CreatePlan', { ...input, planId }, caller);
  }

  async function batch(planId: string, options: { expectedRevision?: number } = {}): Promise<PlanBatch> {
    const t = timeline(planId);
    const base = await t.refresh();
    if (options.expectedRevision !== undefined && options.expectedRevision !== base.revision)
      throw staleRevision(base.revision, options.expectedRevision);
    const fold = startFold(base);
    const held: ReturnType<typeof sealAfter> = [];
    let committed = false;
    return {
      planId,
      get state() {
        return fold.current();
      },
      execute(type, data, caller) {
        if (committed) throw new Error('This batch is committed: start another');
        const state = fold.current();
        const metadata = metadataOf(caller);
        // A new plan's id is the batch's: the batch appends to this plan's stream only.
        const input = type === 'CreatePlan' ? { ...(data as object), planId } : data;
        const sealed = sealAfter(t.stream, state, decide({ type, data: input, metadata } as PlanCommand, state), metadata);
        // Positions are the store's to give; the fold does not read them.
        for (const event of sealed) fold.add(toRecordedTrusted({ ...event, position: 0 }));
        held.push(...sealed);
      },
      async commit() {
        if (committed) throw new Error('This batch is committed: start another');
        committed = true;
        try {
          await store.append(t.stream, held, { expectedRevision: base.revision });
        } catch (error) {
          throw error instanceof ConcurrencyError ? lostRace(planId, error, 'nothing of this batch was written') : error;
        }
        const stored = held.length === 0 ? [] : await store.readStream(t.stream, { fromRevision: base.revision + 1, maxCount: held.length });
        t.advance(stored);
        return { planId, revision: base.revision + held.length, events: stored.map(toRecorded) };
      },
    };
  }

  async function loadPlan(planId: string, asOf?: string): Promise<PlanState> {
    const t = timeline(planId);
    const state = asOf === undefined ? await t.refresh() : await t.asOf(normaliseAsOf(asOf));
    if (state.status !== 'active') {
      if (asOf !== undefined && (await t.refresh()).status === 'active')
        throw notFound('asOf', `Plan ${planId} did not exist yet at ${asOf}`);
      throw notFound('planId', `No plan ${planId}: list plans to see their ids`);
    }
    return state;
  }

  /** The period a query is about: the one asked for, else the latest reviewed, else the latest scored. */
  function resolvePeriod(state: PlanState, period?: string): string {
    if (period !== undefined) return parseInput(Period, period, 'period');
    // States are immutable, so the default period of one is worked out once: a dashboard asks
    // for it on every request, and a long-lived plan has thousands of reviews.
    let resolved = defaultPeriods.get(state);
    if (resolved === undefined) {
      const fromLog = latestKey(Object.keys(state.reviews)) ?? latestKey(Object.values(state.entries).flatMap((e) => Object.keys(e)));
      if (fromLog === null) return periodOfDate(now().toISOString());
      resolved = fromLog;
      defaultPeriods.set(state, resolved);
    }
    return resolved;
  }

  async function history(planId: string, asOf?: string): Promise<RecordedEvent[]> {
    await loadPlan(planId, asOf);
    const limit = asOf === undefined ? undefined : normaliseAsOf(asOf);
    const events = await store.readStream(planStream(planId));
    return events.filter((e) => limit === undefined || e.recordedAt <= limit).map(toRecorded);
  }

  // Access: tokens live in their own stream so a plan's chain holds only the plan's facts.
  let access: AccessState = initialAccessState();
  // Requests arriving together share one read, and an event already folded is never folded again.
  const refreshAccess = singleFlight(async (): Promise<AccessState> => {
    const events = await store.readStream(ACCESS_STREAM, { fromRevision: access.revision + 1 });
    for (const e of events) if (e.revision === access.revision + 1) access = evolveAccess(access, toRecorded(e));
    return access;
  });

  async function executeAccess(command: Omit<AccessCommand, 'metadata'>, caller: Caller): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const state = await refreshAccess();
      const metadata = metadataOf(caller);
      const events = decideAccess({ ...command, metadata } as AccessCommand, state);
      const sealed = sealAfter(ACCESS_STREAM, state, events, metadata);
      try {
        await store.append(ACCESS_STREAM, sealed, { expectedRevision: state.revision });
        return;
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || attempt >= maxAttempts) throw error;
      }
    }
  }

  return {
    store,
    /** The clock this facade stamps events with, so helpers that build events elsewhere (importers) stamp them alike. */
    now,
    execute,
    createPlan,
    batch,
    loadPlan,
    resolvePeriod,
    history,

    /** Every active plan; the first call folds each plan's log, so a long log reports progress per plan. */
    async plans(options: { onProgress?: (done: number, total: number) => void } = {}): Promise<PlanListing[]> {
      const streams = await store.listStreams('plan-');
      const listings: PlanListing[] = [];
      for (const [i, stream] of streams.entries()) {
        const planId = planIdOfStream(stream)!;
        const state = await timeline(planId).refresh();
        options.onProgress?.(i + 1, streams.length);
        if (state.status !== 'active') continue;
        listings.push({
          planId, title: state.title, organisation: state.organisation, schemeId: state.scheme.id,
          actions: state.actionOrder.length, priorities: Object.keys(state.priorities).length,
          revision: state.revision, latestPeriod: latestKey(Object.keys(state.reviews)),
        });
      }
      return listings;
    },

    async summary(planId: string, query: QueryOptions & { overallMethod?: OverallMethod } = {}): Promise<RagSummary> {
      const state = await loadPlan(planId, query.asOf);
      const period = resolvePeriod(state, query.period);
      const compute = () => ragSummary(state, period, query.overallMethod ? { overallMethod: query.overallMethod } : {});
      if (query.asOf !== undefined) return compute();
      // A dashboard asks the same question many times between changes: answer from the last
      // computation while the plan's revision is unchanged.
      const key = `${planId}|${state.revision}|${period}|${query.overallMethod ?? ''}`;
      const hit = summaryCache.get(key);
      if (hit) return hit;
      const summary = compute();
      for (const k of summaryCache.keys()) if (k.startsWith(`${planId}|`) && !k.startsWith(`${planId}|${state.revision}|`)) summaryCache.delete(k);
      summaryCache.set(key, summary);
      return summary;
    },

    async exceptions(planId: string, query: QueryOptions = {}): Promise<{ period: string; exceptions: PlanException[] }> {
      const state = await loadPlan(planId, query.asOf);
      const period = resolvePeriod(state, query.period);
      return { period, exceptions: exceptions(state, period) };
    },

    async audit(planId: string, query: AuditFilter & { asOf?: string; offset?: number; limit?: number } = {}): Promise<{ total: number; records: AuditRecord[] }> {
      const events = await history(planId, query.asOf);
      const filter: AuditFilter = { ...query };
      if (query.since) filter.since = normaliseAsOf(query.since, 'since').replace('T23:59:59.999Z', 'T00:00:00.000Z');
      if (query.until) filter.until = normaliseAsOf(query.until, 'until');
      const records = auditTrail(events, filter);
      const offset = query.offset ?? 0;
      if (offset < 0) throw invalid('offset', 'non-negative', 'offset must be 0 or more');
      return { total: records.length, records: records.slice(offset, query.limit === undefined ? undefined : offset + query.limit) };
    },

    async evidence(planId: string, query: QueryOptions & { action?: string } = {}): Promise<{ period: string; actions: ActionEvidence[] }> {
      const state = await loadPlan(planId, query.asOf);
      const period = resolvePeriod(state, query.period);
      const events = await history(planId, query.asOf);
      const filter: { period: string; action?: string } = { period };
      if (query.action !== undefined) filter.action = query.action;
      const actions = sustainedEvidence(state, events, filter);
      if (query.action !== undefined && actions.length === 0) throw notFound('action', `No action "${query.action}" in plan ${planId}`);
      return { period, actions };
    },

    async verify(query: { planId?: string; onProgress?: (done: number, total: number) => void } = {}): Promise<VerifyResult> {
      const streams = query.planId === undefined ? undefined : [planStream(query.planId)];
      if (query.planId !== undefined) await loadPlan(query.planId);
      return verifyStore(store, { ...(streams ? { streams } : {}), ...(query.onProgress ? { onProgress: query.onProgress } : {}) });
    },

    /** Issues a bearer token and returns its secret: shown once, stored only as a hash. */
    async issueToken(input: { name: string; role: Actor['role'] }, caller: Caller): Promise<{ tokenId: string; token: string; name: string; role: Actor['role'] }> {
      const token = newTokenSecret();
      const tokenId = randomUUID();
      await executeAccess({ type: 'IssueToken', data: { ...input, tokenId, tokenHash: hashToken(token) } }, caller);
      return { tokenId, token, name: input.name, role: input.role };
    },

    async revokeToken(tokenId: string, caller: Caller): Promise<void> {
      await executeAccess({ type: 'RevokeToken', data: { tokenId } }, caller);
    },

    async tokens(): Promise<Omit<TokenRecord, 'tokenHash'>[]> {
      const state = await refreshAccess();
      return Object.values(state.tokens).map(({ tokenHash: _hash, ...rest }) => rest);
    },

    async authenticate(secret: string): Promise<Actor | null> {
      return principalFor(await refreshAccess(), secret);
    },

    /** New events of one plan (or all plans) as they are recorded, after catching up from `after`. */
    subscribe(listener: (event: RecordedEvent) => void, filter: { planId?: string; after?: number } = {}): Subscription {
      const stream = filter.planId === undefined ? undefined : planStream(filter.planId);
      return store.subscribe({
        ...(filter.after === undefined ? {} : { after: filter.after }),
        onEvent: (e) => {
          if (stream === undefined || e.stream === stream) listener(toRecorded(e));
        },
      });
    },

    async close(): Promise<void> {
      await store.close();
    },
  };
}

export type Ragtrail = ReturnType<typeof createRagtrail>;

