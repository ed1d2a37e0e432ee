import type { RecordedEvent } from '../events/envelope.js';
import { evolveAll } from '../plan/evolve.js';
import { initialPlanState, type PlanState } from '../plan/state.js';

/**
 * A plan's events folded in order, keeping the state after every `every` events, so the state
 * after any prefix folds from the nearest checkpoint rather than from zero. States share structure,
 * so checkpoints are cheap. Both "as known at" queries and time travel step through a log this way.
 */
export class CheckpointedFold {
  /** checkpoints[k] is the state after base + k * every events. */
  private readonly checkpoints: PlanState[];
  private state: PlanState;
  private count: number;
  /** Events the starting state already covers: 0, or a snapshot's revision + 1. */
  private readonly base: number;

  constructor(readonly every: number, start: PlanState = initialPlanState()) {
    if (!Number.isInteger(every) || every < 1) throw new RangeError(`checkpoint interval must be a positive integer, not ${every}`);
    this.checkpoints = [start];
    this.state = start;
    this.count = this.base = start.revision + 1;
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
      const room = this.every - ((this.count - this.base) % this.every);
      const chunk = rest.slice(0, room);
      this.state = evolveAll(this.state, chunk);
      this.count += chunk.length;
      if ((this.count - this.base) % this.every === 0) this.checkpoints.push(this.state);
      rest = rest.slice(room);
    }
  }

  /** The checkpoint at or before `count` events, and how many events it covers. */
  checkpointBefore(count: number): { state: PlanState; covers: number } {
    const k = Math.min(Math.floor(Math.max(0, count - this.base) / this.every), this.checkpoints.length - 1);
    return { state: this.checkpoints[k]!, covers: this.base + k * this.every };
  }

  /** The latest checkpoint whose state satisfies `holds` (checkpoints only grow along the log). */
  latestCheckpointWhere(holds: (state: PlanState) => boolean): { state: PlanState; covers: number } {
    let found = 0;
    for (let k = 0; k < this.checkpoints.length; k++) if (holds(this.checkpoints[k]!)) found = k;
    return { state: this.checkpoints[found]!, covers: this.base + found * this.every };
  }
}
