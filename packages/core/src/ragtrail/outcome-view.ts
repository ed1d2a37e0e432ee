import type { StoredEvent } from '../events/envelope.js';
import { toRecorded } from '../events/recorded.js';
import { evolveOutcomesAll } from '../outcomes/evolve.js';
import { initialOutcomeState, outcomeStream, type OutcomeState } from '../outcomes/state.js';
import type { EventStore } from '../store/port.js';
import { singleFlight } from '../shared/single-flight.js';
import type { KeptStream } from './kept-stream.js';

/**
 * A plan's outcome stream kept current in memory, as AccessView keeps the token list. "As known
 * at" folds from the start: outcome streams are small (an indicator a month for a few years), and
 * recorded times never go backwards within a stream, so the first later event ends the fold.
 */
export class OutcomeView implements KeptStream<OutcomeState> {
  readonly stream: string;
  private state = initialOutcomeState();

  constructor(private readonly store: EventStore, planId: string) {
    this.stream = outcomeStream(planId);
  }

  readonly refresh = singleFlight(async (): Promise<OutcomeState> => {
    this.advance(await this.store.readStream(this.stream, { fromRevision: this.state.revision + 1 }));
    return this.state;
  });

  /** Folds events that follow the state; a gap or an event already folded folds nothing. */
  advance(events: readonly StoredEvent[]): void {
    const fresh = events.filter((e) => e.revision > this.state.revision);
    if (fresh.length > 0 && fresh[0]!.revision === this.state.revision + 1) this.state = evolveOutcomesAll(this.state, fresh.map(toRecorded));
  }

  async asOf(asOf: string): Promise<OutcomeState> {
    const current = await this.refresh();
    if (current.lastRecordedAt === null || current.lastRecordedAt <= asOf) return current;
    const events = await this.store.readStream(this.stream);
    const known = [];
    for (const e of events) {
      if (e.recordedAt > asOf) break;
      known.push(e);
    }
    return evolveOutcomesAll(initialOutcomeState(), known.map(toRecorded));
  }
}
