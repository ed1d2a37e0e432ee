/**
 * The clock a demo ragtrail stamps events with (`createRagtrail({ now: clock.now })`): the loader
 * sets it to each moment of the demo's history, then releases it to the real time, so the tokens
 * and anything done after the demo are stamped now. Each reading moves it on a second, so events
 * of one moment keep their order; it never moves backwards, as stores refuse that.
 */
export interface DemoClock {
  readonly now: () => Date;
  /** Moves the clock to `at` (an ISO date-time), or leaves it where it is if it is already later. */
  set(at: string): void;
  /** From now on the clock reads the real time. */
  release(): void;
}

export function createDemoClock(real: () => Date = () => new Date()): DemoClock {
  let t = 0;
  let released = false;
  return {
    now: () => {
      if (released) return real();
      const at = new Date(t);
      t += 1000;
      return at;
    },
    set(at) {
      const next = Date.parse(at);
      if (Number.isNaN(next)) throw new Error(`Demo clock: ${at} is not a date-time`);
      t = Math.max(t, next);
    },
    release() {
      released = true;
    },
  };
}
