import ExcelJS from 'exceljs';
import { actionsInOrder, defaultPeriod, type MilestoneView, type Ragtrail } from '@ragtrail/core';
import { priorityHeading } from '@ragtrail/core/internal';
import { checkpointHtml, checkpointMarkdown } from './checkpoint-section.js';
import { esc } from './html.js';
import { indicatorGroups, indicatorsHtml, indicatorsMarkdown } from './indicators-section.js';
import { boardModel, fig, monthName, reflectedText, type BoardModel } from './model.js';
import { reportInstant } from './moment.js';
import { stampZipEntries } from './zip-dates.js';
import { dateCell } from './xlsx-cells.js';
import { indicatorsSheet } from './xlsx-sections.js';

/**
 * The scrutiny progress report, in the shape of the 2018 report to Children's Overview and
 * Scrutiny (the source documents, 003): per priority, what changed, the indicator figures against
 * their comparators in sentences and a table, and the milestones met and missed; as of a moment.
 */
export interface ScrutinyModel extends BoardModel {
  /** Milestones of each priority's actions that were met, missed or fell due by the period's end. */
  milestones: MilestoneView[];
  priorityOfAction: Map<string, string | null>;
}

/** The period asked for, else the later of the latest reviewed period and the latest indicator value. */
export async function scrutinyModel(rt: Ragtrail, o: { planId: string; period?: string; asOf?: string }): Promise<ScrutinyModel> {
  // Fixed once, so the period chosen and every section are read at the same instant (moment.ts).
  const asOf = await reportInstant(rt, o.planId, o.asOf);
  let period = o.period;
  if (period === undefined) {
    const reviewed = defaultPeriod(await rt.loadPlan(o.planId, asOf), new Date(asOf));
    const valued = (await rt.indicators(o.planId, { asOf })).indicators.map((i) => i.latest?.period ?? '').sort().at(-1) ?? '';
    period = valued > reviewed ? valued : reviewed;
  }
  const board = await boardModel(rt, { ...o, period, asOf });
  const { milestones } = await rt.milestones(o.planId, { period: board.summary.period, asOf });
  const priorityOfAction = new Map(actionsInOrder(board.state).map((a) => [a.actionId, a.priorityId]));
  return { ...board, milestones: milestones.filter((m) => m.status !== 'upcoming'), priorityOfAction };
}

const milestoneLine = (m: MilestoneView): string =>
  m.status === 'met' ? `${m.ref} milestone ${m.milestone} met: ${m.text}${m.on ? ` (${m.on})` : ''}` : m.exception ?? `${m.ref} milestone ${m.milestone} ${m.status}: ${m.text}`;

/** What changed in a priority this period, in sentences: its figure, then each action that moved. */
function changes(m: ScrutinyModel, p: ScrutinyModel['summary']['priorities'][number]): string[] {
  const out = [`The priority's figure is ${fig(p.current.mean)} in ${monthName(m.summary.period)}, against ${fig(p.previous.mean)} in ${monthName(m.summary.previousPeriod)}${p.direction ? ` (${p.direction.toLowerCase()})` : ''}.`];
  for (const a of p.actions)
    if (a.derivedDirection && a.derivedDirection !== 'Maintained' && a.previousScore !== null && !a.notUpdated)
      out.push(`${a.ref} ${a.title}: ${a.derivedDirection === 'Improving' ? 'improved' : 'declined'} from ${a.previousScore} to ${a.score}.`);
  return out;
}

function sections(m: ScrutinyModel) {
  const groups = indicatorGroups(m.summary, m.indicators);
  return m.summary.priorities.map((p) => ({
    heading: priorityHeading(p),
    changes: changes(m, p),
    indicators: groups.filter((g) => g.heading === priorityHeading(p)),
    milestones: m.milestones.filter((x) => m.priorityOfAction.get(x.actionId) === p.priorityId),
  }));
}

