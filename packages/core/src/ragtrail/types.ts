import type { Actor } from '../access/roles.js';
import type { RecordedEvent } from '../events/envelope.js';
import type { CommandInput, PlanCommandType } from '../plan/commands/schemas.js';
import type { PlanState } from '../plan/state.js';
import type { EventStore } from '../store/port.js';
import type { SigningKey } from '../integrity/signing-key.js';
import type { SignedCheckpoint } from './log-integrity.js';

/**
 * What `createRagtrail` needs: the event store, and optionally the clock, the checkpoint and snapshot
 * spacing, the retry limit, the signing key and the warning sink.
 */
export interface RagtrailOptions {
  store: EventStore;
  /** The clock; injected so tests, replays and the demo's history are deterministic. */
  now?: () => Date;
  /** Events between checkpoints of a plan's state, for "as known at" queries. */
  checkpointEvery?: number;
  /**
   * Events between snapshots of a plan's state stored beside the log (default 1000; 0: none), so a
   * process that starts folds only what came after a plan's snapshot. Stores without read models keep none.
   */
  snapshotEvery?: number;
  /** Where the facade says what it ignored and why (a stale or tampered snapshot): default, a process warning. */
  warn?: (message: string) => void;
  /** How many times a command is re-decided on fresh state after losing a race. */
  maxAttempts?: number;
  /**
   * The log's signing key, loaded by the caller (never stored in the log): with it the facade signs
   * checkpoints, takes one after every review sign-off, and records the public key in the log.
   */
  signer?: SigningKey;
}

/**
 * Who issues a command through the facade and why: the actor, an optional reason for the audit trail, and an
 * optional expected revision.
 */
export interface Caller {
  actor: Actor;
  reason?: string | null;
  /** Refuse unless the stream is at exactly this revision (HTTP If-Match); no retry. */
  expectedRevision?: number;
}

/**
 * What a recorded command returns: the plan, its new revision, the events recorded and any checkpoint taken
 * after a sign-off.
 */
export interface CommandResult {
  planId: string;
  revision: number;
  events: RecordedEvent[];
  /** The checkpoint taken after a sign-off this command recorded. */
  checkpoint?: SignedCheckpoint;
  /** Why no checkpoint followed a sign-off (which is recorded all the same). */
  checkpointProblem?: string;
}

/**
 * Commands on one plan, each decided on the state the ones before it left, then appended together
 * in one append, or not at all. For imports and bulk changes: nothing is visible in the store before
 * `commit`, a refusal leaves it untouched, and a long run costs one fold, not one per command.
 */
export interface PlanBatch {
  readonly planId: string;
  /** The plan as decided so far (not yet stored): read it, do not keep it. */
  readonly state: PlanState;
  /** Decides one command now (throwing the core's refusal, as `execute` would) and holds its events. */
  execute<K extends PlanCommandType>(type: K, data: CommandInput<K>, caller: Caller): void;
  /**
   * Hands the events decided so far to the store's staged append, on a store that has one (SQLite),
   * so a long import holds the plan in memory and not every event it decided. Still all or none:
   * nothing flushed is visible before `commit`. Does nothing on other stores.
   */
  flush(): Promise<void>;
  /** Gives the batch up: drops what was flushed and held; nothing was written. */
  discard(): Promise<void>;
  /**
   * Appends every event of the batch at once, if the plan has not moved since the batch began.
   * `events` lists those held since the last `flush` (all of them when none was flushed);
   * `revision` counts every one.
   */
  commit(): Promise<CommandResult>;
}

/**
 * One plan in the list of plans: its id, title, organisation and scheme, how many priorities and actions it
 * has, its latest period, and the revision and hash of its last event.
 */
export interface PlanListing {
  planId: string;
  title: string;
  organisation: string;
  schemeId: string;
  actions: number;
  priorities: number;
  revision: number;
  latestPeriod: string | null;
  /** The hash of the plan's last event: the head of its chain, which a verifier holds the plan to. */
  lastHash: string;
}

/**
 * Where a query looks: `period` picks the review period (default: the plan's default period) and `asOf`
 * shows the plan as it was known at that instant.
 */
export interface QueryOptions {
  period?: string;
  asOf?: string;
}
