import { displayPair, priorityName } from '@ragtrail/core';
import { levelName, monthName, type BoardModel } from './model.js';
import { stampZipEntries } from './zip-dates.js';
import { averageCell, bold, headerSheet, reflectedDate, scoreCell, workbook } from './xlsx-cells.js';
import { coverageSheet, exceptionsSheet } from './xlsx-sections.js';

export { evidenceXlsx } from './xlsx-evidence.js';

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
  bold(sum.addRow(['Priority', monthName(s.previousPeriod), 'Level', monthName(s.period), 'Level', 'Worst score', ...levels.map((l) => `${l.label} (${l.value})`), 'Direction', 'Imported']));
  // The pair of figures and its direction go through displayPair, as in every other format, so the
  // cells' decimals never show two equal figures beside "Declining".
  const pairRow = (name: string, prev: number | null, curr: number | null, direction: Parameters<typeof displayPair>[2], counts: (number | null)[], imported: string) => {
    const shown = displayPair(prev, curr, direction);
    const r = sum.addRow([name, null, levelName(st, prev)?.label ?? '', null, levelName(st, curr)?.label ?? '', null, ...counts, shown.direction ?? '', imported]);
    averageCell(st, r.getCell(2), prev, shown.decimals);
    averageCell(st, r.getCell(4), curr, shown.decimals);
    return r;
  };
  for (const p of s.priorities) {
    const counts = levels.map((l) => p.current.counts.find((c) => c.value === l.value)?.count ?? 0);
    const r = pairRow(priorityName(p), p.previous.mean ?? p.imported?.previous ?? null, p.current.mean ?? p.imported?.current ?? null, p.direction, counts, importedText(p.imported));
    scoreCell(st, r.getCell(6), p.current.worst);
  }
  const io = s.importedOverall;
  pairRow('Overall', s.overall.previous ?? io?.previous ?? null, s.overall.current ?? io?.current ?? null, s.overall.direction, levels.map(() => null), io ? `${importedText(io)} from ${io.source}` : '');
  sum.getColumn(1).width = 50;
  exceptionsSheet(wb, m);
  const tr = wb.addWorksheet('Tracker');
  bold(tr.addRow(['Priority', 'Ref', 'Action', 'Score', 'Level', 'Previous', 'Stated direction', 'Direction by scores', 'Update', 'Owner']));
  for (const p of s.priorities)
    for (const a of p.actions) {
      const r = tr.addRow([p.number > 0 ? p.number : '', a.ref, a.title, null, levelName(st, a.score)?.label ?? '', null, a.statedDirection ?? '', a.derivedDirection ?? '', a.update, [a.lead, ...a.owners].filter(Boolean).join('; ')]);
      scoreCell(st, r.getCell(4), a.score);
      scoreCell(st, r.getCell(6), a.previousScore);
    }
  tr.getColumn(3).width = 50;
  tr.getColumn(9).width = 80;
  coverageSheet(wb, m.coverage);
  return stampZipEntries(Buffer.from(await wb.xlsx.writeBuffer()), reflectedDate(m));
}
