import { readFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import type { CommandInput, CommandResult, Ragtrail, StatedDirection } from '@ragtrail/core';
import { evidenceKinds } from '../choices.js';
import { json, line, type Io } from '../io.js';
import { actorOf, direction, integer, jsonFlag, optionsOf, type GlobalOptions } from '../options.js';
import { withRagtrail } from '../session.js';
import { UserError } from '../user-error.js';
import { sha256OfFile } from './file-digest.js';

type Report = (result: CommandResult) => string;

/** Runs one plan command as the acting person and prints what it recorded. */
async function execute(cmd: Command, io: Io, o: GlobalOptions & { json?: boolean; reason?: string }, work: (rt: Ragtrail, caller: { actor: Awaited<ReturnType<typeof actorOf>>; reason?: string }) => Promise<CommandResult>, report: Report): Promise<void> {
  const actor = await actorOf(cmd, io);
  const result = await withRagtrail(o, io, async (rt) => {
    // Name what the person typed and what to do, before the core's generic "no such plan".
    const planId = (o as { plan?: unknown }).plan;
    if (typeof planId === 'string' && cmd.name() !== 'batch' && !(await rt.planExists(planId))) throw new UserError(`No plan ${planId}: \`ragtrail plans\` lists them`);
    return work(rt, { actor, ...(o.reason ? { reason: o.reason } : {}) });
  });
  if (o.json) json(io, { planId: result.planId, revision: result.revision, events: result.events.map((e) => ({ type: e.type, revision: e.revision, recordedAt: e.recordedAt, data: e.data })) });
  else line(io, `${report(result)} (plan ${result.planId}, revision ${result.revision})`);
}

const reasonOption = ['--reason <text>', 'why: needed when a score changes, a direction disagrees with the scores, or for any correction'] as const;

export function registerWrites(program: Command, io: Io): void {
  program
    .command('batch')
    .description('run many commands on one plan from a JSON file, in order, all or nothing: {"commands": [{"type", "data", "reason"?}]}')
    .argument('<file>', 'the JSON file (the body of POST /api/plans/:planId/batch)')
    .requiredOption('--plan <id>', 'plan id')
    .option('--reason <text>', "why, for commands that do not give their own reason")
    .option(...jsonFlag)
    .action(async (file: string, _o, cmd: Command) => {
      const o = optionsOf<{ plan: string; reason?: string; json?: boolean }>(cmd);
      const text = await readFile(file, 'utf8').catch(() => { throw new UserError(`${file}: no such file`); });
      let input: unknown;
      try {
        input = JSON.parse(text);
      } catch (error) {
        throw new UserError(`${file} is not JSON (${(error as Error).message}): give {"commands": [{"type": "RecordEntry", "data": {...}}]}`);
      }
      await execute(cmd, io, o, async (rt, caller) => (await import('@ragtrail/core')).runBatch(rt, o.plan, input, caller), (r) => `Recorded ${r.events.length} events from ${file}`);
    });

  program
    .command('record')
    .description("record an action's entry for a period: score, update, direction")
    .requiredOption('--plan <id>', 'plan id')
    .requiredOption('--action <ref>', 'action id or reference, e.g. "P1.1"')
    .requiredOption('--period <YYYY-MM>', 'the period (its review must be open)')
    .requiredOption('--score <n>', "a level of the plan's scheme", integer)
    .option('--update <text>', 'the narrative update', '')
    .option('--direction <d>', 'stated direction: improving, maintained or declining', direction)
    .option(...reasonOption)
    .option(...jsonFlag)
    .action(async (_o, cmd: Command) => {
      const o = optionsOf<{ plan: string; action: string; period: string; score: number; update: string; direction?: StatedDirection; reason?: string; json?: boolean }>(cmd);
      await execute(cmd, io, o, (rt, caller) =>
        rt.execute(o.plan, 'RecordEntry', { action: o.action, period: o.period, score: o.score, update: o.update, direction: o.direction ?? null }, caller),
        () => `Recorded ${o.action} ${o.period}: score ${o.score}`);
    });

  program
    .command('correct')
    .description('correct a recorded entry (a new event; the original stays in the log)')
    .requiredOption('--plan <id>', 'plan id')
    .requiredOption('--action <ref>', 'action id or reference')
    .requiredOption('--period <YYYY-MM>', 'the period of the entry')
    .option('--score <n>', 'the corrected score', integer)
    .option('--update <text>', 'the corrected update')
    .option('--direction <d>', 'the corrected stated direction', direction)
    .requiredOption(...reasonOption)
    .option(...jsonFlag)
    .action(async (_o, cmd: Command) => {
      const o = optionsOf<{ plan: string; action: string; period: string; score?: number; update?: string; direction?: StatedDirection; reason: string; json?: boolean }>(cmd);
      await execute(cmd, io, o, (rt, caller) =>
        rt.execute(o.plan, 'CorrectEntry', {
          action: o.action, period: o.period, ...(o.score !== undefined ? { score: o.score } : {}), ...(o.update !== undefined ? { update: o.update } : {}),
          ...(o.direction !== undefined ? { direction: o.direction } : {}),
        }, caller),
        () => `Corrected ${o.action} ${o.period}`);
    });

  const review = program.command('review').description('open or sign off the review of a period');
  review
    .command('open')
    .description('open the review of a period so entries can be recorded')
    .requiredOption('--plan <id>', 'plan id')
    .requiredOption('--period <YYYY-MM>', 'the period')
    .requiredOption('--reviewer <name>', 'who reviews it')
    .option('--date <YYYY-MM-DD>', 'the review date (default: today, by the clock ragtrail stamps events with)')
    .option(...jsonFlag)
    .action(async (_o, cmd: Command) => {
      const o = optionsOf<{ plan: string; period: string; reviewer: string; date?: string; json?: boolean }>(cmd);
      // Without --date the review is dated by the facade's clock (the store's time), never the machine's.
      let reviewDate = o.date ?? '';
      await execute(cmd, io, o, (rt, caller) => {
        reviewDate ||= rt.now().toISOString().slice(0, 10);
        return rt.execute(o.plan, 'OpenReview', { period: o.period, reviewer: o.reviewer, reviewDate }, caller);
      }, () => `Opened the review of ${o.period} (${o.reviewer}, ${reviewDate})`);
    });
  review
    .command('sign-off')
    .description("sign off a period's review (board); later changes need corrections with reasons")
    .requiredOption('--plan <id>', 'plan id')
    .requiredOption('--period <YYYY-MM>', 'the period')
    .option('--reason <text>', 'needed when actions were not updated this period: acknowledge it, naming how many ("3 actions not updated: carried forward")')
    .option(...jsonFlag)
    .action(async (_o, cmd: Command) => {
      const o = optionsOf<{ plan: string; period: string; reason?: string; json?: boolean }>(cmd);
      await execute(cmd, io, o, (rt, caller) => rt.execute(o.plan, 'SignOffReview', { period: o.period }, caller), () => `Signed off the review of ${o.period}`);
    });

  program
    .command('attach')
    .description('attach dated evidence to an action (a link, or a file whose SHA-256 is kept)')
    .requiredOption('--plan <id>', 'plan id')
    .requiredOption('--action <ref>', 'action id or reference')
    .requiredOption('--title <text>', 'what the evidence is')
    .addOption(new Option('--kind <kind>', 'kind of evidence').choices(evidenceKinds).default('document'))
    .requiredOption('--observed-on <YYYY-MM-DD>', 'the date the evidence is about')
    .option('--link <url>', 'where it can be read')
    .option('--file <path>', 'a local file: its SHA-256 digest is recorded, the file is not copied')
    .option(...jsonFlag)
    .action(async (_o, cmd: Command) => {
      const o = optionsOf<{ plan: string; action: string; title: string; kind: CommandInput<'AttachEvidence'>['kind']; observedOn: string; link?: string; file?: string; json?: boolean }>(cmd);
      const contentHash = o.file ? await sha256OfFile(o.file, '--file') : null;
      await execute(cmd, io, o, (rt, caller) =>
        rt.execute(o.plan, 'AttachEvidence', { action: o.action, title: o.title, kind: o.kind, observedOn: o.observedOn, link: o.link ?? null, contentHash }, caller),
        () => `Attached "${o.title}" to ${o.action}`);
    });

  program
    .command('reschedule')
    .description("move an action's due date, saying who approved it")
    .requiredOption('--plan <id>', 'plan id')
    .requiredOption('--action <ref>', 'action id or reference')
    .requiredOption('--due <YYYY-MM-DD>', 'the new due date')
    .requiredOption('--approved-by <name>', 'who approved the new date')
    .requiredOption('--reason <text>', 'why the date moves')
    .option(...jsonFlag)
    .action(async (_o, cmd: Command) => {
      const o = optionsOf<{ plan: string; action: string; due: string; approvedBy: string; reason?: string; json?: boolean }>(cmd);
      await execute(cmd, io, o, (rt, caller) => rt.execute(o.plan, 'RescheduleAction', { action: o.action, newDueDate: o.due, approvedBy: o.approvedBy }, caller),
        () => `Rescheduled ${o.action} to ${o.due}`);
    });
}
