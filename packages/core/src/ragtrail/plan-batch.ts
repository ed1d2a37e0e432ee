import { ConcurrencyError } from '../shared/errors.js';
import type { EventToAppend, RecordedEvent, StoredEvent } from '../events/envelope.js';
import { toRecorded, toRecordedTrusted } from '../events/recorded.js';
import { startFold } from '../plan/evolve.js';
import { decide, type PlanCommand } from '../plan/decider.js';
import type { AppendResult, EventStore, StagedAppend } from '../store/port.js';
import { lostRace, staleRevision, unfoldable } from './command-errors.js';
import type { PlanTimeline } from './plan-timeline.js';
import { metadataOf, sealAfter } from './seal-after.js';
import type { CommandResult, PlanBatch } from './types.js';

/**
 * The appended events with the positions the store gave them. A store that says it gave consecutive
 * positions saves reading back what was just written (300,000 events for a long tracker's import);
 * any other is read back, since only it knows the positions.
 */
async function positioned(store: EventStore, stream: string, held: readonly EventToAppend[], appended: AppendResult): Promise<StoredEvent[]> {
  if (held.length === 0) return [];
  const first = appended.lastPosition - held.length + 1;
  if (appended.firstPosition !== undefined && appended.firstPosition <= first) return held.map((event, i) => ({ ...event, position: first + i }));
  return store.readStream(stream, { fromRevision: held[0]!.revision, maxCount: held.length });
}

/** What the facade needs of a batch beyond `PlanBatch`: the last sign-off it recorded, flushed or not, for the checkpoint that follows one. */
export interface OpenedPlanBatch extends PlanBatch {
  readonly lastSignOff: RecordedEvent | undefined;
}

/**
 * Starts a batch on the plan as it is now (see `PlanBatch`). Each command's events are checked
 * against the fold as they are decided, so a batch that commits holds only events a reader can
 * apply.
 */
export async function openPlanBatch(
  deps: { store: EventStore; now: () => Date; timeline: PlanTimeline; planId: string },
  options: { expectedRevision?: number } = {},
): Promise<OpenedPlanBatch> {
  const { store, now, timeline, planId } = deps;
  const base = await timeline.refresh();
  if (options.expectedRevision !== undefined && options.expectedRevision !== base.revision)
    throw staleRevision(base.revision, options.expectedRevision);
  const fold = startFold(base);
  let held: EventToAppend[] = [];
  /** Events already handed to the store's staged append by `flush`, and the append itself. */
  let staged: StagedAppend | undefined;
  let flushed = 0;
  let lastSignOff: RecordedEvent | undefined;
  let committed = false;
  const refuseAfterCommit = () => {
    if (committed) throw new Error('This batch is committed: start another');
  };
  return {
    planId,
    get state() {
      return fold.current();
    },
    get lastSignOff() {
      return lastSignOff;
    },
    execute(type, data, caller) {
      refuseAfterCommit();
      const state = fold.current();
      const metadata = metadataOf(caller, now);
      // A new plan's id is the batch's: the batch appends to this plan's stream only.
      const input = type === 'CreatePlan' ? { ...(data as object), planId } : data;
      const sealed = sealAfter(timeline.stream, state, decide({ type, data: input, metadata } as PlanCommand, state), metadata);
      // Validated as a reader would decode them (positions are the store's to give; the fold does not read them).
      try {
        for (const event of sealed) {
          const recorded = toRecorded({ ...event, position: 0 });
          fold.add(recorded);
          if (recorded.type === 'ReviewSignedOff') lastSignOff = recorded;
        }
      } catch (error) {
        // The fold may be half-applied: this batch can no longer commit anything true.
        committed = true;
        throw unfoldable(`plan ${planId}`, error);
      }
      // A loop, not push(...sealed): one command may decide many events.
      for (const event of sealed) held.push(event);
    },
    async flush() {
      refuseAfterCommit();
      if (!store.stageAppend || held.length === 0) return;
      staged ??= store.stageAppend(timeline.stream, { expectedRevision: base.revision });
      const part = held;
      held = [];
      try {
        await staged.stage(part);
      } catch (error) {
        committed = true;
        await staged.abort();
        throw error;
      }
      flushed += part.length;
    },
    async discard() {
      committed = true;
      held = [];
      await staged?.abort();
    },
    async commit(): Promise<CommandResult> {
      refuseAfterCommit();
      committed = true;
      let appended: AppendResult;
      try {
        if (staged) {
          await staged.stage(held);
          appended = await staged.commit();
        } else appended = await store.append(timeline.stream, held, { expectedRevision: base.revision });
      } catch (error) {
        await staged?.abort();
        throw error instanceof ConcurrencyError ? lostRace(`plan ${planId}`, error, 'nothing of this batch was written') : error;
      }
      const count = flushed + held.length;
      const stored = await positioned(store, timeline.stream, held, appended);
      held = [];
      // The fold this batch checked every event against is the plan after them: the timeline takes it.
      timeline.adopt(fold.finish(), { count, firstRevision: base.revision + 1, firstPrevHash: base.lastHash }, stored);
      // Each passed the schema in `execute` (the decoded copy was folded and let go, so a long import
      // does not hold every event twice) and is at its type's current version: taken as recorded.
      // Flushed events are in the store, not here: `revision` counts them.
      return { planId, revision: base.revision + count, events: stored.map(toRecordedTrusted) };
    },
  };
}
