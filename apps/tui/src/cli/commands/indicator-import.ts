import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { json, line, type Io } from '../io.js';
import { actorOf, jsonFlag, optionsOf } from '../options.js';
import { withRagtrail } from '../session.js';

/** "Your header=column" (repeatable): the column may be indicator, period, value, authority, source, release or comparator:NAME. */
function mapping(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const at = value.indexOf('=');
  if (at <= 0 || value.slice(at + 1).trim() === '') throw new InvalidArgumentError('must be "Your header=column", e.g. "SN avg=comparator:statistical neighbours".');
  return { ...previous, [value.slice(0, at).trim()]: value.slice(at + 1).trim() };
}

/** `ragtrail indicator import FILE`: the spreadsheets package reads and records; this opens the file and the store. */
export function registerIndicatorImport(indicator: Command, io: Io): void {
  indicator
    .command('import')
    .description("record indicator values (and their comparators) from a CSV, TSV or XLSX file, all or nothing (officer)")
    .argument('<file>', 'the file: long (a row per indicator and period) or wide (a column per year)')
    .requiredOption('--plan <id>', 'plan id (its indicators must be defined)')
    .addOption(new Option('--layout <layout>', 'the layout (default: whichever the header shows)').choices(['long', 'wide']))
    .option('--authority <name>', "with an authority column: yours, as the file writes it (other rows are comparators in a wide file, skipped in a long one)")
    .option('--indicator <id>', 'a wide file of one indicator (one row per authority): its id or name')
    .option('--map <header=column>', 'name a column the importer does not recognise (repeat)', mapping)
    .option('--year-end <MM>', 'the month a bare year or "2017-18" stands for', '03')
    .option('--source <text>', 'the source of values with no source column')
    .option('--release <text>', 'the release of values with no release column')
    .option('--sheet <name-or-number>', 'the worksheet of an XLSX file')
    .option(...jsonFlag)
    .action(async (file: string, _o, cmd: Command) => {
      const o = optionsOf<{ plan: string; layout?: 'long' | 'wide'; authority?: string; indicator?: string; map?: Record<string, string>; yearEnd: string; source?: string; release?: string; sheet?: string; json?: boolean }>(cmd);
      const actor = await actorOf(cmd, io);
      const content = await readFile(file);
      const { importIndicators } = await import('@ragtrail/spreadsheets');
      const result = await withRagtrail(o, io, (rt) => importIndicators(rt, {
        planId: o.plan, fileName: basename(file), content, yearEnd: o.yearEnd,
        ...(o.layout ? { layout: o.layout } : {}), ...(o.authority ? { authority: o.authority } : {}), ...(o.indicator ? { indicator: o.indicator } : {}),
        ...(o.map ? { columnMap: o.map } : {}), ...(o.source ? { source: o.source } : {}), ...(o.release ? { release: o.release } : {}), ...(o.sheet ? { sheet: o.sheet } : {}),
      }, { actor }));
      if (o.json) return json(io, result);
      line(io, `Recorded ${result.recorded} value(s) from ${basename(file)} into the outcomes of plan ${result.planId}${result.unchanged ? `; ${result.unchanged} already recorded with the same figure` : ''}`);
      for (const w of result.warnings) line(io, `warning: ${w}`);
    });
}
