import type ExcelJS from 'exceljs';
import { coverageStatusText, noCoverage, type CoverageRow } from './coverage-section.js';
import { exceptionSentences, type BoardModel } from './model.js';
import { overviewHeader, type OverviewRow } from './overview-section.js';
import { indicatorCells, type IndicatorGroup } from './indicators-section.js';
import { bold, indicatorValueCell, integerFormat } from './xlsx-cells.js';

/** The coverage section as a sheet: one row per carrying action, so a reader can filter by plan or status. */
export function coverageSheet(wb: ExcelJS.Workbook, rows: readonly CoverageRow[]): void {
  const ws = wb.addWorksheet('Coverage');
  if (rows.length === 0) {
    ws.addRow([noCoverage]);
    return;
  }
  bold(ws.addRow(['Plan', 'Reference', 'Recommendation', 'Carried by plan', 'Carried by', 'Latest score', 'Level', 'Scored period', 'Direction', 'Retired', 'Status', 'Exception', 'Indicators', 'Evidence items']));
  for (const { fromPlanId, recommendation: r } of rows) {
    const head = [fromPlanId, r.ref, r.title];
    const tail = [coverageStatusText(r), r.exception ?? '', r.indicators.map((i) => `${i.name} (${i.direction ?? 'no direction yet'})`).join('; '), r.evidence.length];
    if (r.carriedBy.length === 0) ws.addRow([...head, '', 'carried by no action', '', '', '', '', '', ...tail]);
    for (const c of r.carriedBy) {
      const row = ws.addRow([...head, c.planId, c.ref, c.latest?.score ?? 'not scored', c.latest?.label ?? '', c.latest?.period ?? '', c.direction ?? '', c.retired ? 'yes' : 'no', ...tail]);
      if (c.latest) row.getCell(6).numFmt = integerFormat;
      row.getCell(14).numFmt = integerFormat;
    }
  }
  ws.getColumn(3).width = 50;
  ws.getColumn(12).width = 60;
}

/** The evidence pack's overview as a sheet: counts are numbers, the lists stay words. */
export function overviewSheet(wb: ExcelJS.Workbook, rows: readonly OverviewRow[]): void {
  const ws = wb.addWorksheet('Overview');
  bold(ws.addRow([...overviewHeader.slice(0, 2), 'Meeting the removal rule', 'Which', ...overviewHeader.slice(3)]));
  for (const r of rows) {
    const row = ws.addRow([r.heading, r.actions, r.meetingRemoval.length, r.meetingRemoval.join(', '), r.held.join('; '), r.evidence, r.correctionsAfterSignOff, r.disagreements]);
    for (const i of [2, 3, 6, 7, 8]) row.getCell(i).numFmt = integerFormat;
  }
  ws.getColumn(1).width = 40;
  ws.getColumn(5).width = 60;
}

/**
 * The board report's exceptions as a sheet: one row per exception, in the order the other formats
 * list them (grouped by kind), with the kind as the core names it so a reader can filter on it.
 */
export function exceptionsSheet(wb: ExcelJS.Workbook, m: Pick<BoardModel, 'exceptions' | 'summary'>): void {
  const ws = wb.addWorksheet('Exceptions');
  const groups = exceptionSentences(m);
  if (groups.length === 0) {
    ws.addRow(['No exceptions this period.']);
    return;
  }
  bold(ws.addRow(['Kind', 'Subject', 'Sentence']));
  for (const g of groups) for (const e of g.items) ws.addRow([e.kind, e.subject ?? [e.ref, e.title].filter(Boolean).join(' '), e.message]);
  ws.getColumn(2).width = 40;
  ws.getColumn(3).width = 100;
}

/**
 * Indicators as a sheet of numbers: previous, latest and target are numeric cells holding the values
 * as recorded, shown with the indicator's decimal places, with the unit and the periods in their own
 * columns so a reader can sort, chart and sum them; comparators, direction and RAG stay in words.
 */
export function indicatorsSheet(wb: ExcelJS.Workbook, groups: readonly IndicatorGroup[]): void {
  const ws = wb.addWorksheet('Indicators');
  bold(ws.addRow(['Priority', 'Indicator', 'Unit', 'Previous', 'Previous period', 'Latest', 'Latest period', 'Target', 'Comparators', 'Direction', 'RAG', 'In words']));
  for (const g of groups)
    for (const v of g.indicators) {
      const [, , , , comparators, direction, rag] = indicatorCells(v);
      const row = ws.addRow([g.heading, v.name, v.unit, null, v.previous?.period ?? '', null, v.latest?.period ?? '', null, comparators, direction, rag, v.sentence]);
      indicatorValueCell(row.getCell(4), v.previous?.value, v.decimals);
      indicatorValueCell(row.getCell(6), v.latest?.value, v.decimals);
      indicatorValueCell(row.getCell(8), v.target?.value, v.decimals);
    }
  ws.getColumn(2).width = 40;
  ws.getColumn(12).width = 100;
}
