import { invalid, parseInput, slugify, type Caller, type Ragtrail } from '@ragtrail/core';
import { importAtomically } from '../commit.js';
import { ImportInput, type ImportProgress, type ImportResult } from '../input.js';
import { newPlanId } from '../plan-id.js';
import { chooseScheme } from '../scheme-choice.js';
import { runAt } from '../run-command.js';
import { readTable } from '../table/read-table.js';
import { parseObjectives } from './parse.js';

/**
 * Imports a plan of priorities, objectives and milestones (seed 004's layout): each objective
 * becomes an action under its priority with "where are we now?" as its baseline, "where do we
 * want to be?" as its target and its key milestones, dated where the text gives a date.
 */
export async function importObjectives(rt: Ragtrail, input: ImportInput, caller: Caller, onProgress?: ImportProgress): Promise<ImportResult> {
  const options = parseInput(ImportInput, input, 'input');
  const { fileName } = options;
  if (options.carriesFrom !== undefined)
    throw invalid('carriesFrom', 'carries-from-layout', 'An objectives plan names no inspection recommendations: carriesFrom applies to tracker and development plan imports');
  const scheme = chooseScheme(fileName, options.scheme, 'development-plan-5');
  const plan = parseObjectives(await readTable(options), options.columnMap ? { columnMap: options.columnMap } : {});
  const title = options.title ?? "Children and Young People's Plan";
  const planId = newPlanId(title, options.planId);
  const total = plan.priorities.reduce((n, p) => n + p.objectives.length, 0);
  let done = 0;
  const result = await importAtomically(rt, planId, async (scratch, who) => {
    scratch.execute('CreatePlan', { planId, title, organisation: options.organisation ?? 'Not stated', description: `Imported from ${fileName}`, scheme: scheme.id, cadence: options.cadence }, who);
    for (const p of plan.priorities) {
      const priorityId = `p${p.number}`;
      runAt(scratch, 'AddPriority', { priorityId, number: p.number, title: p.title }, who, { fileName, row: p.row });
      for (const [i, o] of p.objectives.entries()) {
        const ref = `P${p.number}.${i + 1}`;
        runAt(scratch, 'AddAction', {
          actionId: slugify(ref), ref, priorityId, title: o.title, baseline: o.whereNow, target: o.whereWanted,
          milestones: o.milestones, dueText: o.milestonesText,
        }, who, { fileName, row: o.row });
        onProgress?.(++done, total);
      }
    }
  }, caller);
  return { ...result, warnings: plan.warnings };
}
