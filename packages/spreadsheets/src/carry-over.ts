import { actionsInOrder, notFound, type Caller, type OutcomeCommandOf, type PlanState, type Ragtrail } from '@ragtrail/core';
import { CsvImportError } from './errors.js';
import type { TrackerLine } from './tracker/parse.js';

/** An action of the imported plan and the recommendation of an earlier plan it carries. */
export interface CarryLink {
  row: number;
  actionRef: string;
  fromPlanId: string;
  fromReference: string;
}

export interface CarryOptions {
  fileName: string;
  /** The new plan's organisation: only its plans are searched (every plan when the import names none). */
  organisation?: string | undefined;
  /** The plan that holds the recommendations, when more than one plan could. */
  carriesFrom?: string | undefined;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const holds = (plan: PlanState, reference: string) => actionsInOrder(plan).find((a) => same(a.ref, reference));

/** The plans a reference may come from: the one named, or the organisation's. */
async function candidatePlans(rt: Ragtrail, o: CarryOptions): Promise<PlanState[]> {
  if (o.carriesFrom !== undefined) {
    if (!(await rt.planExists(o.carriesFrom))) throw notFound('carriesFrom', `No plan ${o.carriesFrom} to carry recommendations from: \`ragtrail plans\` lists them`);
    return [await rt.loadPlan(o.carriesFrom)];
  }
  const listings = (await rt.plans()).filter((p) => o.organisation === undefined || same(p.organisation, o.organisation));
  return Promise.all(listings.map((p) => rt.loadPlan(p.planId)));
}

/**
 * Which plan each "Ofsted N" the sheet names comes from, decided before anything is written. A
 * reference held by exactly one plan links to it. One held by several plans, or one that the
 * plans holding the sheet's other references (or the plan named by `carriesFrom`) do not hold,
 * is an error naming the cell. When no plan holds any of them, the earlier plan has not been
 * imported yet: the import goes ahead with a warning and the links can be made later.
 */
export async function resolveCarryOvers(rt: Ragtrail, lines: readonly TrackerLine[], o: CarryOptions): Promise<{ links: CarryLink[]; warnings: string[] }> {
  const mentions = lines.filter((l): l is TrackerLine & { carries: NonNullable<TrackerLine['carries']> } => l.carries !== null);
  if (mentions.length === 0)
    return { links: [], warnings: o.carriesFrom === undefined ? [] : [`${o.fileName}: no action names an Ofsted recommendation ("Ofsted N"), so nothing carries from ${o.carriesFrom}`] };
  const plans = await candidatePlans(rt, o);
  const holders = mentions.map((l) => plans.filter((p) => holds(p, l.carries.reference)));
  const whose = o.carriesFrom !== undefined ? `plan ${o.carriesFrom}` : o.organisation !== undefined ? `any plan of ${o.organisation}` : 'any plan';
  if (o.carriesFrom === undefined && holders.every((h) => h.length === 0)) {
    const rows = mentions.map((l) => `${l.row} (${l.carries.reference})`).join(', ');
    return { links: [], warnings: [`${o.fileName}: rows ${rows} name Ofsted recommendations, but ${whose} holds none of them yet; import the plan that holds them first, or link each action later with \`ragtrail carry\``] };
  }
  const links = mentions.map((line, i): CarryLink => {
    const found = holders[i]!;
    const at = { fileName: o.fileName, row: line.row, column: line.carries.column, ...(line.carries.letter ? { letter: line.carries.letter } : {}) };
    if (found.length > 1)
      throw new CsvImportError(at, `"${line.carries.reference}" is a recommendation of more than one plan (${found.map((p) => p.planId).join(', ')}): pass carriesFrom (--carries-from PLAN) to say which one this plan carries`, 'carries-from-ambiguous');
    if (found.length === 0) {
      const refs = o.carriesFrom !== undefined ? ` (its references: ${actionsInOrder(plans[0]!).map((a) => a.ref).join(', ')})` : '';
      throw new CsvImportError(at, `expected a recommendation of ${whose}, but none has "${line.carries.reference}"${refs}: correct the reference, or pass carriesFrom (--carries-from PLAN)`, 'carries-from-unknown');
    }
    return { row: line.row, actionRef: line.ref, fromPlanId: found[0]!.planId, fromReference: holds(found[0]!, line.carries.reference)!.ref };
  });
  return { links, warnings: [] };
}

/**
 * Records the links on the new plan's outcome stream, in one append. The plan is written first
 * (its import is one append of its own), so a refusal here reports the plan as imported and says
 * how to link by hand; the references were checked against the same plans just before.
 */
export async function linkCarryOvers(rt: Ragtrail, planId: string, links: readonly CarryLink[], caller: Caller, fileName: string): Promise<number> {
  if (links.length === 0) return 0;
  const commands: OutcomeCommandOf[] = links.map((l) => ({ type: 'LinkCarryOver', data: { action: l.actionRef, fromPlan: l.fromPlanId, fromReference: l.fromReference } }));
  const reason = caller.reason?.trim() || `Imported from ${fileName}: the sheet names the recommendation each action carries`;
  try {
    return (await rt.executeOutcomes(planId, commands, { ...caller, reason })).events.length;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CsvImportError({ fileName }, `plan ${planId} was imported, but linking what its actions carry was refused (${message}); link them with \`ragtrail carry --plan ${planId} --action REF --from-plan PLAN --from-ref "Ofsted N"\``, 'carries-from-link');
  }
}
