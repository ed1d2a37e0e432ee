// Over 250 lines: every outcome command of the command line, with the one flag map its refusals are
// worded through, kept together so a flag and the field it sets cannot drift apart.
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Frequency, IndicatorView, OutcomeCommandInput, OutcomeCommandType, Polarity, Ragtrail, RecommendationCoverage } from '@ragtrail/core';
import { frequencies, polarities } from '../choices.js';
import { UserError } from '../user-error.js';
import { json, line, type Io } from '../io.js';
import { actorOf, integer, jsonFlag, optionsOf } from '../options.js';
import { withRagtrail } from '../session.js';
import { registerIndicatorImport } from './indicator-import.js';

// The outcome commands' input fields by the flag a person typed, so a refusal names the flag.
const flags: Record<string, string> = {
  indicator: '--indicator', indicatorId: '--id', name: '--name', unit: '--unit', better: '--better', band: '--band', decimals: '--decimals', frequency: '--frequency',
  source: '--source', release: '--release', tolerance: '--tolerance', priorities: '--priority', actions: '--action', period: '--period', value: '--value',
  comparators: '--comparator', by: '--by', action: '--action', milestone: '--milestone', status: 'met|missed', on: '--on', evidence: '--evidence', due: '--due',
  approvedBy: '--approved-by', fromPlan: '--from-plan', fromReference: '--from-ref', reason: '--reason', planId: '--plan', asOf: '--as-of',
};
const flagOf = (field: string | undefined): string | undefined => {
  const name = field?.replace(/^data\./, '').split('.')[0];
  return name === undefined ? undefined : flags[name] ?? name;
};

/** A refusal as one line naming the flag at fault and the rule, e.g. "--period: ... (rule recorded-once)". */
async function asUserError(error: unknown): Promise<unknown> {
  // The core's error classes load with the first refusal, not with the command line.
  const { DomainError, ValidationError } = await import('@ragtrail/core');
  if (error instanceof ValidationError)
    return new UserError(error.issues.map((i) => `${flagOf(i.field) ?? i.field}: ${i.message} (rule ${i.rule})`).join('; '));
  if (error instanceof DomainError && error.code !== 'forbidden' && error.code !== 'conflict') {
    const flag = flagOf(error.field);
    return new UserError(`${flag ? `${flag}: ` : ''}${error.message}${error.rule ? ` (rule ${error.rule})` : ''}`);
  }
  return error;
}

function decimal(value: string): number {
  const n = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError('must be a number, e.g. 54.6.');
  return n;
}

