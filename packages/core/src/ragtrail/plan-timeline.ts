import type { StoredEvent } from '../events/envelope.js';
import { toRecorded } from '../events/recorded.js';
import { evolveAll } from '../plan/evolve.js';
import { initialPlanState, type PlanState } from '../plan/state.js';
import { planIdOfStream } from '../plan/decider.js';
import type { EventStore } from '../store/port.js';
import { singleFlight } from '../shared/single-flight.js';
import { yieldToLoop } from '../shared/yield-to-loop.js';
import { CheckpointedFold } from './checkpointed-fold.js';
import type { KeptStream } from './kept-stream.js';
import type { ChainBreak } from '../chain/hash-chain.js';
import { firstBreakIn } from './chain-guard.js';
import type { PlanSnapshots } from './plan-snapshots.js';

/** Events folded between turns of the event loop while a timeline reads a long stream. */
const FOLD_SLICE = 250;
/** Events read from the store at a time (at most the checkpoint interval): a read of 1,000 from SQLite is 10-40 ms of one turn. */
const READ_PAGE = 500;
/**
 * Values frozen or entries copied ahead per turn of the event loop after a checkpoint of a long
 * plan (a few ms): done at once, freezing a 100,000-action plan's checkpoint and copying its Maps
 * for the next writes held the loop 100-250 ms.
 */
const SETTLE_BUDGET = 20_000;

/**
 * One plan's state, kept current by reading only the events after the last one folded, with a
 * checkpoint every N events so "as known at T" folds from the nearest checkpoint, not from zero.
 */
export class PlanTimeline implements KeptStream<PlanState> {
  private fold: CheckpointedFold;
  /** Whether the stored snapshot was looked at (once, before the first read), and the revision last saved. */
  private snapshotTried = false;
  private snapshotRevision = -1;
  /** The first event whose hash or link failed when folded; nothing after it is folded. */
  broken: ChainBreak | null = null;

  constructor(
    private readonly store: EventStore,
    readonly stream: string,
    private readonly checkpointEvery: number,
    private readonly snapshots?: PlanSnapshots,
  ) {
    this.fold = new CheckpointedFold(checkpointEvery);
  }

  /**
   * Folds events the store has beyond the last one seen, and returns the state. Readers asking at
   * the same moment (a page loading its summary and exceptions together) share one refresh.
   */
  readonly refresh: () => Promise<PlanState> = singleFlight(() => this.readToEnd());

  private async readToEnd(): Promise<PlanState> {
    // A snapshot's check read the stream to its end already when it came back short: no second read.
    let atEnd = !this.snapshotTried && this.snapshots?.enabled ? await this.startFromSnapshot() : false;
    while (!atEnd) {
      const page = await this.store.readStream(this.stream, { fromRevision: this.fold.peek().revision + 1, maxCount: Math.min(this.checkpointEvery, READ_PAGE) });
      const before = this.fold.peek().revision;
      // A long page's read is a turn of its own, and so is each slice of it.
      if (page.length > FOLD_SLICE) await yieldToLoop();
      await this.foldInTurns(page);
      // A page that does not follow on (a store missing a revision) must not spin: verify names it.
      atEnd = page.length === 0 || this.fold.peek().revision === before;
      if (!atEnd) await yieldToLoop();
    }
    // The last events finished and frozen a budget at a time too, rather than by the read below.
    while (this.fold.settle(SETTLE_BUDGET)) await yieldToLoop();
    if (this.snapshots?.enabled && this.state.revision - this.snapshotRevision >= this.snapshots.every) {
      this.snapshotRevision = this.state.revision;
      this.snapshots.saveLater(planIdOfStream(this.stream)!, this.state);
    }
    return this.state;
  }

