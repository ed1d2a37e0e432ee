import type { Ragtrail } from '@ragtrail/core';
import { contentTypes, ReportOptions, type RenderedReport } from './format.js';
import { boardModel, evidenceModel } from './model.js';
import { boardMarkdown, evidenceMarkdown } from './markdown.js';
import { boardHtml, evidenceHtml } from './html.js';
import { boardXlsx, evidenceXlsx } from './xlsx.js';
import { htmlToPdf } from './pdf.js';
import { parseInput } from '@ragtrail/core';
import { scrutinyHtml, scrutinyMarkdown, scrutinyModel, scrutinyXlsx } from './scrutiny.js';

export { ReportFormat, ReportOptions, PdfUnavailableError, type RenderedReport } from './format.js';
export { chromiumAvailable, chromiumArgs, chromiumPath } from './pdf.js';
// Shared with the HTTP app's pages, so a score reads the same on screen and on paper.
export { trajectorySvg } from './html.js';
/** The verdict words the reports use, so the pages say the same. */
export { coverageStatusText } from './coverage-section.js';
export { fig, scoreText, levelName, averageText, carriedText } from './model.js';

const fileName = (kind: string, planId: string, period: string, format: string) => `${planId}-${kind}-${period}.${format}`;

/** The monthly Improvement Board report, as of the log's last event or as of `asOf`. */
export async function renderBoardReport(rt: Ragtrail, options: ReportOptions): Promise<RenderedReport> {
  const o = parseInput(ReportOptions, options);
  const m = await boardModel(rt, o);
  const name = fileName('board', o.planId, m.summary.period, o.format);
  const body = o.format === 'md' ? boardMarkdown(m) : o.format === 'html' ? boardHtml(m) : o.format === 'xlsx' ? await boardXlsx(m) : await htmlToPdf(boardHtml(m));
  return { body, contentType: contentTypes[o.format], fileName: name };
}

/** The inspector's evidence pack: trajectories, evidence, corrections, direction claims, and the log's integrity. */
export async function renderEvidencePack(rt: Ragtrail, options: ReportOptions): Promise<RenderedReport> {
  const o = parseInput(ReportOptions, options);
  const m = await evidenceModel(rt, o);
  const name = fileName('evidence', o.planId, m.summary.period, o.format);
  const body = o.format === 'md' ? evidenceMarkdown(m) : o.format === 'html' ? evidenceHtml(m) : o.format === 'xlsx' ? await evidenceXlsx(m) : await htmlToPdf(evidenceHtml(m));
  return { body, contentType: contentTypes[o.format], fileName: name };
}

/** The scrutiny progress report: per priority, what changed, indicators against comparators, milestones met and missed. */
export async function renderScrutinyReport(rt: Ragtrail, options: ReportOptions): Promise<RenderedReport> {
  const o = parseInput(ReportOptions, options);
  const m = await scrutinyModel(rt, o);
  const name = fileName('scrutiny', o.planId, m.summary.period, o.format);
  const body = o.format === 'md' ? scrutinyMarkdown(m) : o.format === 'html' ? scrutinyHtml(m) : o.format === 'xlsx' ? await scrutinyXlsx(m) : await htmlToPdf(scrutinyHtml(m));
  return { body, contentType: contentTypes[o.format], fileName: name };
}
