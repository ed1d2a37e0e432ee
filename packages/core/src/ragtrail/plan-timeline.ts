import type { StoredEvent } from '../events/envelope.js';
import { toRecorded } from '../events/recorded.js';
import { evolveAll } from '../plan/evolve.js';
import { initialPlanState, type PlanState } from '../plan/state.js';
import type { EventStore } from '../store/port.js';
import { singleFlight } from '../shared/single-flight.js';

interface Checkpoint {
  state: PlanState;
}

/**
 * One plan's state, kept current by reading only the events after the last one folded, with a
 * checkpoint every N events so "as known at T" folds from the nearest checkpoint, not from zero.
 * Immer's structural sharing keeps checkpoints cheap.
 */
export class PlanTimeline {
  private checkpoints: Checkpoint[] = [{ state: initialPlanState() }];
  private current: PlanState = initialPlanState();

  constructor(
    private readonly store: EventStore,
    readonly stream: string,
    private readonly checkpointEvery: number,
  ) {}

  /**
   * Folds events the store has beyond the last one seen, and returns the state. Readers asking at
   * the same moment (a page loading its summary and exceptions together) share one refresh.
   */
  readonly refresh: () => Promise<PlanState> = singleFlight(() => this.readToEnd());

  private async readToEnd(): Promise<PlanState> {
    for (;;) {
      const page = await this.store.readStream(this.stream, { fromRevision: this.current.revision + 1, maxCount: this.checkpointEvery });
      if (page.length === 0) return this.current;
      const before = this.current.revision;
      this.advance(page);
      // A page that does not follow on (a store missing a revision) must not spin: verify names it.
      if (this.current.revision === before) return this.current;
    }
  }

  /**
   * Folds events that follow the state (a caller that just appended them saves a read). Events
   * already folded are skipped and a gap folds nothing, so the same event is never applied twice
   * whoever hands it in.
   */
  advance(events: readonly StoredEvent[]): void {
    const fresh = events.filter((e) => e.revision > this.current.revision);
    if (fresh.length > 0 && fresh[0]!.revision === this.current.revision + 1) this.foldPage(fresh);
  }

  get state(): PlanState {
    return this.current;
  }

  private foldPage(page: readonly StoredEvent[]): void {
    let rest = page;
    while (rest.length > 0) {
      const room = this.checkpointEvery - ((this.current.revision + 1) % this.checkpointEvery);
      const chunk = rest.slice(0, room);
      this.current = evolveAll(this.current, chunk.map(toRecorded));
      if ((this.current.revision + 1) % this.checkpointEvery === 0) this.checkpoints.push({ state: this.current });
      rest = rest.slice(room);
    }
  }

  /**
   * The state as it was known at `asOf` (an ISO instant): every event recorded at or before it.
   * Recorded times never go backwards within a stream, so the first later event ends the fold.
   */
  async asOf(asOf: string): Promise<PlanState> {
    await this.refresh();
    let start = this.checkpoints[0]!;
    for (const c of this.checkpoints) if (c.state.lastRecordedAt === null || c.state.lastRecordedAt <= asOf) start = c;
    let state = start.state;
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
