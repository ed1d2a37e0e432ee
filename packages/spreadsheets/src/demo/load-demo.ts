import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Caller, Ragtrail } from '@ragtrail/core';
import { importTracker } from '../tracker/import.js';
import { importSummary } from '../summary/import.js';

/** The demo files ship inside this package, so the demo works in a plain clone. */
export const demoDir = fileURLToPath(new URL('../../demo/', import.meta.url));

const demoFile = async (name: string) => ({ fileName: name, content: await readFile(`${demoDir}${name}`) });

export const demoPlanIds = { tracker: 'thurrock-ofsted-tracker-2016-17', developmentPlan: 'thurrock-development-plan-2017-19' } as const;

/**
 * Loads the demo plans through the same importers users call. Loading twice is harmless: a demo
 * plan that is already in the store is left as it is.
 */
export async function loadDemo(rt: Ragtrail, caller: Caller): Promise<{ planIds: string[] }> {
  const exists = (planId: string) => rt.planExists(planId);
  if (!(await exists(demoPlanIds.tracker)))
    await importTracker(rt, {
      ...(await demoFile('ofsted-tracker-april-2017.tsv')),
      planId: demoPlanIds.tracker,
      title: 'Ofsted improvement plan: recommendations of the February 2016 inspection',
      organisation: 'Thurrock Council',
      scheme: 'ofsted-tracker-3',
    }, caller);
  if (!(await exists(demoPlanIds.developmentPlan)))
    await importSummary(rt, {
      ...(await demoFile('development-plan-2017-19-summary.tsv')),
      actions: await demoFile('development-plan-2017-19-actions.tsv'),
      planId: demoPlanIds.developmentPlan,
      title: "Children's Social Care Development Plan 2017-19",
      organisation: 'Thurrock Council',
      scheme: 'development-plan-5',
    }, caller);
  return { planIds: [demoPlanIds.tracker, demoPlanIds.developmentPlan] };
}
