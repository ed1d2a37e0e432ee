import ExcelJS from 'exceljs';
import { priorityName, type PlanState } from '@ragtrail/core';
import { levelName, monthName, reflectedText, type BoardModel, type EvidenceModel } from './model.js';
import { headerLines } from './markdown.js';
import { stampZipEntries } from './zip-dates.js';
import { integrityWarningText } from './integrity-warning.js';

/** Workbook dates come from the moment the report reflects, so the same log gives the same file. */
const reflectedDate = (m: BoardModel | EvidenceModel): Date => new Date(m.reflected.recordedAt ?? '2000-01-01T00:00:00.000Z');

function workbook(m: BoardModel | EvidenceModel): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const at = reflectedDate(m);
  wb.created = at;
  wb.modified = at;
  wb.creator = 'ragtrail';
  wb.lastModifiedBy = 'ragtrail';
  return wb;
}

function fillScore(state: PlanState, cell: ExcelJS.Cell, score: number | null): void {
  cell.value = score === null ? 'not scored' : Math.round(score * 10) / 10;
  const l = levelName(state, score);
  if (!l) return;
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${l.colour.slice(1).toUpperCase()}` } };
  cell.note = l.label;
}

function headerSheet(wb: ExcelJS.Workbook, m: BoardModel | EvidenceModel, kind: string): void {
  const ws = wb.addWorksheet('About');
  // A broken log is the first thing a reader of the workbook sees, as in the other formats.
  const warning = integrityWarningText(m.integrity);
  if (warning !== null) ws.addRow([warning]).font = { bold: true, color: { argb: 'FFD4351C' } };
  for (const line of headerLines(m, kind)) if (line) ws.addRow([line.replace(/^[#-] ?#* ?/, '')]);
  ws.getColumn(1).width = 100;
}

/** The council's own figures beside the computed ones: "imported 2.8 -> 3.3". */
const importedText = (imported: { previous: number | null; current: number | null } | null | undefined) =>
  imported ? `imported ${imported.previous ?? '–'} -> ${imported.current ?? '–'}` : '';

export async function boardXlsx(m: BoardModel): Promise<Buffer> {
  const wb = workbook(m);
  const s = m.summary;
  const st = m.state;
  headerSheet(wb, m, 'Improvement Board report');
  const sum = wb.addWorksheet('Summary');
  const levels = st.scheme.levels;
  sum.addRow(['Priority', monthName(s.previousPeriod), 'Level', monthName(s.period), 'Level', 'Worst score', ...levels.map((l) => `${l.label} (${l.value})`), 'Direction', 'Imported']).font = { bold: true };
  for (const p of s.priorities) {
    const prev = p.previous.mean ?? p.imported?.previous ?? null;
    const curr = p.current.mean ?? p.imported?.current ?? null;
    const r = sum.addRow([priorityName(p), null, levelName(st, prev)?.label ?? '', null, levelName(st, curr)?.label ?? '', null, ...levels.map((l) => p.current.counts.find((c) => c.value === l.value)?.count ?? 0), p.direction ?? '', importedText(p.imported)]);
    fillScore(st, r.getCell(2), prev);
    fillScore(st, r.getCell(4), curr);
    fillScore(st, r.getCell(6), p.current.worst);
  }
  const io = s.importedOverall;
  const prevO = s.overall.previous ?? io?.previous ?? null;
  const currO = s.overall.current ?? io?.current ?? null;
  const o = sum.addRow(['Overall', null, levelName(st, prevO)?.label ?? '', null, levelName(st, currO)?.label ?? '', null, ...levels.map(() => null), s.overall.direction ?? '', io ? `${importedText(io)} from ${io.source}` : '']);
  fillScore(st, o.getCell(2), prevO);
  fillScore(st, o.getCell(4), currO);
  sum.getColumn(1).width = 50;
  const tr = wb.addWorksheet('Tracker');
  tr.addRow(['Priority', 'Ref', 'Action', 'Score', 'Level', 'Previous', 'Stated direction', 'Direction by scores', 'Update', 'Owner']).font = { bold: true };
  for (const p of s.priorities)
    for (const a of p.actions) {
      const r = tr.addRow([p.number > 0 ? p.number : '', a.ref, a.title, null, levelName(st, a.score)?.label ?? '', null, a.statedDirection ?? '', a.derivedDirection ?? '', a.update, [a.lead, ...a.owners].filter(Boolean).join('; ')]);
      fillScore(st, r.getCell(4), a.score);
      fillScore(st, r.getCell(6), a.previousScore);
    }
  tr.getColumn(3).width = 50;
  tr.getColumn(9).width = 80;
  return stampZipEntries(Buffer.from(await wb.xlsx.writeBuffer()), reflectedDate(m));
}

export async function evidenceXlsx(m: EvidenceModel): Promise<Buffer> {
  const wb = workbook(m);
  const st = m.state;
  headerSheet(wb, m, 'Inspector evidence pack');
  const traj = wb.addWorksheet('Trajectory');
  traj.addRow(['Ref', 'Action', 'Period', 'Score', 'Level', 'Source', 'Corrections', 'Held periods']).font = { bold: true };
  for (const a of m.actions)
    for (const t of a.trajectory) {
      const r = traj.addRow([a.ref, a.title, t.period, null, t.label, t.source, t.corrections, a.heldPeriods]);
      fillScore(st, r.getCell(4), t.score);
    }
  const ev = wb.addWorksheet('Evidence');
  ev.addRow(['Ref', 'Observed on', 'Title', 'Kind', 'Link', 'Attached on', 'Attached by']).font = { bold: true };
  for (const a of m.actions) for (const e of a.evidence) ev.addRow([a.ref, e.observedOn, e.title, e.kind, e.link ?? '', e.attachedAt.slice(0, 10), e.attachedBy.name]);
  const cor = wb.addWorksheet('Corrections');
  cor.addRow(['Ref', 'Period', 'Recorded at', 'By', 'Before', 'After', 'After sign-off', 'Reason']).font = { bold: true };
  for (const a of m.actions) for (const c of a.corrections) cor.addRow([a.ref, c.period, c.recordedAt, c.actor, c.before.score, c.after.score, c.afterSignOff ? 'yes' : 'no', c.reason ?? '']);
  const dis = wb.addWorksheet('Direction');
  dis.addRow(['Ref', 'Period', 'Stated', 'By scores', 'Previous score', 'Score']).font = { bold: true };
  for (const a of m.actions) for (const d of a.disagreements) dis.addRow([a.ref, d.period, d.stated, d.derived, d.previousScore, d.score]);
  const v = wb.addWorksheet('Integrity');
  v.addRow([m.verify.ok ? 'Verified' : 'NOT verified', m.verify.events, reflectedText(m.reflected)]);
  return stampZipEntries(Buffer.from(await wb.xlsx.writeBuffer()), reflectedDate(m));
}
