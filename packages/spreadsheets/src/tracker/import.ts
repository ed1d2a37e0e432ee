import { parseInput, type Caller, type Ragtrail, type ScoringScheme } from '@ragtrail/core';
import { importAtomically } from '../commit.js';
import { ImportInput, type ImportProgress, type ImportResult } from '../input.js';
import { newPlanId } from '../plan-id.js';
import { chooseScheme } from '../scheme-choice.js';
import { readTable } from '../table/read-table.js';
import { applyTracker } from './apply.js';
import { linkCarryOvers, resolveCarryOvers } from '../carry-over.js';
import { holdsTracker, parseTracker, type TrackerSheet } from './parse.js';

async function readTracker(options: ReturnType<typeof ImportInput.parse>, scheme: ScoringScheme): Promise<{ sheet: TrackerSheet; fileName: string }> {
  const table = await readTable(options, holdsTracker(options.columnMap));
  const sheet = parseTracker(table, {
    scheme,
    ...(options.columnMap ? { columnMap: options.columnMap } : {}),
    ...(options.period ? { period: options.period } : {}),
  });
  return { sheet, fileName: table.fileName };
}

/**
 * Imports a recommendation tracker (seed 001's layout) as a new plan; nothing is written unless all
 * of it imports. Actions naming an earlier plan's recommendation ("Ofsted 14") are linked to it.
 */
export async function importTracker(rt: Ragtrail, input: ImportInput, caller: Caller, onProgress?: ImportProgress): Promise<ImportResult> {
  const options = parseInput(ImportInput, input, 'input');
  const scheme = chooseScheme(options.fileName, options.scheme, 'ofsted-tracker-3');
  // Only the parsed lines outlive this step: the table's rows (as big as the file) are not kept
  // through the import, where the plan's events need the memory.
  const { sheet, fileName } = await readTracker(options, scheme);
  const title = options.title ?? 'Ofsted recommendations improvement plan';
  const planId = newPlanId(title, options.planId);
  // Which earlier plan each "Ofsted N" comes from is settled before anything is written.
  const carry = await resolveCarryOvers(rt, sheet.lines, { fileName, organisation: options.organisation, carriesFrom: options.carriesFrom });
  let warnings: string[] = [...sheet.warnings, ...carry.warnings];
  const total = sheet.lines.length * 2;
  let done = 0;
  const result = await importAtomically(rt, planId, async (scratch, who) => {
    scratch.execute('CreatePlan', {
      planId, title, organisation: options.organisation ?? 'Not stated',
      description: `Imported from ${options.fileName}`, scheme: scheme.id, cadence: options.cadence,
    }, who);
    warnings = warnings.concat((await applyTracker(scratch, sheet, who, { fileName, onLine: () => onProgress?.(++done, total) })).warnings);
  }, caller);
  const carryOvers = await linkCarryOvers(rt, result.planId, carry.links, caller, fileName);
  return { ...result, warnings, ...(carry.links.length > 0 ? { carryOvers } : {}) };
}
