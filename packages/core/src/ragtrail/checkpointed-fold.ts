import type { RecordedEvent } from '../events/envelope.js';
import { evolveAll } from '../plan/evolve.js';
import { initialPlanState, type PlanState } from '../plan/state.js';

/**
 * How far apart checkpoints may grow, as a share of the events already folded. A checkpoint keeps
 * its own copy of every collection changed since the one before it (the plan's Maps are copied on
 * their first write after a freeze), so a fixed interval makes a long log quadratic: 300,000 events
 * of one import at every 1,000 made 300 copies of a 100,000-action plan. Spacing them at least an
 * eighth of the log apart keeps all copies together under about nine times the plan's size, and a
 * query between two checkpoints folds at most an eighth of the log.
 */
const SPACING_SHARE = 8;

/**
 * A plan's events folded in order, keeping the state after every `every` events (further apart on a
 * long log, see SPACING_SHARE), so the state after any prefix folds from the nearest checkpoint
 * rather than from zero. States share the subtrees no event changed. Both "as known at" queries
 * and time travel step through a log this way.
 */
export class CheckpointedFold {
  /** The states kept, in order, and how many events each covers. */
  private readonly states: PlanState[];
  private readonly covers: number[];
  private state: PlanState;
  private count: number;

  constructor(readonly every: number, start: PlanState = initialPlanState()) {
    if (!Number.isInteger(every) || every < 1) throw new RangeError(`checkpoint interval must be a positive integer, not ${every}`);
    this.states = [start];
    // Events the starting state already covers: 0, or a snapshot's revision + 1.
    this.covers = [start.revision + 1];
    this.state = start;
    this.count = start.revision + 1;
  }

  get current(): PlanState {
    return this.state;
  }

  /** How many events are folded. */
  get length(): number {
    return this.count;
  }

  /** Events between the last checkpoint and the next. */
  private gap(): number {
    const last = this.covers[this.covers.length - 1]!;
    return Math.max(this.every, Math.floor((last - this.covers[0]!) / SPACING_SHARE));
  }

  /** Folds the next events (the caller hands them in order, each once). */
  add(events: readonly RecordedEvent[]): void {
    let from = 0;
    while (from < events.length) {
      const last = this.covers[this.covers.length - 1]!;
      const gap = this.gap();
      const to = Math.min(events.length, from + last + gap - this.count);
      this.state = evolveAll(this.state, from === 0 && to === events.length ? events : events.slice(from, to));
      this.count += to - from;
      if (this.count - last >= gap) {
        this.states.push(this.state);
        this.covers.push(this.count);
      }
      from = to;
    }
  }

  /**
   * Takes `state` as the fold of the next `count` events, for a caller that folded them itself
   * from `current` (a batch that decided them): the same as `add`, without folding them again.
   * The state must be frozen, as every state this fold hands out is.
   */
  adopt(state: PlanState, count: number): void {
    if (state.revision !== this.state.revision + count) throw new RangeError(`a state at revision ${state.revision} does not follow ${this.state.revision} by ${count} events`);
    const last = this.covers[this.covers.length - 1]!;
    const gap = this.gap();
    this.state = state;
    this.count += count;
    if (this.count - last >= gap) {
      this.states.push(state);
      this.covers.push(this.count);
    }
  }

  /** The index of the last checkpoint covering at most `count` events (0 when none does). */
  private atOrBefore(count: number): number {
    let low = 0;
    let high = this.covers.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.covers[mid]! <= count) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** The checkpoint at or before `count` events, and how many events it covers. */
  checkpointBefore(count: number): { state: PlanState; covers: number } {
    const k = this.atOrBefore(count);
    return { state: this.states[k]!, covers: this.covers[k]! };
  }

  /** The latest checkpoint whose state satisfies `holds` (checkpoints only grow along the log). */
  latestCheckpointWhere(holds: (state: PlanState) => boolean): { state: PlanState; covers: number } {
    let found = 0;
    for (let k = 0; k < this.states.length; k++) if (holds(this.states[k]!)) found = k;
    return { state: this.states[found]!, covers: this.covers[found]! };
  }
}
