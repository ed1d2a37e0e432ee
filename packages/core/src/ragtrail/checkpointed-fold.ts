import type { RecordedEvent } from '../events/envelope.js';
import { evolveAll } from '../plan/evolve.js';
import { initialPlanState, type PlanState } from '../plan/state.js';

/**
 * A plan's events folded in order, keeping the state after every `every` events, so the state
 * after any prefix folds from the nearest checkpoint rather than from zero. States share structure,
 * so checkpoints are cheap. Both "as known at" queries and time travel step through a log this way.
 */
export class CheckpointedFold {
  /** checkpoints[k] is the state after k * every events. */
  private readonly checkpoints: PlanState[] = [initialPlanState()];
  private state: PlanState = initialPlanState();
  private count = 0;

  constructor(readonly every: number) {
    if (!Number.isInteger(every) || every < 1) throw new RangeError(`checkpoint interval must be a positive integer, not ${every}`);
  }

  get current(): PlanState {
    return this.state;
  }

  /** How many events are folded. */
  get length(): number {
    return this.count;
  }

  /** Folds the next events (the caller hands them in order, each once). */
  add(events: readonly RecordedEvent[]): void {
    let rest = events;
    while (rest.length > 0) {
      const room = this.every - (this.count % this.every);
      const chunk = rest.slice(0, room);
      this.state = evolveAll(this.state, chunk);
      this.count += chunk.length;
      if (this.count % this.every === 0) this.checkpoints.push(this.state);
      rest = rest.slice(room);
    }
  }

  /** The checkpoint at or before `count` events, and how many events it covers. */
  checkpointBefore(count: number): { state: PlanState; covers: number } {
    const k = Math.min(Math.floor(Math.max(0, count) / this.every), this.checkpoints.length - 1);
    return { state: this.checkpoints[k]!, covers: k * this.every };
  }

  /** The latest checkpoint whose state satisfies `holds` (checkpoints only grow along the log). */
  latestCheckpointWhere(holds: (state: PlanState) => boolean): { state: PlanState; covers: number } {
    let found = 0;
    for (let k = 0; k < this.checkpoints.length; k++) if (holds(this.checkpoints[k]!)) found = k;
    return { state: this.checkpoints[found]!, covers: found * this.every };
  }
}
