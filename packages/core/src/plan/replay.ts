import type { StoredEvent } from '../events/envelope.js';
import { toRecorded, toRecordedTrusted } from '../events/recorded.js';
import type { EventStore } from '../store/port.js';
import { startFold, type PlanFold } from './evolve.js';
import { initialPlanState, type PlanState } from './state.js';

/**
 * Tunes `replayPlans`: which streams to fold, the page size read from the store, and whether to re-validate
 * each event.
 */
export interface ReplayOptions {
  /** Fold only these streams (default: every stream named `plan-...`). */
  streams?: (stream: string) => boolean;
  /** Events read per page from the store (default 10,000). */
  pageSize?: number;
  /**
   * Decode current-version events without re-validating them (default true): they were written by
   * this library from parsed input. Old versions are always upcast and validated. Pass false
   * for a store whose events may come from elsewhere.
   */
  trusted?: boolean;
  onProgress?: (events: number) => void;
}

/**
 * Rebuilds every plan's state from the whole log in one pass over the global order: the fast path
 * for full rebuilds (a projection rebuilt from scratch, a benchmark). Each plan is folded into one
 * plain object across all pages and frozen once at the end; the result equals folding each
 * plan's events one by one with `evolve`.
 */
export async function replayPlans(store: EventStore, options: ReplayOptions = {}): Promise<Map<string, PlanState>> {
  const include = options.streams ?? ((stream: string) => stream.startsWith('plan-'));
  const decode: (e: StoredEvent) => ReturnType<typeof toRecorded> = options.trusted === false ? toRecorded : toRecordedTrusted;
  const pageSize = options.pageSize ?? 10_000;
  const folds = new Map<string, PlanFold | null>();
  let seen = 0;
  for (let after = 0; ; ) {
    const page = await store.readAll({ after, maxCount: pageSize });
    for (const event of page) {
      let fold = folds.get(event.stream);
      if (fold === undefined) folds.set(event.stream, (fold = include(event.stream) ? startFold(initialPlanState()) : null));
      fold?.add(decode(event));
    }
    seen += page.length;
    options.onProgress?.(seen);
    if (page.length < pageSize) break;
    after = page[page.length - 1]!.position;
  }
  const states = new Map<string, PlanState>();
  for (const [stream, fold] of folds) if (fold) states.set(stream, fold.finish());
  return states;
}
