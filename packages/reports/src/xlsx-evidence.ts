import { type EvidenceModel, reflectedText } from './model.js';
import { overviewRows } from './overview-section.js';
import { stampZipEntries } from './zip-dates.js';
import { bold, dateCell, dateTimeCell, headerSheet, linkCell, reflectedDate, scoreCell, workbook } from './xlsx-cells.js';
import { coverageSheet, overviewSheet } from './xlsx-sections.js';

/** The inspector evidence pack as a workbook: the overview and coverage first, then one sheet per part of each action's record. */
export async function evidenceXlsx(m: EvidenceModel): Promise<Buffer> {
  const wb = workbook(m);
  const st = m.state;
  headerSheet(wb, m, 'Inspector evidence pack');
  overviewSheet(wb, overviewRows(m.summary, m.actions));
  coverageSheet(wb, m.coverage);
  const traj = wb.addWorksheet('Trajectory');
  bold(traj.addRow(['Ref', 'Action', 'Period', 'Score', 'Level', 'Source', 'Corrections', 'Held periods']));
  for (const a of m.actions)
    for (const t of a.trajectory) scoreCell(st, traj.addRow([a.ref, a.title, t.period, null, t.label, t.source, t.corrections, a.heldPeriods]).getCell(4), t.score);
  const ev = wb.addWorksheet('Evidence');
  bold(ev.addRow(['Ref', 'Observed on', 'Title', 'Kind', 'Link', 'Content hash (SHA-256)', 'Attached on', 'Attached by']));
  for (const a of m.actions)
    for (const e of a.evidence) {
      const r = ev.addRow([a.ref, null, e.title, e.kind, null, e.contentHash ?? '', null, e.attachedBy.name]);
      dateCell(r.getCell(2), e.observedOn);
      linkCell(r.getCell(5), e.link);
      dateCell(r.getCell(7), e.attachedAt);
    }
  ev.getColumn(6).width = 66;
  const cor = wb.addWorksheet('Corrections');
  bold(cor.addRow(['Ref', 'Period', 'Recorded at', 'By', 'Before', 'After', 'After sign-off', 'Reason']));
  for (const a of m.actions)
    for (const c of a.corrections) {
      const r = cor.addRow([a.ref, c.period, null, c.actor, null, null, c.afterSignOff ? 'yes' : 'no', c.reason ?? '']);
      dateTimeCell(r.getCell(3), c.recordedAt);
      scoreCell(st, r.getCell(5), c.before.score);
      scoreCell(st, r.getCell(6), c.after.score);
    }
  const dis = wb.addWorksheet('Direction');
  bold(dis.addRow(['Ref', 'Period', 'Stated', 'By scores', 'Previous score', 'Score']));
  for (const a of m.actions)
    for (const d of a.disagreements) {
      const r = dis.addRow([a.ref, d.period, d.stated, d.derived, null, null]);
      scoreCell(st, r.getCell(5), d.previousScore);
      scoreCell(st, r.getCell(6), d.score);
    }
  const v = wb.addWorksheet('Integrity');
  v.addRow([m.verify.ok ? 'Verified' : 'NOT verified', m.verify.events, reflectedText(m.reflected)]);
  return stampZipEntries(Buffer.from(await wb.xlsx.writeBuffer()), reflectedDate(m));
}
