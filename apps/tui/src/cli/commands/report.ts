import { Option, type Command } from 'commander';
import type { Io } from '../io.js';
import { jsonFlag, optionsOf } from '../options.js';
import { withRagtrail } from '../session.js';
import { writeOut } from '../write-out.js';

type ReportKind = 'board' | 'evidence' | 'scrutiny';

/** `report board|evidence`: the reports package renders, this only opens the store and writes the file. */
export function registerReport(program: Command, io: Io): void {
  const report = program.command('report').description('write the monthly board report or the inspector evidence pack');
  const kinds: Record<ReportKind, string> = {
    board: "the Improvement Board's monthly report: RAG summary, exceptions, movements",
    evidence: "the inspector's evidence pack: trajectories, evidence, corrections, direction claims, integrity",
    scrutiny: 'the scrutiny progress report: per priority, what changed, indicators against comparators, milestones met and missed',
  };
  for (const kind of Object.keys(kinds) as ReportKind[]) {
    report
      .command(kind)
      .description(kinds[kind])
      .requiredOption('--plan <id>', 'plan id')
      .option('--period <YYYY-MM>', 'the period reported (default: the latest scored; for scrutiny, the latest with a review or an indicator value)')
      .option('--as-of <ISO-8601>', 'as the log stood at this moment (default: now)')
      .addOption(new Option('--format <format>', 'file format (pdf needs Chromium)').choices(['md', 'html', 'xlsx', 'pdf']).makeOptionMandatory())
      .requiredOption('--out <file>', 'where to write it')
      .option(...jsonFlag)
      .action(async (_o, cmd: Command) => {
        const o = optionsOf<{ plan: string; period?: string; asOf?: string; format: 'md' | 'html' | 'xlsx' | 'pdf'; out: string; json?: boolean }>(cmd);
        const reports = await import('@ragtrail/reports');
        const render = { board: reports.renderBoardReport, evidence: reports.renderEvidencePack, scrutiny: reports.renderScrutinyReport }[kind];
        const options = { planId: o.plan, format: o.format, ...(o.period ? { period: o.period } : {}), ...(o.asOf ? { asOf: o.asOf } : {}) };
        const file = await withRagtrail(o, io, (rt) => render(rt, options));
        await writeOut(io, o.out, file, o.json);
      });
  }
}
