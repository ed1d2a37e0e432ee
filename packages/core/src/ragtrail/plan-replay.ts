import type { RecordedEvent } from '../events/envelope.js';
import { evolveAll } from '../plan/evolve.js';
import type { PlanState } from '../plan/state.js';
import { DefaultPeriodTracker } from '../projections/default-period.js';
import { exceptions, type PlanException } from '../projections/exceptions.js';
import { ragSummary, type RagSummary } from '../projections/rag-summary.js';
import { CheckpointedFold } from './checkpointed-fold.js';
import { normaliseAsOf } from './instant.js';

/**
 * The plan as it stood after one event of a replay: the position in the log, the event just applied, the
 * state and the period in focus.
 */
export interface ReplayFrame {
  /** How many events are applied: 0 is before the plan existed, `length` is now. */
  cursor: number;
  event: RecordedEvent | null;
  state: PlanState;
  /** The period in focus, by the same rule as every default period. */
  period: string | null;
  summary: RagSummary | null;
  exceptions: PlanException[];
}

/**
 * A plan's log stepped through event by event (time travel): each frame is the dashboard exactly
 * as it stood after that event, through the same fold, checkpoints and projections as queries.
 */
export class PlanReplay {
  private readonly fold: CheckpointedFold;
  private readonly focus: (string | null)[] = [null];

  constructor(readonly events: readonly RecordedEvent[], checkpointEvery = 200) {
    this.fold = new CheckpointedFold(checkpointEvery);
    this.fold.add(events);
    const tracker = new DefaultPeriodTracker();
    for (const event of events) {
      tracker.observe(event);
      this.focus.push(tracker.current);
    }
  }

  get length(): number {
    return this.events.length;
  }

  private clamp(cursor: number): number {
    return Math.max(0, Math.min(cursor, this.events.length));
  }

  stateAt(cursor: number): PlanState {
    const c = this.clamp(cursor);
    const start = this.fold.checkpointBefore(c);
    return evolveAll(start.state, this.events.slice(start.covers, c));
  }

  frame(cursor: number): ReplayFrame {
    const c = this.clamp(cursor);
    const state = this.stateAt(c);
    const period = this.focus[c] ?? null;
    const active = state.status === 'active' && period !== null;
    return {
      cursor: c,
      event: c === 0 ? null : this.events[c - 1]!,
      state,
      period,
      summary: active ? ragSummary(state, period) : null,
      exceptions: active ? exceptions(state, period) : [],
    };
  }

  /** The end of the next run of events about one period in focus (or the previous run, backwards). */
  stepPeriod(cursor: number, direction: 1 | -1): number {
    const n = this.events.length;
    if (direction === 1) {
      let c = Math.min(cursor + 1, n);
      const period = this.focus[c];
      while (c < n && this.focus[c + 1] === period) c++;
      return c;
    }
    // Walking back over the current run lands on the last event of the run before it.
    let c = cursor;
    const period = this.focus[c];
    while (c > 0 && this.focus[c] === period) c--;
    return c;
  }

  /** The cursor after every event recorded on or before a date or instant ("2017-05-10" includes that day). */
  cursorAt(date: string): number {
    const limit = normaliseAsOf(date, 'date');
    let c = 0;
    while (c < this.events.length && this.events[c]!.recordedAt <= limit) c++;
    return c;
  }
}
