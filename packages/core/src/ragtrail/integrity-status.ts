import type { ChainBreak } from '../chain/hash-chain.js';
import { planStream } from '../plan/decider.js';
import type { EventStore } from '../store/port.js';
import { INTEGRITY_STREAM } from './integrity-stream.js';
import type { LogIntegrity } from './log-integrity.js';
import type { PlanTimeline } from './plan-timeline.js';

/** What every answer about a plan says when its log cannot be trusted: where it broke and how. */
export type IntegrityFlag = {
  stream: string;
  /** The first revision that fails, or null when the whole log (not one event) is in question. */
  revision: number | null;
  eventId: string | null;
  problem: ChainBreak['problem'] | 'cut-from-end' | 'below-checkpoint';
  message: string;
};

/** Whether a plan's log holds: its chain, its length, and the store's latest checkpoint. */
export type PlanIntegrity = { ok: true } | { ok: false; firstBreak: IntegrityFlag };

/** The app's integrity at a glance: the access stream, the store's own checkpoints, and each plan folded so far. */
export type LogIntegrityStatus = {
  ok: boolean;
  access: ChainBreak | null;
  checkpoints: IntegrityFlag | null;
  plans: { planId: string; firstBreak: IntegrityFlag }[];
};

/**
 * The checks a front end runs on every answer about a plan, cheap enough for the request path: the
 * chain as folded (each event's hash and link), the store's revision against the last event (a cut
 * end), and the log against the store's latest checkpoint. That last one needs the log-wide tree:
 * it is held again only when a checkpoint is added, since the tree only ever reads what is new.
 */
export function createIntegrityStatus(deps: {
  store: EventStore;
  integrity: LogIntegrity;
  timeline: (planId: string) => PlanTimeline;
  timelines: () => Iterable<[string, PlanTimeline]>;
  accessIntegrity: () => Promise<ChainBreak | null>;
}) {
  const { store, integrity, timeline } = deps;
  let held: { integrityRevision: number; flag: Promise<IntegrityFlag | null> } | null = null;

  function belowCheckpoint(): Promise<IntegrityFlag | null> {
    return store.streamRevision(INTEGRITY_STREAM).then((integrityRevision) => {
      // No integrity stream, no stored checkpoint: nothing to hold the log against (and no tree to load).
      if (integrityRevision < 0) return null;
      if (held?.integrityRevision !== integrityRevision) {
        const flag = integrity.verifyStored().then((v): IntegrityFlag | null =>
          v.ok ? null : { stream: v.firstBreak?.stream ?? 'the whole log', revision: v.firstBreak?.revision ?? null, eventId: v.firstBreak?.eventId ?? null, problem: 'below-checkpoint', message: v.message });
        held = { integrityRevision, flag };
        // A failed check is asked again next time rather than remembered.
        flag.catch(() => { held = null; });
      }
      return held.flag;
    });
  }

  async function planIntegrity(planId: string): Promise<PlanIntegrity> {
    const t = timeline(planId);
    const state = await t.refresh();
    if (t.broken) return { ok: false, firstBreak: t.broken };
    const stream = planStream(planId);
    const listed = await store.streamRevision(stream);
    if (listed > state.revision)
      return { ok: false, firstBreak: { stream, revision: state.revision + 1, eventId: null, problem: 'cut-from-end', message: `the store says ${stream} is at revision ${listed} but its last event is revision ${state.revision}: events were removed from its end` } };
    const cut = await belowCheckpoint();
    return cut ? { ok: false, firstBreak: cut } : { ok: true };
  }

  return {
    planIntegrity,
    async status(): Promise<LogIntegrityStatus> {
      const [access, checkpoints] = await Promise.all([deps.accessIntegrity(), belowCheckpoint()]);
      const plans: LogIntegrityStatus['plans'] = [];
      for (const [planId, t] of deps.timelines()) if (t.broken) plans.push({ planId, firstBreak: t.broken });
      return { ok: access === null && checkpoints === null && plans.length === 0, access, checkpoints, plans };
    },
  };
}
