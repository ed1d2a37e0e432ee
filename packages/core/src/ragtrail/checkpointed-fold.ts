import type { RecordedEvent } from '../events/envelope.js';
import { Freezer, startFold, type PlanFold } from '../plan/evolve.js';
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
  /** The last finished state (frozen once `freezer` has run to its end), and how many events it covers. */
  private state: PlanState;
  private stateCount: number;
  /**
   * Events added since `state`, folded in place until the next checkpoint or read. One open fold
   * across many `add` calls copies each collection it writes once per checkpoint, not once per call:
   * folding a 300,000-event plan page by page spent half its time copying its 100,000-entry Maps.
   * It goes on after a checkpoint, so it can copy ahead what the events after it will write.
   */
  private open: PlanFold | null = null;
  private count: number;
  /**
   * What the checkpoints finished and did not freeze yet: a caller folding a long log in turns of
   * the event loop freezes it a budget at a time (`settle`); every read of a state runs it to the end first.
   */
  private readonly freezer = new Freezer();

  /** `copyAheadMin`: see `startFold` (tests lower it). */
  constructor(readonly every: number, start: PlanState = initialPlanState(), private readonly copyAheadMin?: number) {
    if (!Number.isInteger(every) || every < 1) throw new RangeError(`checkpoint interval must be a positive integer, not ${every}`);
    this.states = [start];
    // Events the starting state already covers: 0, or a snapshot's revision + 1.
    this.covers = [start.revision + 1];
    this.state = start;
    // A fresh empty state is not frozen: it is, before anyone reads it (a snapshot's already is).
    this.freezer.add(start);
    this.count = start.revision + 1;
    this.stateCount = this.count;
  }

  /** The state after every event added, frozen. */
  get current(): PlanState {
    this.close();
    this.freezer.run();
    return this.state;
  }

  /** The state after every event added, possibly still being folded: read it now, do not keep it. */
  peek(): PlanState {
    return this.open ? this.open.current() : this.state;
  }

  /** Finishes the events added since the last state; freezing them is left to the freezer. */
  private close(): void {
    if (!this.open || this.count === this.stateCount) return;
    this.state = this.open.finish(this.freezer);
    this.stateCount = this.count;
  }

  /**
   * Work a long fold can do a budget at a time between turns of the event loop: finishing the
   * events added so far and freezing what the checkpoints finished (about `budget` values looked
   * at per call). True while some is left. Reads finish it at once, so calling this is optional.
   */
  settle(budget: number): boolean {
    this.close();
    return this.freezer.run(budget);
  }

  /**
   * Work to do before more events are added, a budget at a time: freezing what the checkpoints
   * finished, then copying ahead the large collections the events before the last checkpoint
   * wrote (the events after it are about to write them again). True while some is left.
   */
  prepare(budget: number): boolean {
    if (this.freezer.run(budget)) return true;
    return this.open !== null && this.count === this.stateCount && this.open.prepare(budget);
  }

  /** How many events the fold will cover when it next keeps a checkpoint. */
  get nextCheckpoint(): number {
    return this.covers[this.covers.length - 1]! + this.gap();
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
      const fold = (this.open ??= startFold(this.state, this.copyAheadMin));
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
    // The open fold goes on from the state before this one.
    this.open = null;
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
    this.freezer.run();
    const k = this.atOrBefore(count);
    return { state: this.states[k]!, covers: this.covers[k]! };
  }

  /** The latest checkpoint whose state satisfies `holds` (checkpoints only grow along the log). */
  latestCheckpointWhere(holds: (state: PlanState) => boolean): { state: PlanState; covers: number } {
    this.freezer.run();
    let found = 0;
    for (let k = 0; k < this.states.length; k++) if (holds(this.states[k]!)) found = k;
    return { state: this.states[found]!, covers: this.covers[found]! };
  }
}
