import canonicalize from 'canonicalize';
import { toRecordedTrusted } from '../events/recorded.js';
import { startFold, type PlanFold } from '../plan/evolve.js';
import { planIdOfStream, planStream } from '../plan/decider.js';
import { initialPlanState, type PlanState } from '../plan/state.js';
import { planStateFromJson, planStateToJson } from '../plan/state-json.js';
import { iterateAll, type EventStore } from '../store/port.js';
import { CATALOGUE_MODEL, type createPlanCatalogue } from './plan-catalogue.js';
import { SNAPSHOT_MODEL, snapshotJson } from './plan-snapshots.js';

/** What `verify` found in the read models kept beside the log. */
export type ReadModelVerdict = {
  ok: boolean;
  catalogue: { checked: number };
  snapshots: { checked: number };
  /** One line per wrong entry, naming the plan and the revision; each such entry is removed, so it is never served again. */
  problems: string[];
};

/** A state as canonical JSON text, so two states compare whatever order their fields were made in. */
const canonical = (state: PlanState): string => canonicalize(planStateToJson(state)) ?? '';

/**
 * Holds the catalogue and every snapshot against the log, in one pass over it: each plan is folded
 * from its first event, its state captured at each snapshot's revision and compared (a snapshot
 * whose covering hash still matches but whose content was edited is caught only this way), and the
 * folded plans are the rebuild the catalogue is compared with.
 */
export async function checkReadModels(store: EventStore, catalogue: ReturnType<typeof createPlanCatalogue>): Promise<ReadModelVerdict> {
  const models = store.readModels;
  if (!models) return { ok: true, catalogue: { checked: 0 }, snapshots: { checked: 0 }, problems: [] };
  // A long plan's snapshot is a head (keyed by the plan id) and parts ("planId/0", ...): checked as one.
  const stored = await models.list(SNAPSHOT_MODEL);
  const isPart = (key: string) => key.includes('/');
  const snapshots = stored.filter((s) => !isPart(s.key));
  const parts = new Map(stored.filter((s) => isPart(s.key)).map((s) => [s.key, s]));
  const wanted = new Map(snapshots.map((s) => [planStream(s.key), s]));
  const captured = new Map<string, { hash: string; state: string }>();
  const folds = new Map<string, PlanFold>();
  for await (const event of iterateAll(store, { pageSize: 10_000 })) {
    if (planIdOfStream(event.stream) === null) continue;
    let fold = folds.get(event.stream);
    if (!fold) folds.set(event.stream, (fold = startFold(initialPlanState())));
    fold.add(toRecordedTrusted(event));
    const snapshot = wanted.get(event.stream);
    if (snapshot && snapshot.revision === event.revision) captured.set(event.stream, { hash: event.hash, state: canonical(fold.current()) });
  }
  const states = new Map([...folds].map(([stream, fold]) => [stream, fold.finish()]));

  const problems: string[] = [];
  const wrongSnapshots: string[] = [];
  for (const snapshot of snapshots) {
    const at = captured.get(planStream(snapshot.key));
    const where = `plan snapshot: the snapshot of plan ${snapshot.key} at revision ${snapshot.revision}`;
    const before = problems.length;
    if (!at) problems.push(`${where} covers an event the log does not have`);
    else if (at.hash !== snapshot.hash) problems.push(`${where} names hash ${snapshot.hash}, the log has ${at.hash} there`);
    else {
      let decoded: string | undefined;
      try {
        decoded = canonical(planStateFromJson(snapshotJson(snapshot, parts)));
      } catch {
        decoded = undefined;
      }
      if (decoded !== at.state) problems.push(`${where} differs from the plan refolded from the log`);
    }
    if (problems.length > before) wrongSnapshots.push(snapshot.key);
  }
  // A wrong snapshot's parts go with it; parts no snapshot names (their head replaced or dropped) are only space.
  const kept = new Map(snapshots.filter((s) => !wrongSnapshots.includes(s.key)).map((s) => [s.key, s]));
  const wrongParts = [...parts.values()].filter((p) => {
    const head = kept.get(p.key.slice(0, p.key.indexOf('/')));
    return !head || head.revision !== p.revision || head.hash !== p.hash;
  });
  const listed = await catalogue.check(states);
  problems.push(...listed.problems);
  // Caches only: a wrong entry is dropped (the log holds everything), so no later reader is served it.
  if (wrongSnapshots.length + wrongParts.length > 0) await models.remove(SNAPSHOT_MODEL, [...wrongSnapshots, ...wrongParts.map((p) => p.key)]);
  if (listed.wrongKeys.length > 0) await models.remove(CATALOGUE_MODEL, listed.wrongKeys);
  return { ok: problems.length === 0, catalogue: { checked: listed.checked }, snapshots: { checked: snapshots.length }, problems };
}
