import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Argument, Option, type Command } from 'commander';
import { json, line, type Io } from '../io.js';
import { actorOf, jsonFlag, optionsOf } from '../options.js';
import { withRagtrail } from '../session.js';
import { UserError } from '../errors.js';

/** "Header=column" pairs, or a JSON object, or @file.json holding one. */
async function columnMapOf(value: string | undefined): Promise<Record<string, string> | undefined> {
  if (value === undefined) return undefined;
  const text = value.startsWith('@') ? await readFile(value.slice(1), 'utf8') : value;
  if (text.trim().startsWith('{')) {
    try {
      const parsed = JSON.parse(text) as unknown;
      if (parsed && typeof parsed === 'object' && Object.values(parsed).every((v) => typeof v === 'string')) return parsed as Record<string, string>;
    } catch {
      // fall through to the message below
    }
    throw new UserError('--column-map must be a JSON object of "your header": "our column" strings');
  }
  const pairs = text.split(',').map((p) => p.split('='));
  if (pairs.some((p) => p.length !== 2 || !p[0]!.trim() || !p[1]!.trim())) throw new UserError('--column-map must be "Your header=column,..." pairs, a JSON object, or @file.json');
  return Object.fromEntries(pairs.map(([k, v]) => [k!.trim(), v!.trim()]));
}

export function registerImport(program: Command, io: Io, kinds: readonly string[]): void {
  program
    .command('import')
    .description('import a spreadsheet as a new plan (all or nothing); prints the new plan id')
    .addArgument(new Argument('<kind>', 'what the file is').choices(kinds))
    .argument('<file>', 'the file: .csv, .tsv or .xlsx')
    .addOption(new Option('--format <format>', 'the file format when its name does not say').choices(['csv', 'tsv', 'xlsx']))
    .option('--scheme <id>', 'scoring scheme: ofsted-tracker-3 or development-plan-5 (default: by layout)')
    .option('--column-map <map>', 'your headers to ours: "Your header=column,..." or JSON or @file.json')
    .option('--title <text>', 'the new plan title')
    .option('--organisation <name>', 'the council')
    .option('--plan-id <id>', 'the new plan id (default: made from the title)')
    .option('--period <YYYY-MM>', 'the update month when the sheet does not name one')
    .option(...jsonFlag)
    .action(async (kind: string, file: string, _o, cmd: Command) => {
      const o = optionsOf<{ format?: 'csv' | 'tsv' | 'xlsx'; scheme?: string; columnMap?: string; title?: string; organisation?: string; planId?: string; period?: string; json?: boolean }>(cmd);
      const actor = actorOf(cmd, io);
      const content = await readFile(file);
      const columnMap = await columnMapOf(o.columnMap);
      const spreadsheets = await import('@ragtrail/spreadsheets');
      const importer = { tracker: spreadsheets.importTracker }[kind as 'tracker'];
      if (!importer) throw new UserError(`Importing a ${kind} is not available yet`);
      const input = {
        fileName: basename(file), content,
        ...(o.format ? { format: o.format } : {}), ...(o.scheme ? { scheme: o.scheme } : {}), ...(columnMap ? { columnMap } : {}),
        ...(o.title ? { title: o.title } : {}), ...(o.organisation ? { organisation: o.organisation } : {}),
        ...(o.planId ? { planId: o.planId } : {}), ...(o.period ? { period: o.period } : {}),
      };
      const result = await withRagtrail(o, io, (rt) => importer(rt, input, { actor }));
      if (o.json) return json(io, result);
      line(io, result.planId);
      io.stderr.write(`Imported ${basename(file)} as plan ${result.planId}: ${result.events} events.\n`);
      for (const w of result.warnings) io.stderr.write(`warning: ${w}\n`);
    });
}
