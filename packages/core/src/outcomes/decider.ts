import { holderOf, type Role } from '../access/roles.js';
import { rolesInWords } from '../access/permissions.js';
import type { DomainEvent } from '../events/catalogue.js';
import type { Comparator } from '../events/outcome-events.js';
import { findAction, requireReason, slugify } from '../plan/commands/guards.js';
import { actionsInOrder, prioritiesInOrder, type ActionState, type PlanState } from '../plan/state.js';
import type { CommandMetadata } from '../shared/command-metadata.js';
import type { Decider } from '../shared/decider.js';
import { forbidden, invalid, notFound, parseInput, ruleBroken } from '../shared/errors.js';
import { outcomeCommandSchemas, outcomeCommandWords, outcomePermissions, type OutcomeCommandData, type OutcomeCommandInput, type OutcomeCommandType } from './commands.js';
import { evolveOutcomes } from './evolve.js';
import { initialOutcomeState, type Indicator, type OutcomeState } from './state.js';

/**
 * An outcome command with what it reads besides its own stream: the plan it belongs to and, for a
 * carry-over, the plan it carries from (both read-only, as the facade's timelines hold them).
 */
export type OutcomeCommand = {
  [K in OutcomeCommandType]: { type: K; data: OutcomeCommandInput<K>; metadata: CommandMetadata; plan: PlanState; fromPlan?: PlanState | null };
}[OutcomeCommandType];

type Reads = { plan: PlanState; fromPlan: PlanState | null };
type Handler<K extends OutcomeCommandType> = (data: OutcomeCommandData<K>, state: OutcomeState, metadata: CommandMetadata, reads: Reads) => DomainEvent[];

/** Refuses in words, as plan commands do: "A viewer may not record an indicator value: that needs the officer, reviewer or admin role". */
function requireOutcomeRole(role: Role, type: OutcomeCommandType): void {
  const allowed: readonly Role[] = outcomePermissions[type];
  if (!allowed.includes(role)) throw forbidden('role', `${holderOf(role)} may not ${outcomeCommandWords[type]}: that needs ${rolesInWords(allowed)}`);
}

/** The plan's indicator by id (or by the slug of a name), refused as not found with the ids it has, naming `field`. */
export function findIndicator(state: OutcomeState, id: string, field = 'data.indicator'): Indicator {
  const found = state.indicators.get(id) ?? state.indicators.get(slugify(id));
  if (!found) throw notFound(field, `No indicator "${id}" in this plan: ${state.indicatorOrder.length === 0 ? 'define one first (indicator add)' : `its indicators are ${state.indicatorOrder.join(', ')}`}`);
  return found;
}

/** Comparators with their provenance: a figure without a source is not a fact anyone can check. */
function withSources(given: readonly { name: string; value: number; source?: string | undefined }[], fallback: string): Comparator[] {
  const seen = new Set<string>();
  return given.map((c, i) => {
    const key = c.name.toLowerCase();
    if (seen.has(key)) throw invalid(`data.comparators.${i}.name`, 'unique', `Comparator "${c.name}" is given twice`);
    seen.add(key);
    const source = c.source?.trim() || fallback;
    if (!source) throw invalid(`data.comparators.${i}.source`, 'comparator-provenance', `Comparator "${c.name}" needs the release it was published in: give its source, or the value's source`);
    return { name: c.name, value: c.value, source };
  });
}

function milestoneOf(plan: PlanState, actionRef: string, n: number): { action: ActionState; dueDate: string | null } {
  const action = findAction(plan, actionRef, 'data.action');
  const milestone = action.milestones[n - 1];
  if (!milestone)
    throw notFound('data.milestone', `${action.ref} has ${action.milestones.length === 0 ? 'no milestones' : `milestones 1 to ${action.milestones.length}`}, not ${n}`);
  return { action, dueDate: milestone.dueDate };
}

