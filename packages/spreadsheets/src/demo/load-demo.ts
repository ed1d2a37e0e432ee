import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { developmentPlanScheme, ofstedTrackerScheme, type Ragtrail } from '@ragtrail/core';
import { parseSummary } from '../summary/parse.js';
import { readTable } from '../table/read-table.js';
import { holdsTracker, parseTracker } from '../tracker/parse.js';
import type { DemoClock } from './demo-clock.js';
import { developmentPlanHistory } from './development-plan-history.js';
import { demoPlanIds, playHistory, type DemoMoment } from './history.js';
import { trackerHistory } from './tracker-history.js';
import { loadDemoOutcomes } from './outcomes.js';

export { demoPlanIds } from './history.js';

/** The demo files ship inside this package, so the demo works in a plain clone. */
export const demoDir = fileURLToPath(new URL('../../demo/', import.meta.url));

const demoFile = async (name: string) => ({ fileName: name, content: await readFile(`${demoDir}${name}`) });
const summaryFile = 'development-plan-2017-19-summary.tsv';

async function trackerMoments(): Promise<DemoMoment[]> {
  const sheet = parseTracker(await readTable(await demoFile('ofsted-tracker-april-2017.tsv'), holdsTracker()), { scheme: ofstedTrackerScheme });
  return trackerHistory(sheet);
}

async function developmentPlanMoments(): Promise<DemoMoment[]> {
  const summary = parseSummary(await readTable(await demoFile(summaryFile)), developmentPlanScheme);
  const actions = parseTracker(await readTable(await demoFile('development-plan-2017-19-actions.tsv'), holdsTracker()), {
    scheme: developmentPlanScheme, refPrefix: 'Action', period: '2018-03',
  });
  return developmentPlanHistory(summary, actions, summaryFile);
}

export interface DemoLoad {
  planIds: string[];
  /** Plans this call loaded; the others were in the store already and were left as they were. */
  loaded: string[];
  events: number;
}

/**
 * Loads the demo plans as a history, through the same commands people use, each stamped at its
 * moment by `clock` (the clock `rt` was created with: `createRagtrail({ store, now: clock.now })`),
 * then releases the clock to the real time. A demo plan already in the store is left as it is.
 * The history begins in December 2016: a store holding anything recorded later refuses it whole.
 */
export async function loadDemo(rt: Ragtrail, clock: DemoClock): Promise<DemoLoad> {
  const planIds = [demoPlanIds.tracker, demoPlanIds.developmentPlan];
  const missing: string[] = [];
  for (const planId of planIds) if (!(await rt.planExists(planId))) missing.push(planId);
  const moments = [
    ...(missing.includes(demoPlanIds.tracker) ? await trackerMoments() : []),
    ...(missing.includes(demoPlanIds.developmentPlan) ? await developmentPlanMoments() : []),
  ];
  try {
    const events = await playHistory(rt, clock, moments);
    // Indicators, milestones and carried-over recommendations of the source documents (demo/outcomes.ts).
    const outcomes = await loadDemoOutcomes(rt, (at) => clock.set(at));
    return { planIds: [...planIds, demoPlanIds.childrensPlan], loaded: [...missing, ...outcomes.planIds], events: events + outcomes.events };
  } finally {
    clock.release();
  }
}
