import type { Command } from 'commander';
import type { OverallMethod } from '@ragtrail/core';
import { overallMethods } from '../choices.js';
import { progressBar } from '../progress.js';

// The text formats use the core's display rules, so they load with the answer, not at start.
const format = () => import('../format.js');
import { json, line, type Io } from '../io.js';
import { integer, jsonFlag, optionsOf } from '../options.js';
import { withRagtrail } from '../session.js';
import { UserError } from '../user-error.js';
import { writeOut } from '../write-out.js';

interface PeriodQuery {
  plan: string;
  period?: string;
  asOf?: string;
  json?: boolean;
}

const periodQuery = (o: PeriodQuery) => ({ ...(o.period ? { period: o.period } : {}), ...(o.asOf ? { asOf: o.asOf } : {}) });

export function registerQueries(program: Command, io: Io): void {
  program
    .command('plans')
    .description('list the plans in the store')
    .option(...jsonFlag)
    .action(async (_o, cmd: Command) => {
      const o = optionsOf<{ json?: boolean }>(cmd);
      const bar = await progressBar(io, o, 'Replaying');
      const plans = await withRagtrail(o, io, (rt) => rt.plans({ onProgress: (done, total) => bar.update(done, total, 'plans') })).finally(() => bar.stop());
      if (o.json) json(io, plans);
      else (await format()).plansText(plans).forEach((t) => line(io, t));
    });

  program
    .command('summary')
    .description("the board's RAG summary of a period against the one before")
    .requiredOption('--plan <id>', 'plan id (see `ragtrail plans`)')
    .option('--period <YYYY-MM>', 'the period (default: the latest reviewed)')
    .option('--as-of <ISO-8601>', 'as it was known at this date or instant')
    .option('--overall-method <method>', `how the overall figure is averaged: ${overallMethods.join(' or ')}`)
    .option(...jsonFlag)
    .action(async (_o, cmd: Command) => {
      const o = optionsOf<PeriodQuery & { overallMethod?: string }>(cmd);
      let method: OverallMethod | undefined;
      if (o.overallMethod !== undefined) {
        method = overallMethods.find((m) => m === o.overallMethod);
        if (!method) throw new UserError(`--overall-method must be one of ${overallMethods.join(', ')}`);
      }
      const summary = await withRagtrail(o, io, (rt) => rt.summary(o.plan, { ...periodQuery(o), ...(method ? { overallMethod: method } : {}) }));
      if (o.json) json(io, summary);
      else (await format()).summaryText(summary).forEach((t) => line(io, t));
    });

  program
    .command('exceptions')
    .description('reds, slippage, missed dates, silence, directions the scores do not bear out, off-target indicators and milestones not met')
    .requiredOption('--plan <id>', 'plan id')
    .option('--period <YYYY-MM>', 'the period (default: the latest reviewed)')
    .option('--as-of <ISO-8601>', 'as it was known at this date or instant')
    .option(...jsonFlag)
    .action(async (_o, cmd: Command) => {
      const o = optionsOf<PeriodQuery>(cmd);
      const result = await withRagtrail(o, io, (rt) => rt.exceptions(o.plan, periodQuery(o)));
      if (o.json) json(io, result);
      else (await format()).exceptionsText(result.period, result.exceptions, result.outcomes).forEach((t) => line(io, t));
    });

  program
    .command('audit')
    .description('who changed what, when and why, oldest first')
    .requiredOption('--plan <id>', 'plan id')
    .option('--action <ref>', 'only this action (id or reference, e.g. "P1.1")')
    .option('--actor <name>', 'only changes made by this person')
    .option('--type <event>', 'only this event type, e.g. EntryCorrected')
    .option('--since <ISO-8601>', 'recorded on or after')
    .option('--until <ISO-8601>', 'recorded on or before')
    .option('--as-of <ISO-8601>', 'the log as it stood at this moment')
    .option('--limit <n>', 'at most this many records', integer)
    .option('--csv <file>', 'write the whole trail (with these filters) as CSV for a spreadsheet')
    .option(...jsonFlag)
    .action(async (_o, cmd: Command) => {
      const own = cmd.opts<{ actor?: string }>();
      const o = optionsOf<{ plan: string; action?: string; type?: string; since?: string; until?: string; asOf?: string; limit?: number; csv?: string; json?: boolean }>(cmd);
      // The program also knows --actor (the acting person); on a read it can only mean the filter.
      const byActor = own.actor ?? o.actor;
      const filter = {
        ...(o.action ? { action: o.action } : {}), ...(byActor ? { actor: byActor } : {}), ...(o.type ? { type: o.type } : {}),
        ...(o.since ? { since: o.since } : {}), ...(o.until ? { until: o.until } : {}), ...(o.asOf ? { asOf: o.asOf } : {}),
      };
      if (o.csv !== undefined) {
        if (o.limit !== undefined) throw new UserError('--csv writes the whole trail: leave out --limit');
        const { exportAudit } = await import('@ragtrail/spreadsheets');
        const file = await withRagtrail(o, io, (rt) => exportAudit(rt, { planId: o.plan, ...filter }));
        return writeOut(io, o.csv, file, o.json);
      }
      const { result, scheme } = await withRagtrail(o, io, async (rt) => {
        const result = await rt.audit(o.plan, { ...filter, ...(o.limit !== undefined ? { limit: o.limit } : {}) });
        // The scheme names the levels in the sentences ("3 (Green)"); JSON needs no words.
        return { result, scheme: o.json ? null : (await rt.loadPlan(o.plan)).scheme };
      });
      if (o.json) json(io, result);
      else (await format()).auditText(result.total, result.records, scheme).forEach((t) => line(io, t));
    });

  program
    .command('evidence')
    .description('for inspectors: how long each action has held its level and the dated evidence behind it')
    .requiredOption('--plan <id>', 'plan id')
    .option('--action <ref>', 'only this action')
    .option('--period <YYYY-MM>', 'up to this period (default: the latest reviewed)')
    .option('--as-of <ISO-8601>', 'as it was known at this date or instant')
    .option(...jsonFlag)
    .action(async (_o, cmd: Command) => {
      const o = optionsOf<PeriodQuery & { action?: string }>(cmd);
      const result = await withRagtrail(o, io, (rt) => rt.evidence(o.plan, { ...periodQuery(o), ...(o.action ? { action: o.action } : {}) }));
      if (o.json) json(io, result);
      else (await format()).evidenceText(result.period, result.actions).forEach((t) => line(io, t));
    });
}