const handlers: { [K in OutcomeCommandType]: Handler<K> } = {
  DefineIndicator: (d, state, _m, { plan }) => {
    const indicatorId = d.indicatorId ?? slugify(d.name);
    if (state.indicators.has(indicatorId)) throw ruleBroken('data.indicatorId', 'unique', `Plan ${plan.planId} already has an indicator ${indicatorId}`);
    if (d.better === 'band' && !d.band) throw invalid('data.band', 'band-required', 'An indicator whose better is "band" needs a band: { low, high }');
    if (d.better !== 'band' && d.band) throw invalid('data.band', 'band-only', `A band applies only when better is "band", not "${d.better}"`);
    const priorities = prioritiesInOrder(plan);
    const priorityIds = d.priorities.map((p, i) => {
      const found = priorities.find((x) => x.priorityId === p || String(x.number) === p);
      if (!found) throw notFound(`data.priorities.${i}`, `No priority "${p}" in plan ${plan.planId}: give a priority id or number`);
      return found.priorityId;
    });
    const actionIds = d.actions.map((a, i) => findAction(plan, a, `data.actions.${i}`).actionId);
    return [{
      type: 'IndicatorDefined',
      data: { indicatorId, name: d.name, unit: d.unit, better: d.better, band: d.band ?? null, decimals: d.decimals, frequency: d.frequency, source: d.source, tolerance: d.tolerance, priorityIds, actionIds },
    }];
  },

  RecordIndicatorValue: (d, state) => {
    const indicator = findIndicator(state, d.indicator);
    if (indicator.values.has(d.period))
      throw ruleBroken('data.period', 'recorded-once', `${indicator.name} already has a value for ${d.period}: a restated value is a correction with a reason`);
    const source = d.source ?? indicator.source;
    const fallback = [source, d.release].filter(Boolean).join(', ');
    return [{ type: 'IndicatorValueRecorded', data: { indicatorId: indicator.indicatorId, period: d.period, value: d.value, source, release: d.release, comparators: withSources(d.comparators, fallback) } }];
  },

  CorrectIndicatorValue: (d, state, metadata) => {
    const indicator = findIndicator(state, d.indicator);
    const before = indicator.values.get(d.period);
    if (!before) throw notFound('data.period', `${indicator.name} has no value for ${d.period} to correct: record it instead`);
    requireReason(metadata, 'reason-on-correction', 'a corrected value must say why it was restated');
    const fallback = [before.source, before.release].filter(Boolean).join(', ');
    const beforeComparators = [...before.comparators.entries()].map(([name, c]) => ({ name, ...c }));
    const replaced = withSources(d.comparators, fallback);
    const after = {
      value: d.value ?? before.value,
      comparators: [...beforeComparators.filter((c) => !replaced.some((r) => r.name.toLowerCase() === c.name.toLowerCase())), ...replaced],
    };
    const same = after.value === before.value && replaced.every((r) => beforeComparators.some((c) => c.name === r.name && c.value === r.value && c.source === r.source));
    if (same) throw ruleBroken('data.value', 'correction-changes', `The correction of ${indicator.name} ${d.period} changes nothing: give a different --value or comparator`);
    return [{ type: 'IndicatorValueCorrected', data: { indicatorId: indicator.indicatorId, period: d.period, before: { value: before.value, comparators: beforeComparators }, after } }];
  },

  SetIndicatorTarget: (d, state) => {
    const indicator = findIndicator(state, d.indicator);
    if (indicator.better === 'band') throw ruleBroken('data.by', 'band-has-no-trajectory', `${indicator.name} is judged against its band (${indicator.band?.low} to ${indicator.band?.high}), not a trajectory`);
    return [{ type: 'IndicatorTargetSet', data: { indicatorId: indicator.indicatorId, by: d.by, value: d.value, tolerance: d.tolerance ?? null } }];
  },

  SetIndicatorBaseline: (d, state) => {
    const indicator = findIndicator(state, d.indicator);
    return [{ type: 'IndicatorBaselineSet', data: { indicatorId: indicator.indicatorId, period: d.period, value: d.value } }];
  },

  LinkMilestone: (d, state, _m, { plan }) => {
    const { action } = milestoneOf(plan, d.action, d.milestone);
    const indicator = findIndicator(state, d.indicator);
    return [{ type: 'MilestoneLinked', data: { actionId: action.actionId, milestone: d.milestone, indicatorId: indicator.indicatorId, value: d.value } }];
  },

  RecordMilestone: (d, _s, _m, { plan }) => {
    const { action } = milestoneOf(plan, d.action, d.milestone);
    if (d.evidence !== undefined) {
      const known = [...plan.evidence.values()].some((list) => list.some((e) => e.evidenceId === d.evidence));
      if (!known) throw notFound('data.evidence', `No evidence "${d.evidence}" in plan ${plan.planId}: attach it first`);
    }
    return [{ type: 'MilestoneStatusRecorded', data: { actionId: action.actionId, milestone: d.milestone, status: d.status, on: d.on, evidenceId: d.evidence ?? null } }];
  },

  ReplanMilestone: (d, state, metadata, { plan }) => {
    const { action, dueDate } = milestoneOf(plan, d.action, d.milestone);
    requireReason(metadata, 'reason-on-replan', 'a re-planned milestone must say why its date moved');
    const current = state.milestones.get(action.actionId)?.get(d.milestone)?.replans.at(-1)?.newDueDate ?? dueDate;
    if (current === d.due) throw ruleBroken('data.due', 'date-changes', `Milestone ${d.milestone} of ${action.ref} is already due on ${d.due}`);
    return [{ type: 'MilestoneReplanned', data: { actionId: action.actionId, milestone: d.milestone, previousDueDate: current, newDueDate: d.due, approvedBy: d.approvedBy } }];
  },

  LinkCarryOver: (d, state, metadata, { plan, fromPlan }) => {
    const action = findAction(plan, d.action, 'data.action');
    if (d.fromPlan === plan.planId) throw ruleBroken('data.fromPlan', 'another-plan', 'An action carries over from another plan, not its own');
    if (!fromPlan || fromPlan.status !== 'active') throw notFound('data.fromPlan', `No plan ${d.fromPlan}: list plans to see their ids`);
    const carried = actionsInOrder(fromPlan).find((a) => a.ref.trim().toLowerCase() === d.fromReference.trim().toLowerCase() || a.actionId === d.fromReference);
    if (!carried) throw notFound('data.fromReference', `Plan ${d.fromPlan} has no recommendation or action "${d.fromReference}"`);
    const existing = state.carryOvers.get(action.actionId);
    if (existing) {
      if (existing.fromPlanId === d.fromPlan && existing.fromReference === carried.ref)
        throw ruleBroken('data.fromReference', 'link-changes', `${action.ref} already carries ${carried.ref} of plan ${d.fromPlan}`);
      requireReason(metadata, 'reason-on-correction', `${action.ref} already carries ${existing.fromReference} of plan ${existing.fromPlanId}: say why the link changes`);
    }
    return [{ type: 'CarryOverLinked', data: { actionId: action.actionId, fromPlanId: d.fromPlan, fromReference: carried.ref } }];
  },
};

/** decide(command, state) -> events: the role, then the input's shape, then the outcome rules (against the plan it reads). */
export function decideOutcome(command: OutcomeCommand, state: OutcomeState): DomainEvent[] {
  requireOutcomeRole(command.metadata.actor.role, command.type);
  if (command.plan.status !== 'active') throw notFound('planId', 'No such plan: create it first, or list plans to see their ids');
  const data = parseInput(outcomeCommandSchemas[command.type], command.data, 'data');
  return (handlers[command.type] as Handler<OutcomeCommandType>)(data as never, state, command.metadata, { plan: command.plan, fromPlan: command.fromPlan ?? null });
}

/** The outcome stream's rules, shaped like the plan's and the access decider. */
export const outcomeDecider: Decider<OutcomeCommand, OutcomeState> = { decide: decideOutcome, evolve: evolveOutcomes, initialState: initialOutcomeState };
