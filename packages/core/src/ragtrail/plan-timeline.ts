import type { StoredEvent } from '../events/envelope.js';
import { toRecorded } from '../events/recorded.js';
import { evolveAll } from '../plan/evolve.js';
import type { PlanState } from '../plan/state.js';
import type { EventStore } from '../store/port.js';
import { singleFlight } from '../shared/single-flight.js';
import { CheckpointedFold } from './checkpointed-fold.js';
import type { KeptStream } from './kept-stream.js';

/**
 * One plan's state, kept current by reading only the events after the last one folded, with a
 * checkpoint every N events so "as known at T" folds from the nearest checkpoint, not from zero.
 */
export class PlanTimeline implements KeptStream<PlanState> {
  private readonly fold: CheckpointedFold;

  constructor(
    private readonly store: EventStore,
    readonly stream: string,
    private readonly checkpointEvery: number,
  ) {
    this.fold = new CheckpointedFold(checkpointEvery);
  }

  /**
   * Folds events the store has beyond the last one seen, and returns the state. Readers asking at
   * the same moment (a page loading its summary and exceptions together) share one refresh.
   */
  readonly refresh: () => Promise<PlanState> = singleFlight(() => this.readToEnd());

  private async readToEnd(): Promise<PlanState> {
    for (;;) {
      const page = await this.store.readStream(this.stream, { fromRevision: this.state.revision + 1, maxCount: this.checkpointEvery });
      if (page.length === 0) return this.state;
      const before = this.state.revision;
      this.advance(page);
      // A page that does not follow on (a store missing a revision) must not spin: verify names it.
      if (this.state.revision === before) return this.state;
    }
  }

  /**
   * Folds events that follow the state (a caller that just appended them saves a read). Events
   * already folded are skipped and a gap folds nothing, so the same event is never applied twice
   * whoever hands it in.
   */
  advance(events: readonly StoredEvent[]): void {
    const fresh = events.filter((e) => e.revision > this.state.revision);
    if (fresh.length > 0 && fresh[0]!.revision === this.state.revision + 1) this.fold.add(fresh.map(toRecorded));
  }

  get state(): PlanState {
    return this.fold.current;
  }

  /**
   * The state as it was known at `asOf` (an ISO instant): every event recorded at or before it.
   * Recorded times never go backwards within a stream, so the first later event ends the fold.
   */
  async asOf(asOf: string): Promise<PlanState> {
    await this.refresh();
    let { state } = this.fold.latestCheckpointWhere((s) => s.lastRecordedAt === null || s.lastRecordedAt <= asOf);
    for (;;) {
      const page = await this.store.readStream(this.stream, { fromRevision: state.revision + 1, maxCount: this.checkpointEvery });
      const known = [];
      for (const e of page) {
        if (e.recordedAt > asOf) break;
        known.push(e);
      }
      state = evolveAll(state, known.map(toRecorded));
      if (known.length < page.length || page.length < this.checkpointEvery) return state;
    }
  }
}
