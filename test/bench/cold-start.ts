// cold-start-plans and cold-start-summary on one store: the first plan list, and the first summary of
// one plan, by a process that has just opened a store holding COLD_EVENTS events (default 1,000,000:
// about 981 plans of 1,019 events), each against the full fold it replaces, measured in the same run.
import { createRagtrail, evolveAll, initialPlanState, ragSummary, replayPlans, toRecorded, type EventStore } from '../../packages/core/src/index.js';
import { MONTHS, generateLog, periodAt } from '../../packages/store-sqlite/bench/plan-log.js';
import { progress, report } from '../../packages/store-sqlite/bench/report.js';

export const COLD_EVENTS = Number(process.env.COLD_EVENTS ?? 1_000_000);
/** Each cold measurement opens the store afresh this many times; the median is reported. */
const REPEAT = Number(process.env.COLD_REPEAT ?? 3);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Times `work` on a store opened just before (not counted) and closed after, REPEAT times. */
async function cold(open: () => Promise<EventStore>, work: (store: EventStore) => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const store = await open();
    const t = performance.now();
    await work(store);
    times.push(performance.now() - t);
    await store.close();
  }
  return median(times);
}

export async function coldStart(kind: string, open: () => Promise<EventStore>): Promise<void> {
  const writer = await open();
  let t = performance.now();
  const { plans } = await generateLog(writer, COLD_EVENTS);
  progress(`${kind}: log of ${plans.length} plans written in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  // What the app leaves beside the log in use: the catalogue (a log written by appends alone gets it
  // by one rebuild) and the snapshot of a plan someone opened.
  const planId = plans[Math.floor(plans.length / 2)]!;
  const first = createRagtrail({ store: writer });
  t = performance.now();
  await first.rebuildCatalogue();
  progress(`${kind}: catalogue rebuilt in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  await first.loadPlan(planId);
  await first.close();

  const period = periodAt(MONTHS - 1);
  const listed = await cold(open, async (store) => {
    const plansNow = await createRagtrail({ store }).plans();
    if (plansNow.length !== plans.length) throw new Error(`listed ${plansNow.length} plans, the log holds ${plans.length}`);
  });
  const replayed = await cold(open, async (store) => {
    const states = await replayPlans(store);
    const listing = [...states.values()].filter((s) => s.status === 'active').map((s) => ({ planId: s.planId, title: s.title, revision: s.revision }));
    if (listing.length !== plans.length) throw new Error(`replayed ${listing.length} plans, the log holds ${plans.length}`);
  });
  report(`cold-start-plans/${kind}`, listed, 'ms', `full replay of the ${plans.length}-plan log to list them`, replayed, false);

  const summarised = await cold(open, async (store) => {
    await createRagtrail({ store }).summary(planId, { period });
  });
  const folded = await cold(open, async (store) => {
    const state = evolveAll(initialPlanState(), (await store.readStream(`plan-${planId}`)).map(toRecorded));
    ragSummary(state, period);
  });
  report(`cold-start-summary/${kind}`, summarised, 'ms', "reading and folding the plan's whole stream, then its summary", folded, false);
}
