import { z } from 'zod';
import { Period, parseInput, previousPeriod, type Caller, type Ragtrail } from '@ragtrail/core';
import { importAtomically } from '../commit.js';
import { CsvImportError } from '../errors.js';
import { ImportInput, type ImportProgress, type ImportResult } from '../input.js';
import { newPlanId } from '../plan-id.js';
import { chooseScheme } from '../scheme-choice.js';
import { FileInput, readTable } from '../table/read-table.js';
import { applyTracker } from '../tracker/apply.js';
import { linkCarryOvers, resolveCarryOvers } from '../carry-over.js';
import { holdsTracker, parseTracker } from '../tracker/parse.js';
import { parseSummary } from './parse.js';

export const SummaryInput = ImportInput.extend({
  /** The months of the "Previous period" and "Current period" columns, when the sheet does not name them. */
  periods: z.object({ previous: Period, current: Period }).optional(),
  /**
   * Optionally, the plan's actions in the tracker layout with a "Priority" column, imported in the
   * same all-or-nothing step. Its columnMap, else the summary's (the summary itself is read by its
   * text, not its headers).
   */
  actions: FileInput.extend({ columnMap: z.record(z.string(), z.string()).optional() }).optional(),
});
export type SummaryInput = z.input<typeof SummaryInput>;

/**
 * Imports a development plan's RAG summary (seeds 000 and 002): its priorities, and their
 * previous and current figures recorded as imported figures of the named periods (never as
 * computed ones). With `actions`, the plan's scored actions come in too, so ragtrail's computed
 * summary can be compared with the figures the council reported.
 */
export async function importSummary(rt: Ragtrail, input: SummaryInput, caller: Caller, onProgress?: ImportProgress): Promise<ImportResult> {
  const options = parseInput(SummaryInput, input, 'input');
  const { fileName } = options;
  const scheme = chooseScheme(fileName, options.scheme, 'development-plan-5');
  const sheet = parseSummary(await readTable(options), scheme);
  const current = sheet.periods.current ?? options.periods?.current ?? options.period ?? null;
  if (current === null)
    throw new CsvImportError({ fileName, column: 'Current period' }, 'expected the month of the current period: name it in the header ("April 2018") or pass periods { previous, current }', 'period');
  const previous = sheet.periods.previous ?? options.periods?.previous ?? previousPeriod(current, options.cadence);
  if (previous >= current)
    throw new CsvImportError({ fileName, column: 'Previous period' }, `expected the previous period (${previous}) to come before the current one (${current})`, 'period-order');

  const actionsMap = options.actions?.columnMap ?? options.columnMap;
  const actionsTable = options.actions
    ? await readTable({ ...(options.limits ? { limits: options.limits } : {}), ...options.actions }, holdsTracker(actionsMap))
    : null;
  const actionsFile = actionsTable?.fileName ?? '';
  const actionsSheet = actionsTable
    ? parseTracker(actionsTable, { scheme, refPrefix: 'Action', period: current, ...(actionsMap ? { columnMap: actionsMap } : {}) })
    : null;
  if (actionsSheet && actionsSheet.period !== current)
    throw new CsvImportError({ fileName: actionsFile, column: 'Update <Month YY>' }, `expected the actions' update month to be the summary's current period (${current}), found ${actionsSheet.period}`, 'one-period');

  const title = options.title ?? 'Development plan';
  const planId = newPlanId(title, options.planId);
  // Which earlier plan each "Ofsted N" comes from is settled before anything is written.
  const carry = await resolveCarryOvers(rt, actionsSheet?.lines ?? [], { fileName: actionsFile || fileName, organisation: options.organisation, carriesFrom: options.carriesFrom });
  const warnings: string[] = [...(actionsSheet?.warnings ?? []), ...carry.warnings];
  const total = sheet.priorities.length + (actionsSheet?.lines.length ?? 0) * 2;
  let done = 0;
  const step = () => onProgress?.(++done, total);
  const result = await importAtomically(rt, planId, async (scratch, who) => {
    scratch.execute('CreatePlan', { planId, title, organisation: options.organisation ?? 'Not stated', description: `Imported from ${fileName}`, scheme: scheme.id, cadence: options.cadence }, who);
    const priorities = new Map<number, string>();
    for (const p of sheet.priorities) {
      const priorityId = `p${p.number}`;
      scratch.execute('AddPriority', { priorityId, number: p.number, title: p.title }, who);
      priorities.set(p.number, priorityId);
      step();
    }
    for (const [period, pick, overall] of [[previous, 'previous', sheet.overall?.previous], [current, 'current', sheet.overall?.current]] as const)
      scratch.execute('ImportFigures', {
        period, source: fileName, overall: overall ?? null,
        priorities: sheet.priorities.map((p) => ({ priorityId: `p${p.number}`, figure: p[pick] })),
      }, who);
    if (actionsSheet) {
      const unknown = actionsSheet.lines.find((l) => l.priority && !priorities.has(l.priority.number));
      if (unknown) throw new CsvImportError({ fileName: actionsFile, row: unknown.row, column: 'Priority' }, `expected one of the summary's priorities 1-${sheet.priorities.length}, found ${unknown.priority!.number}`, 'priority');
      warnings.push(...(await applyTracker(scratch, actionsSheet, who, { fileName: actionsFile, priorities, onLine: step })).warnings);
    }
  }, caller);
  const carryOvers = await linkCarryOvers(rt, result.planId, carry.links, caller, actionsFile);
  return { ...result, warnings, ...(carry.links.length > 0 ? { carryOvers } : {}) };
}