/** "statistical neighbours=54.6" -> { name, value }. */
function comparator(value: string, previous: { name: string; value: number }[] = []): { name: string; value: number }[] {
  const at = value.lastIndexOf('=');
  const name = value.slice(0, at).trim();
  const n = Number(value.slice(at + 1).trim());
  if (at <= 0 || !name || value.slice(at + 1).trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError('must be NAME=VALUE, e.g. "statistical neighbours=54.6".');
  return [...previous, { name, value: n }];
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

async function run<K extends OutcomeCommandType>(cmd: Command, io: Io, o: { plan: string; json?: boolean; reason?: string; store?: string }, type: K, data: OutcomeCommandInput<K>, done: string): Promise<void> {
  const actor = await actorOf(cmd, io);
  const result = await withRagtrail(o, io, (rt) => rt.executeOutcome(o.plan, type, data, { actor, ...(o.reason ? { reason: o.reason } : {}) })).catch(async (e: unknown) => {
    throw await asUserError(e);
  });
  if (o.json) json(io, { planId: result.planId, revision: result.revision, events: result.events.map((e) => ({ type: e.type, revision: e.revision, recordedAt: e.recordedAt, data: e.data })) });
  else line(io, `${done} (outcomes of plan ${result.planId}, revision ${result.revision})`);
}

async function read<T>(o: { store?: string }, io: Io, work: (rt: Ragtrail) => Promise<T>): Promise<T> {
  return withRagtrail(o, io, work).catch(async (e: unknown) => {
    throw await asUserError(e);
  });
}

const comparatorsOf = (list: { name: string; value: number }[] | undefined, source: string | undefined) => (list ?? []).map((c) => ({ ...c, ...(source ? { source } : {}) }));

export function indicatorsText(list: readonly IndicatorView[]): string[] {
  if (list.length === 0) return ['No indicators yet: define one with `ragtrail indicator add`.'];
  const arrow = { improving: '↑', maintained: '→', declining: '↓' } as const;
  return list.flatMap((v) => [
    `${v.id}  ${v.direction ? `${arrow[v.direction]} ${v.direction}` : '– no previous value'}${v.rag ? `, ${v.rag}` : ''}`,
    `    ${v.sentence}`,
  ]);
}

export function coverageText(recommendations: readonly RecommendationCoverage[], exceptions: readonly string[]): string[] {
  if (recommendations.length === 0) return ['The plan has no recommendations.'];
  const out = recommendations.flatMap((r) => [
    `${r.ref} [${r.status}] ${r.title}`,
    ...(r.carriedBy.length === 0 ? ['    carried by nothing'] : r.carriedBy.map((c) => `    carried by ${c.planId} ${c.ref}: ${c.latest ? `${c.latest.label} (${c.latest.score}) in ${c.latest.period}` : 'not scored'}${c.direction ? `, ${c.direction.toLowerCase()}` : ''}${c.retired ? ', retired' : ''}, ${c.evidence} evidence`)),
    ...r.indicators.map((i) => `    indicator ${i.sentence}`),
  ]);
  return exceptions.length === 0 ? out : [...out, '', 'Exceptions:', ...exceptions.map((e) => `  ${e}`)];
}

export function registerOutcomes(program: Command, io: Io): void {
  const indicator = program.command('indicator').description("define an indicator, record, correct and target its values");
  indicator
    .command('add')
    .description('define an indicator of a plan (admin)')
    .requiredOption('--plan <id>', 'plan id').requiredOption('--id <id>', 'indicator id, e.g. cp-rate').requiredOption('--name <text>', 'its name')
    .option('--unit <text>', 'count, %, per 10,000, days ...', '')
    .addOption(new Option('--better <way>', 'which way is better').choices(polarities).makeOptionMandatory())
    .option('--band <low-high>', 'for --better band: the range on target, e.g. 15-20')
    .option('--decimals <n>', 'decimal places shown and compared', integer)
    .addOption(new Option('--frequency <f>', 'how often a value comes').choices(frequencies))
    .option('--source <text>', 'where its values come from, e.g. a DfE statistical release')
    .option('--tolerance <n>', 'how far off target still counts as within tolerance', decimal)
    .option('--priority <id>', 'a priority it evidences (repeat)', collect)
    .option('--action <ref>', 'an action or recommendation it evidences (repeat)', collect)
    .option(...jsonFlag)
    .action(async (_o, cmd: Command) => {
      const o = optionsOf<{ plan: string; id: string; name: string; unit: string; better: Polarity; band?: string; decimals?: number; frequency?: Frequency; source?: string; tolerance?: number; priority?: string[]; action?: string[]; json?: boolean }>(cmd);
      let band: { low: number; high: number } | undefined;
      if (o.band !== undefined) {
        const m = /^\s*(-?[\d.]+)\s*-\s*(-?[\d.]+)\s*$/.exec(o.band);
        if (!m) throw new UserError('--band: must be LOW-HIGH, e.g. 15-20 (rule band-format)');
        band = { low: Number(m[1]), high: Number(m[2]) };
      }
      await run(cmd, io, o, 'DefineIndicator', {
        indicatorId: o.id, name: o.name, unit: o.unit, better: o.better, ...(band ? { band } : {}), ...(o.decimals !== undefined ? { decimals: o.decimals } : {}),
        ...(o.frequency ? { frequency: o.frequency } : {}), ...(o.source ? { source: o.source } : {}), ...(o.tolerance !== undefined ? { tolerance: o.tolerance } : {}),
        priorities: o.priority ?? [], actions: o.action ?? [],
      }, `Defined indicator ${o.id}`);
    });

  indicator
    .command('record')
    .description("record a period's value with the comparators published for it (officer)")
    .requiredOption('--plan <id>', 'plan id').requiredOption('--indicator <id>', 'indicator id')
    .requiredOption('--period <YYYY-MM>', 'the period the value is for').requiredOption('--value <n>', 'the value', decimal)
    .option('--comparator <NAME=VALUE>', 'a comparator figure for the period, e.g. "statistical neighbours=54.6" (repeat)', comparator)
    .option('--comparator-source <text>', "the release the comparators come from (default: the value's source)")
    .option('--source <text>', "where the value comes from (default: the indicator's source)")
    .option('--release <text>', 'which release of the source')
    .option(...jsonFlag)
    .action(async (_o, cmd: Command) => {
      const o = optionsOf<{ plan: string; indicator: string; period: string; value: number; comparator?: { name: string; value: number }[]; comparatorSource?: string; source?: string; release?: string; json?: boolean }>(cmd);
      await run(cmd, io, o, 'RecordIndicatorValue', {
        indicator: o.indicator, period: o.period, value: o.value, comparators: comparatorsOf(o.comparator, o.comparatorSource),
        ...(o.source ? { source: o.source } : {}), ...(o.release ? { release: o.release } : {}),
      }, `Recorded ${o.indicator} ${o.period}: ${o.value}`);
    });

  indicator
    .command('correct')
    .description('restate a recorded value or comparator, with a reason (reviewer)')
    .requiredOption('--plan <id>', 'plan id').requiredOption('--indicator <id>', 'indicator id').requiredOption('--period <YYYY-MM>', 'the period')
    .option('--value <n>', 'the corrected value', decimal)
    .option('--comparator <NAME=VALUE>', 'a corrected comparator figure (repeat)', comparator)
    .option('--comparator-source <text>', 'the release the corrected comparators come from')
    .requiredOption('--reason <text>', 'why the value is restated')
    .option(...jsonFlag)
    .action(async (_o, cmd: Command) => {
      const o = optionsOf<{ plan: string; indicator: string; period: string; value?: number; comparator?: { name: string; value: number }[]; comparatorSource?: string; reason: string; json?: boolean }>(cmd);
      await run(cmd, io, o, 'CorrectIndicatorValue', { indicator: o.indicator, period: o.period, ...(o.value !== undefined ? { value: o.value } : {}), comparators: comparatorsOf(o.comparator, o.comparatorSource) }, `Corrected ${o.indicator} ${o.period}`);
    });

  indicator
    .command('target')
    .description('set a point of the target trajectory, and the tolerance (reviewer)')
    .requiredOption('--plan <id>', 'plan id').requiredOption('--indicator <id>', 'indicator id')
    .requiredOption('--by <YYYY-MM>', 'the period the target is for').requiredOption('--value <n>', 'the target value', decimal)
    .option('--tolerance <n>', 'how far off target still counts as within tolerance', decimal)
    .option(...jsonFlag)
    .action(async (_o, cmd: Command) => {
      const o = optionsOf<{ plan: string; indicator: string; by: string; value: number; tolerance?: number; json?: boolean }>(cmd);
      await run(cmd, io, o, 'SetIndicatorTarget', { indicator: o.indicator, by: o.by, value: o.value, ...(o.tolerance !== undefined ? { tolerance: o.tolerance } : {}) }, `Target for ${o.indicator}: ${o.value} by ${o.by}`);
    });

  indicator
    .command('baseline')
    .description('set the baseline the direction is measured from (reviewer)')
    .requiredOption('--plan <id>', 'plan id').requiredOption('--indicator <id>', 'indicator id')
    .requiredOption('--period <YYYY-MM>', 'the baseline period').requiredOption('--value <n>', 'the baseline value', decimal)
    .option(...jsonFlag)
    .action(async (_o, cmd: Command) => {
      const o = optionsOf<{ plan: string; indicator: string; period: string; value: number; json?: boolean }>(cmd);
      await run(cmd, io, o, 'SetIndicatorBaseline', { indicator: o.indicator, period: o.period, value: o.value }, `Baseline for ${o.indicator}: ${o.value} in ${o.period}`);
    });

  registerIndicatorImport(indicator, io);

  program
    .command('indicators')
    .description("each indicator's latest value, direction, target, comparators and RAG")
    .requiredOption('--plan <id>', 'plan id')
    .option('--period <YYYY-MM>', 'as the figures stood in this period (default: the latest values)')
    .option('--as-of <ISO-8601>', 'as it was known at this date or instant')
    .option('--priority <id>', 'only the indicators of this priority')
    .option(...jsonFlag)
    .action(async (_o, cmd: Command) => {
      const o = optionsOf<{ plan: string; period?: string; asOf?: string; priority?: string; json?: boolean }>(cmd);
      const result = await read(o, io, (rt) => rt.indicators(o.plan, { ...(o.period ? { period: o.period } : {}), ...(o.asOf ? { asOf: o.asOf } : {}), ...(o.priority ? { priority: o.priority } : {}) }));
      if (o.json) json(io, result);
      else indicatorsText(result.indicators).forEach((t) => line(io, t));
    });

  registerMilestones(program, io);

  program
    .command('carry')
    .description('say which recommendation (or action) of another plan an action carries; changing it needs --reason (reviewer)')
    .requiredOption('--plan <id>', 'plan id').requiredOption('--action <ref>', 'the action that carries it')
    .requiredOption('--from-plan <id>', 'the plan it comes from').requiredOption('--from-ref <ref>', 'its reference there, e.g. "Ofsted 3"')
    .option('--reason <text>', 'why, when the action already carried something else')
    .option(...jsonFlag)
    .action(async (_o, cmd: Command) => {
      const o = optionsOf<{ plan: string; action: string; fromPlan: string; fromRef: string; reason?: string; json?: boolean }>(cmd);
      await run(cmd, io, o, 'LinkCarryOver', { action: o.action, fromPlan: o.fromPlan, fromReference: o.fromRef }, `${o.action} carries ${o.fromRef} of ${o.fromPlan}`);
    });

  program
    .command('outcome-audit')
    .description("who changed the plan's indicators, milestones and carry-overs, when and why, with before and after")
    .requiredOption('--plan <id>', 'plan id')
    .option('--as-of <ISO-8601>', 'the log as it stood at this moment')
    .option(...jsonFlag)
    .action(async (_o, cmd: Command) => {
      const o = optionsOf<{ plan: string; asOf?: string; json?: boolean }>(cmd);
      const result = await read(o, io, (rt) => rt.outcomeAudit(o.plan, o.asOf ? { asOf: o.asOf } : {}));
      if (o.json) return json(io, result);
      if (result.total === 0) return line(io, 'No outcome changes recorded.');
      // The same sentences as the plan's trail: "Target for 2018-03 set to 50", never field=value.
      (await import('../format.js')).auditText(result.total, result.records).forEach((t) => line(io, t));
    });

  program
    .command('coverage')
    .description('for each recommendation of an inspection plan: the actions in later plans that carry it, and whether it is assured')
    .requiredOption('--plan <id>', 'the inspection plan (tracker) id')
    .option('--as-of <ISO-8601>', 'as it was known at this date or instant')
    .option(...jsonFlag)
    .action(async (_o, cmd: Command) => {
      const o = optionsOf<{ plan: string; asOf?: string; json?: boolean }>(cmd);
      const result = await read(o, io, (rt) => rt.coverage(o.plan, o.asOf ? { asOf: o.asOf } : {}));
      if (o.json) json(io, result);
      else coverageText(result.recommendations, result.exceptions).forEach((t) => line(io, t));
    });
}

function registerMilestones(program: Command, io: Io): void {
  const milestone = program.command('milestone').description("record a milestone met or missed, re-plan it, or link it to an indicator");
  for (const status of ['met', 'missed'] as const)
    milestone
      .command(status)
      .description(`record a milestone ${status}${status === 'met' ? ' (with evidence)' : ''}`)
      .requiredOption('--plan <id>', 'plan id').requiredOption('--action <ref>', 'action id or reference')
      .requiredOption('--milestone <n>', "the milestone's number in the action (from 1)", integer)
      .option('--on <YYYY-MM-DD>', 'the date (default: today)')
      .option('--evidence <id>', 'evidence attached to the plan that shows it')
      .option(...jsonFlag)
      .action(async (_o, cmd: Command) => {
        const o = optionsOf<{ plan: string; action: string; milestone: number; on?: string; evidence?: string; json?: boolean }>(cmd);
        await run(cmd, io, o, 'RecordMilestone', { action: o.action, milestone: o.milestone, status, on: o.on ?? new Date().toISOString().slice(0, 10), ...(o.evidence ? { evidence: o.evidence } : {}) },
          `Milestone ${o.milestone} of ${o.action}: ${status}`);
      });
  milestone
    .command('replan')
    .description('move a milestone to a new date, saying who approved it and why')
    .requiredOption('--plan <id>', 'plan id').requiredOption('--action <ref>', 'action id or reference')
    .requiredOption('--milestone <n>', "the milestone's number", integer).requiredOption('--due <YYYY-MM-DD>', 'the new date')
    .requiredOption('--approved-by <name>', 'who approved it').requiredOption('--reason <text>', 'why the date moves')
    .option(...jsonFlag)
    .action(async (_o, cmd: Command) => {
      const o = optionsOf<{ plan: string; action: string; milestone: number; due: string; approvedBy: string; reason: string; json?: boolean }>(cmd);
      await run(cmd, io, o, 'ReplanMilestone', { action: o.action, milestone: o.milestone, due: o.due, approvedBy: o.approvedBy }, `Milestone ${o.milestone} of ${o.action} re-planned to ${o.due}`);
    });
  milestone
    .command('link')
    .description("link a numeric milestone to an indicator: its status then follows the indicator's value")
    .requiredOption('--plan <id>', 'plan id').requiredOption('--action <ref>', 'action id or reference')
    .requiredOption('--milestone <n>', "the milestone's number", integer).requiredOption('--indicator <id>', 'indicator id')
    .requiredOption('--value <n>', 'the value the milestone asks for', decimal)
    .option(...jsonFlag)
    .action(async (_o, cmd: Command) => {
      const o = optionsOf<{ plan: string; action: string; milestone: number; indicator: string; value: number; json?: boolean }>(cmd);
      await run(cmd, io, o, 'LinkMilestone', { action: o.action, milestone: o.milestone, indicator: o.indicator, value: o.value }, `Milestone ${o.milestone} of ${o.action} follows ${o.indicator} (${o.value})`);
    });
  program
    .command('milestones')
    .description('every milestone with its status: upcoming, due, met or missed')
    .requiredOption('--plan <id>', 'plan id')
    .option('--period <YYYY-MM>', 'status at the end of this period')
    .option('--as-of <ISO-8601>', 'as it was known at this date or instant')
    .option(...jsonFlag)
    .action(async (_o, cmd: Command) => {
      const o = optionsOf<{ plan: string; period?: string; asOf?: string; json?: boolean }>(cmd);
      const result = await read(o, io, (rt) => rt.milestones(o.plan, { ...(o.period ? { period: o.period } : {}), ...(o.asOf ? { asOf: o.asOf } : {}) }));
      if (o.json) return json(io, result);
      if (result.milestones.length === 0) return line(io, 'The plan has no milestones.');
      for (const m of result.milestones) line(io, `${m.ref} #${m.milestone} ${m.status.padEnd(8)} ${m.dueDate ?? '–'}  ${m.text}${m.exception ? `\n    ${m.exception}` : ''}`);
    });
}
