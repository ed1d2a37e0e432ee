import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Argument, Option, type Command } from 'commander';
import { json, line, type Io } from '../io.js';
import { actorOf, jsonFlag, optionsOf } from '../options.js';
import { withRagtrail } from '../session.js';
import { UserError } from '../user-error.js';
import { writeOut } from '../write-out.js';
import { progressBar } from '../progress.js';

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

export function registerExport(program: Command, io: Io): void {
  const exporter = program.command('export').description('write a plan back out as the spreadsheet its board knows');
  exporter
    .command('tracker')
    .description("one period's tracker sheet (the importer's layout, so it imports back)")
    .requiredOption('--plan <id>', 'plan id')
    .option('--period <YYYY-MM>', 'the month the sheet shows (required)')
    .addOption(new Option('--format <format>', 'file format').choices(['csv', 'xlsx']).makeOptionMandatory())
    .requiredOption('--out <file>', 'where to write it')
    .option(...jsonFlag)
    .action(async (_o, cmd: Command) => {
      const o = optionsOf<{ plan: string; period?: string; format: 'csv' | 'xlsx'; out: string; json?: boolean }>(cmd);
      // Said in words rather than commander's "required option not specified": what is missing and why.
      const period = o.period;
      if (!period) throw new UserError(`Say which month to export: add --period YYYY-MM. A tracker sheet holds one month's scores; \`ragtrail summary --plan ${o.plan}\` names the latest reviewed month.`);
      const { exportTracker } = await import('@ragtrail/spreadsheets');
      const file = await withRagtrail(o, io, (rt) => exportTracker(rt, { planId: o.plan, period, format: o.format }));
      await writeOut(io, o.out, file, o.json);
    });
}

export function registerImport(program: Command, io: Io, kinds: readonly string[]): void {
  program
    .command('import')
    .description('import a spreadsheet as a new plan (all or nothing); prints the new plan id')
    .addArgument(new Argument('<kind>', 'what the file is').choices(kinds))
    .argument('<file>', 'the file: .csv, .tsv or .xlsx (tracker: recommendations and scores; summary: priorities and their figures; objectives: objectives and milestones)')
    .addOption(new Option('--format <format>', 'the file format when its name does not say').choices(['csv', 'tsv', 'xlsx']))
    .option('--scheme <id>', 'scoring scheme: ofsted-tracker-3 or development-plan-5 (default: by layout)')
    .option('--sheet <name-or-number>', 'XLSX: the worksheet to read, by name or 1-based number (default: the first that holds the layout)')
    .addOption(new Option('--cadence <cadence>', 'how often the plan is reviewed: how far back the "previous" column is').choices(['monthly', 'quarterly']))
    .option('--column-map <map>', 'your headers to ours: "Your header=column,..." or JSON or @file.json')
    .option('--title <text>', 'the new plan title')
    .option('--organisation <name>', 'the council')
    .option('--plan-id <id>', 'the new plan id (default: made from the title)')
    .option('--period <YYYY-MM>', 'the update month (summary: the current period) when the sheet does not name one')
    .option('--previous-period <YYYY-MM>', 'summary: the month of the "Previous period" column when the sheet does not name it')
    .option('--actions <file>', "summary: the plan's actions in the tracker layout, imported in the same step")
    .option('--carries-from <plan>', 'tracker, summary: the plan holding the "Ofsted N" recommendations the actions name, when more than one plan of the organisation could')
    .option(...jsonFlag)
    .action(async (kind: string, file: string, _o, cmd: Command) => {
      const o = optionsOf<{ format?: 'csv' | 'tsv' | 'xlsx'; sheet?: string; cadence?: 'monthly' | 'quarterly'; scheme?: string; columnMap?: string; title?: string; organisation?: string; planId?: string; period?: string; previousPeriod?: string; actions?: string; carriesFrom?: string; json?: boolean }>(cmd);
      const actor = await actorOf(cmd, io);
      const content = await readFile(file);
      const columnMap = await columnMapOf(o.columnMap);
      const spreadsheets = await import('@ragtrail/spreadsheets');
      const input = {
        fileName: basename(file), content,
        ...(o.format ? { format: o.format } : {}), ...(o.sheet ? { sheet: o.sheet } : {}), ...(o.cadence ? { cadence: o.cadence } : {}),
        ...(o.scheme ? { scheme: o.scheme } : {}), ...(columnMap ? { columnMap } : {}),
        ...(o.title ? { title: o.title } : {}), ...(o.organisation ? { organisation: o.organisation } : {}),
        ...(o.planId ? { planId: o.planId } : {}), ...(o.period ? { period: o.period } : {}),
        ...(o.carriesFrom ? { carriesFrom: o.carriesFrom } : {}),
      };
      if (kind !== 'summary' && (o.previousPeriod || o.actions)) throw new UserError('--previous-period and --actions belong to `import summary`');
      if (kind === 'objectives' && o.carriesFrom) throw new UserError('--carries-from belongs to `import tracker` and `import summary`: an objectives plan names no inspection recommendations');
      if (o.previousPeriod && !o.period) throw new UserError('--previous-period needs --period (the current period) too');
      const actions = o.actions ? { fileName: basename(o.actions), content: await readFile(o.actions) } : undefined;
      spreadsheets.keepHeapGrowthModest();
      const bar = await progressBar(io, o, `Importing ${basename(file)}`);
      const onProgress = (done: number, total: number) => bar.update(done, total, 'steps');
      const result = await withRagtrail(o, io, (rt) => {
        if (kind === 'summary')
          return spreadsheets.importSummary(rt, {
            ...input, ...(actions ? { actions } : {}),
            ...(o.previousPeriod && o.period ? { periods: { previous: o.previousPeriod, current: o.period } } : {}),
          }, { actor }, onProgress);
        return (kind === 'objectives' ? spreadsheets.importObjectives : spreadsheets.importTracker)(rt, input, { actor }, onProgress);
      }).finally(() => bar.stop());
      if (o.json) return json(io, result);
      line(io, result.planId);
      io.stderr.write(`Imported ${basename(file)} as plan ${result.planId}: ${result.events} events.\n`);
      if (result.carryOvers) io.stderr.write(`${result.carryOvers} ${result.carryOvers === 1 ? 'action carries' : 'actions carry'} a recommendation of an earlier plan (\`ragtrail coverage --plan PLAN\` shows them).\n`);
      for (const w of result.warnings) io.stderr.write(`warning: ${w}\n`);
    });
}
