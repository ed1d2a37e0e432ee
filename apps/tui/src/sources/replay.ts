import { evolveAll, exceptions, initialPlanState, normaliseAsOf, ragSummary, type PlanException, type PlanState, type RagSummary, type RecordedEvent } from '@ragtrail/core';

const CHECKPOINT = 200;

/** The period an event is about, when it is about one. */
export const periodOfEvent = (event: RecordedEvent): string | null =>
  'period' in event.data && typeof event.data.period === 'string' ? event.data.period : null;

export interface ReplayFrame {
  /** How many events are applied: 0 is before the plan existed, `events.length` is now. */
  cursor: number;
  event: RecordedEvent | null;
  state: PlanState;
  period: string | null;
  summary: RagSummary | null;
  exceptions: PlanException[];
}

/**
 * A plan's log replayed with the core's own fold and projections, so a frame is the dashboard
 * exactly as it stood after that event. Checkpoints keep stepping backwards cheap on long logs.
 */
export class Replay {
  private readonly checkpoints: PlanState[] = [];
  /**
   * The period in focus after each prefix: the latest one any event so far named, as a board
   * looks at its latest month (an import that interleaves months still moves forward).
   */
  private readonly focus: (string | null)[] = [];

  constructor(readonly events: readonly RecordedEvent[]) {
    let state = initialPlanState();
    let period: string | null = null;
    this.focus.push(null);
    this.checkpoints.push(state);
    for (let i = 0; i < events.length; i++) {
      const named = periodOfEvent(events[i]!);
      if (named !== null && (period === null || named > period)) period = named;
      this.focus.push(period);
      if ((i + 1) % CHECKPOINT === 0) {
        state = evolveAll(state, events.slice(i + 1 - CHECKPOINT, i + 1));
        this.checkpoints.push(state);
      }
    }
  }

  get length(): number {
    return this.events.length;
  }

  stateAt(cursor: number): PlanState {
    const c = Math.max(0, Math.min(cursor, this.events.length));
    const k = Math.floor(c / CHECKPOINT);
    return evolveAll(this.checkpoints[k]!, this.events.slice(k * CHECKPOINT, c));
  }

  frame(cursor: number): ReplayFrame {
    const c = Math.max(0, Math.min(cursor, this.events.length));
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

  /** The end of the next run of events about one period (or the previous run, backwards). */
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
