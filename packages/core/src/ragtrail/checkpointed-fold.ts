import type { RecordedEvent } from '../events/envelope.js';
import { startFold, type PlanFold } from '../plan/evolve.js';
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
  /** The last frozen state, and how many events it covers. */
  private state: PlanState;
  private stateCount: number;
  /**
   * Events added since `state`, folded in place until the next checkpoint or read. One open fold
   * across many `add` calls copies each collection it writes once per checkpoint, not once per call:
   * folding a 300,000-event plan page by page spent half its time copying its 100,000-entry Maps.
   */
  private open: PlanFold | null = null;
  private count: number;

  constructor(readonly every: number, start: PlanState = initialPlanState()) {
    if (!Number.isInteger(every) || every < 1) throw new RangeError(`checkpoint interval must be a positive integer, not ${every}`);
    this.states = [start];
    // Events the starting state already covers: 0, or a snapshot's revision + 1.
    this.covers = [start.revision + 1];
    this.state = start;
    this.count = start.revision + 1;
    this.stateCount = this.count;
  }

  /** The state after every event added, frozen. */
  get current(): PlanState {
    this.close();
    return this.state;
  }

  /** The state after every event added, possibly still being folded: read it now, do not keep it. */
  peek(): PlanState {
    return this.open ? this.open.current() : this.state;
  }

  private close(): void {
    if (!this.open) return;
    this.state = this.open.finish();
    this.stateCount = this.count;
    this.open = null;
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

  /**
   * Folds the next events (the caller hands them in order, each once). An event that cannot be
   * folded throws, and the fold is back at its last frozen state (`length` says how far that is).
   */
  add(events: readonly RecordedEvent[]): void {
    let from = 0;
    while (from < events.length) {
      const last = this.covers[this.covers.length - 1]!;
      const gap = this.gap();
      const to = Math.min(events.length, from + last + gap - this.count);
      const fold = (this.open ??= startFold(this.state));
      try {
        for (let i = from; i < to; i++) fold.add(events[i]!);
      } catch (error) {
        this.open = null;
        this.count = this.stateCount;
        throw error;
      }
      this.count += to - from;
      if (this.count - last >= gap) {
        this.close();
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
    this.close();
    if (state.revision !== this.state.revision + count) throw new RangeError(`a state at revision ${state.revision} does not follow ${this.state.revision} by ${count} events`);
    const last = this.covers[this.covers.length - 1]!;
    const gap = this.gap();
    this.state = state;
    this.count += count;
    this.stateCount = this.count;
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