  /**
   * A process's first read starts from the plan's stored snapshot when it checks out against the
   * log. True when the read that checked it also reached the stream's end.
   */
  private async startFromSnapshot(): Promise<boolean> {
    this.snapshotTried = true;
    if (this.state.revision >= 0) return false;
    const start = await this.snapshots!.load(planIdOfStream(this.stream)!, this.stream, this.checkpointEvery);
    if (!start || this.state.revision >= 0) return false;
    this.fold = new CheckpointedFold(this.checkpointEvery, start.state);
    this.snapshotRevision = start.state.revision;
    await this.foldInTurns(start.following);
    return start.following.length < this.checkpointEvery && this.state.revision === start.state.revision + start.following.length;
  }

  /**
   * Folds events a slice at a time, other requests answered between slices: a page of a cold load
   * is about 25 ms of work, and a request needs several turns of the loop. A slice ends at the next
   * checkpoint, so what the checkpoint leaves to do (freezing it, copying ahead the Maps the next
   * events write) is done a budget per turn before the next slice.
   */
  private async foldInTurns(events: readonly StoredEvent[]): Promise<void> {
    for (let at = 0; at < events.length; ) {
      while (this.fold.prepare(SETTLE_BUDGET)) await yieldToLoop();
      const room = Math.max(1, this.fold.nextCheckpoint - this.fold.length);
      const to = Math.min(events.length, at + Math.min(FOLD_SLICE, room));
      this.advance(at === 0 && to === events.length ? events : events.slice(at, to));
      at = to;
      if (at < events.length) await yieldToLoop();
    }
  }

  /**
   * Folds events that follow the state (a caller that just appended them saves a read). Events
   * already folded are skipped and a gap folds nothing, so the same event is never applied twice
   * whoever hands it in.
   */
  advance(events: readonly StoredEvent[]): void {
    if (this.broken) return;
    // Peeked, not frozen: freezing after every page would make the next page copy the plan's Maps again.
    const { revision, lastHash } = this.fold.peek();
    const fresh = events.filter((e) => e.revision > revision);
    if (fresh.length === 0 || fresh[0]!.revision !== revision + 1) return;
    // Each event's hash and link are checked as it is folded (docs/performance.md measures the cost).
    const { holds, firstBreak } = firstBreakIn(fresh, lastHash);
    if (holds.length > 0) this.fold.add(holds.map(toRecorded));
    this.broken = firstBreak;
  }

  /**
   * Takes the state a batch folded, from this timeline's own state, over the `count` events it has
   * just appended: it sealed, schema-checked and folded them itself, so checking and folding them
   * again would only repeat its work (half an import's time). Anything else folds the events it
   * still has in hand (`advance`), or leaves the rest to the next `refresh` from the store.
   */
  adopt(state: PlanState, appended: { count: number; firstRevision: number; firstPrevHash: string }, inHand: readonly StoredEvent[]): void {
    const follows = appended.count > 0 && appended.firstRevision === this.state.revision + 1 && appended.firstPrevHash === this.state.lastHash;
    if (!this.broken && follows && state.revision === this.state.revision + appended.count) this.fold.adopt(state, appended.count);
    else this.advance(inHand);
  }

  get state(): PlanState {
    return this.fold.current;
  }

  /**
   * The state as it was known at `asOf` (an ISO instant): every event recorded at or before it.
   * Recorded times never go backwards within a stream, so the first later event ends the fold.
   */
  async asOf(asOf: string): Promise<PlanState> {
    const current = await this.refresh();
    const knownAt = (s: PlanState) => s.lastRecordedAt === null || s.lastRecordedAt <= asOf;
    // Everything recorded so far was known by then (a report fixed at the log's latest moment): nothing to refold.
    if (!this.broken && knownAt(current)) return current;
    // Started from a snapshot recorded after `asOf`, no checkpoint holds: fold from the first event.
    let { state } = this.fold.latestCheckpointWhere(knownAt);
    if (!knownAt(state)) state = initialPlanState();
    for (;;) {
      const page = await this.store.readStream(this.stream, { fromRevision: state.revision + 1, maxCount: this.checkpointEvery });
      const known = [];
      for (const e of page) {
        if (e.recordedAt > asOf) break;
        known.push(e);
      }
      state = evolveAll(state, known.map(toRecorded));
      if (known.length < page.length || page.length < this.checkpointEvery) return state;
      await yieldToLoop();
    }
  }
}