const title = (m: ScrutinyModel) => `Scrutiny progress report: ${m.summary.title}`;
const intro = (m: ScrutinyModel) => [`Organisation: ${m.summary.organisation}`, `Period: ${monthName(m.summary.period)} (${m.summary.period})`, `Reflects: ${reflectedText(m.reflected)}`];

export function scrutinyMarkdown(m: ScrutinyModel): string {
  const out = [`# ${title(m)}`, '', ...intro(m).map((l) => `- ${l}`)];
  for (const s of sections(m)) {
    out.push('', `## ${s.heading}`, '', '### What changed', '', ...s.changes.map((c) => `- ${c.replace(/</g, '\\<')}`), '');
    if (s.indicators.length > 0) out.push(...indicatorsMarkdown(s.indicators.map((g) => ({ ...g, heading: 'Indicators' }))));
    if (s.milestones.length > 0) out.push('### Milestones', '', ...s.milestones.map((x) => `- ${milestoneLine(x).replace(/</g, '\\<')}`), '');
  }
  const other = indicatorGroups(m.summary, m.indicators).filter((g) => g.heading === 'Other indicators');
  if (other.length > 0) out.push('', ...indicatorsMarkdown(other, '##'));
  out.push(...checkpointMarkdown(m.checkpoint));
  return `${out.join('\n')}\n`;
}

export function scrutinyHtml(m: ScrutinyModel): string {
  const parts = [`<h1>${esc(title(m))}</h1>`, `<ul>${intro(m).map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`];
  for (const s of sections(m)) {
    parts.push(`<section>\n<h2>${esc(s.heading)}</h2>\n<h3>What changed</h3>\n<ul>${s.changes.map((c) => `<li>${esc(c)}</li>`).join('')}</ul>`);
    if (s.indicators.length > 0) parts.push(indicatorsHtml(s.indicators.map((g) => ({ ...g, heading: 'Indicators' })), esc));
    if (s.milestones.length > 0) parts.push(`<h3>Milestones</h3>\n<ul>${s.milestones.map((x) => `<li>${esc(milestoneLine(x))}</li>`).join('')}</ul>`);
    parts.push('</section>');
  }
  const other = indicatorGroups(m.summary, m.indicators).filter((g) => g.heading === 'Other indicators');
  if (other.length > 0) parts.push(`<section>\n${indicatorsHtml(other, esc, 'h2')}\n</section>`);
  parts.push(checkpointHtml(m.checkpoint, esc));
  const doc = `<title>${esc(`${title(m)}, ${monthName(m.summary.period)}`)}</title>\n<style>body{font-family:system-ui,Arial,sans-serif;margin:2rem;line-height:1.4}table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#eee}@media print{body{margin:0;font-size:9pt}tr,li{break-inside:avoid}h2,h3{break-after:avoid}th,td{overflow-wrap:anywhere}}</style>`;
  return `<!doctype html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n${doc}\n</head>\n<body>\n${parts.join('\n')}\n</body>\n</html>\n`;
}

export async function scrutinyXlsx(m: ScrutinyModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  // Dates come from the moment the report reflects, so the same log gives the same bytes.
  const at = new Date(m.reflected.at);
  Object.assign(wb, { created: at, modified: at, creator: 'ragtrail', lastModifiedBy: 'ragtrail' });
  const about = wb.addWorksheet('About');
  for (const line of [title(m), ...intro(m)]) about.addRow([line]);
  about.getColumn(1).width = 100;
  indicatorsSheet(wb, indicatorGroups(m.summary, m.indicators));
  const ms = wb.addWorksheet('Milestones');
  ms.addRow(['Action', 'Milestone', 'Text', 'Due', 'Status', 'In words']);
  for (const x of m.milestones) {
    const row = ms.addRow([x.ref, x.milestone, x.text, '', x.status, milestoneLine(x)]);
    if (x.dueDate) dateCell(row.getCell(4), x.dueDate);
  }
  return stampZipEntries(Buffer.from(await wb.xlsx.writeBuffer()), at);
}
