// Over 250 lines: one file for every format a council saves a tracker in (TSV, CSV, UTF-16, Windows-1252, XLSX) and the errors each gives, so the cases read side by side.
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { DomainError } from '@ragtrail/core';
import { readFileSync } from 'node:fs';
import { CsvImportError, demoDir, importObjectives, importSummary, importTracker, parseMonthYear } from '../src/index.js';
import { admin, fixture, newRagtrail, rowStarting } from './helpers.js';
import { trackerShape } from './plan-shape.js';

const seedRows = () => parse(fixture('tracker').content.toString('utf8'), { delimiter: '\t', relax_column_count: true, relax_quotes: true, quote: false }) as string[][];

async function importedShape(content: Uint8Array | ArrayBuffer | string, fileName: string) {
  const rt = newRagtrail();
  const { planId } = await importTracker(rt, { fileName, content }, admin);
  return trackerShape(await rt.loadPlan(planId), '2017-04', '2017-03');
}

describe('the tracker in the formats councils save it in', async () => {
  const fromTsv = await importedShape(fixture('tracker').content, 'tracker.txt');

  it('reads CSV with quoted multi-line cells (as Excel writes) to the same plan as the TSV', async () => {
    const rows = seedRows().map((r) => r.map((c) => c.replace(/ B\) /, '\nB) ')));
    const csv = stringify(rows);
    expect(csv).toMatch(/"[^"]*\nB\) /);
    const shape = await importedShape(csv, 'tracker.csv');
    expect(shape.actions.map((a) => [a.ref, a.previous?.score, a.current?.score, a.current?.direction, a.lead])).toEqual(
      fromTsv.actions.map((a) => [a.ref, a.previous?.score, a.current?.score, a.current?.direction, a.lead]),
    );
    expect(shape.actions[0]!.subActions.map((s) => s.label)).toEqual(['A', 'B', 'C']);
  });

  it("reads Excel's other text exports: Unicode Text (UTF-16 TSV) and plain CSV in Windows-1252", async () => {
    // A curly apostrophe and a pound sign, as councils type them.
    const rows = seedRows().map((r) => r.map((c) => c.replace("Director of Children's Services", 'Director of Children\u2019s Services (£2m budget)')));
    const tsv = rows.map((r) => r.join('\t')).join('\r\n');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, 'utf16le')]);
    // Latin-1 bytes are Windows-1252's for "£"; the curly apostrophe is 0x92 in Windows-1252 only.
    const cp1252 = Buffer.from(stringify(rows).replace(/\u2019/g, '\x92'), 'latin1');
    for (const [fileName, content] of [['Ofsted tracker.txt', utf16], ['Ofsted tracker.csv', cp1252]] as const) {
      const shape = await importedShape(content, fileName);
      expect(shape.actions[0]!.owners).toEqual(['Director of Children\u2019s Services (£2m budget)']);
      expect(shape.actions.map((a) => [a.ref, a.lead, a.current?.score])).toEqual(fromTsv.actions.map((a) => [a.ref, a.lead, a.current?.score]));
    }
  });

  it('reads XLSX as Excel saves the tracker: scores as numbers, the review date as a date cell, line breaks in cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('Tracker');
    for (const r of seedRows()) {
      const cells: (string | number | Date)[] = r.map((c, i) => (/^\d+$/.test(c) && i >= 3 && i <= 4 ? Number(c) : c.replace(/ B\) /, '\nB) ')));
      if (r[1] === 'Date of Review') cells[0] = new Date(Date.UTC(2017, 3, 28));
      ws.addRow(cells);
    }
    ws.getColumn(1).numFmt = 'dd/mm/yyyy';
    const rt = newRagtrail();
    const { planId } = await importTracker(rt, { fileName: 'Ofsted tracker.xlsx', content: Buffer.from(await workbook.xlsx.writeBuffer()) }, admin);
    const shape = trackerShape(await rt.loadPlan(planId), '2017-04', '2017-03');
    expect(shape.review).toEqual({ reviewer: 'Rory Patterson', reviewDate: '2017-04-28' });
    const facts = (a: (typeof shape.actions)[number]) => [a.ref, a.title, a.lead, a.previous?.score, a.current?.score, a.current?.direction, a.subActions, a.owners];
    expect(shape.actions.map(facts)).toEqual(fromTsv.actions.map(facts));
    // The line break Excel keeps inside a cell stays in the text.
    expect(shape.actions[2]!.current!.update).toMatch(/implement SoS\.\nB\) Regular/);
  });

  it('finds the tracker in a workbook of several worksheets, or reads the one named, and names the sheet in errors', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Read me').addRow(['Once you have completed this sheet, please review scoresheet']);
    const ws = workbook.addWorksheet('April 17');
    const rows = seedRows();
    const bad = rows.findIndex((r) => r[0] === '13');
    for (const r of rows) ws.addRow(r);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const rt = newRagtrail();
    const found = await importTracker(rt, { fileName: 'book.xlsx', content }, admin);
    expect(trackerShape(await rt.loadPlan(found.planId), '2017-04', '2017-03')).toEqual(fromTsv);
    const bySheet = await importTracker(rt, { fileName: 'book.xlsx', content, sheet: 2 }, admin);
    expect(trackerShape(await rt.loadPlan(bySheet.planId), '2017-04', '2017-03')).toEqual(fromTsv);
    // Front ends pass the worksheet as text: "2" is the second worksheet, unless a worksheet is named "2".
    const byText = await importTracker(rt, { fileName: 'book.xlsx', content, sheet: '2' }, admin);
    expect(trackerShape(await rt.loadPlan(byText.planId), '2017-04', '2017-03')).toEqual(fromTsv);
    await expect(importTracker(rt, { fileName: 'book.xlsx', content, sheet: '3' }, admin)).rejects.toThrow('book.xlsx: expected a worksheet named "3"; the workbook has "Read me", "April 17"');
    const before = await rt.store.readAll();
    await expect(importTracker(rt, { fileName: 'book.xlsx', content, sheet: 'Scores' }, admin)).rejects.toThrow('book.xlsx: expected a worksheet named "Scores"; the workbook has "Read me", "April 17"');
    await expect(importTracker(rt, { fileName: 'book.xlsx', content, sheet: 'read me' }, admin)).rejects.toThrow(/^book\.xlsx, sheet "Read me": expected a header row naming the columns/);
    ws.getRow(bad + 1).getCell(5).value = 7;
    const broken = Buffer.from(await workbook.xlsx.writeBuffer());
    await expect(importTracker(rt, { fileName: 'book.xlsx', content: broken }, admin)).rejects.toThrow(`book.xlsx, sheet "April 17", row ${bad + 1}, column E "Update April 17": expected a score`);
    expect(await rt.store.readAll()).toEqual(before);
  });

  it('reads XLSX with the columns reordered and renamed through columnMap', async () => {
    const rows = seedRows();
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('Plan');
    // Swap the two score columns' positions and rename the lead column.
    const reorder = (r: string[]) => [r[0], r[1], r[4], r[3], r[2], ...r.slice(5)].map((c) => c ?? '');
    for (const r of rows) ws.addRow(r[0] === 'No.' ? reorder(r).map((c) => (c.startsWith('Assigned') ? 'Responsible officer' : c)) : r.length >= 9 ? reorder(r) : r);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const rt = newRagtrail();
    const { planId } = await importTracker(rt, { fileName: 'tracker.xlsx', content, columnMap: { 'Responsible officer': 'lead' } }, admin);
    expect(trackerShape(await rt.loadPlan(planId), '2017-04', '2017-03')).toEqual(fromTsv);
  });
});

describe('the header mapping option', () => {
  const renamed = () => seedRows().map((r) => (r[0] === 'No.' ? r.map((c) => (c.startsWith('Assigned') ? 'Responsible officer' : c)) : r)).map((r) => r.join('\t')).join('\n');

  it('warns about a header it does not know, naming it and suggesting columnMap, and imports the rest', async () => {
    const rt = newRagtrail();
    const { planId, warnings } = await importTracker(rt, { fileName: 'renamed.tsv', content: renamed() }, admin);
    const headerRow = seedRows().findIndex((r) => r[0] === 'No.') + 1;
    expect(warnings).toContain(`renamed.tsv row ${headerRow}: column "Responsible officer" is not one the tracker knows and was not imported; to import it, pass columnMap { "Responsible officer": "<column>" }`);
    expect((await rt.loadPlan(planId)).actions.get('ofsted-8')!.lead).toBeNull();
  });

  it('maps the header to a column by key or by our label', async () => {
    for (const target of ['lead', 'Assigned Lead - Job Title/Name']) {
      const rt = newRagtrail();
      const { planId, warnings } = await importTracker(rt, { fileName: 'renamed.tsv', content: renamed(), columnMap: { 'responsible OFFICER': target } }, admin);
      expect(warnings.filter((w) => w.includes('Responsible officer'))).toEqual([]);
      expect((await rt.loadPlan(planId)).actions.get('ofsted-8')!.lead).toEqual({ name: 'Keeley Pullen', jobTitle: 'Head of the Virtual School' });
    }
  });

  it('refuses a columnMap header longer than any header row holds, naming the field and the limit', async () => {
    const long = 'Responsible officer '.repeat(11);
    const error = await importTracker(newRagtrail(), { fileName: 'renamed.tsv', content: renamed(), columnMap: { [long]: 'lead' } }, admin).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).field).toBe(`input.columnMap.${long}`);
    expect(JSON.stringify(error)).toMatch(/at most 200 characters/);
  });

  it('never takes a row whose recommendation text names every column for the header row', async () => {
    // A description over 200 characters that happens to hold every header's words is still a description.
    const rows = seedRows();
    const header = rows.findIndex((r) => r[0] === 'No.');
    const sneaky = `No. Recommendation Score Update April 17 ${'x'.repeat(200)}`;
    const content = rows.map((r, i) => (i === header + 1 ? r.map((c, j) => (j === 1 ? sneaky : c)) : r)).map((r) => r.join('\t')).join('\n');
    const rt = newRagtrail();
    const { planId } = await importTracker(rt, { fileName: 'sneaky.tsv', content }, admin);
    expect((await rt.loadPlan(planId)).actionOrder).toHaveLength((await importedShape(fixture('tracker').content, 'tracker.txt')).actions.length);
  });

  it("applies a summary's columnMap to its actions file", async () => {
    const read = (name: string) => readFileSync(`${demoDir}${name}`, 'utf8');
    const actions = read('development-plan-2017-19-actions.tsv').replace('Assigned Lead - Job Title/Name', 'Responsible officer');
    const rt = newRagtrail('2019-01-01T09:00:00Z');
    const { planId } = await importSummary(rt, {
      fileName: 'summary.tsv', content: read('development-plan-2017-19-summary.tsv'), actions: { fileName: 'actions.tsv', content: actions },
      columnMap: { 'Responsible officer': 'lead' },
    }, admin);
    const plan = await rt.loadPlan(planId);
    expect(plan.actions.get(plan.actionOrder[0]!)!.lead).toEqual({ name: 'Andrew Carter', jobTitle: "Head of Children's Social Care" });
  });

  it('refuses a mapping to a column the layout does not have, writing nothing', async () => {
    const rt = newRagtrail();
    await expect(importTracker(rt, { fileName: 'renamed.tsv', content: renamed(), columnMap: { 'Responsible officer': 'officer' } }, admin)).rejects.toThrow(
      /^renamed\.tsv: expected columnMap to map "Responsible officer" to one of the columns ref \("No\."\), .*lead \("Assigned Lead - Job Title\/Name"\).*, not "officer"$/,
    );
    await expect(importObjectives(rt, { ...fixture('objectives'), columnMap: { Milestones: 'Deadline' } }, admin)).rejects.toMatchObject({ code: 'invalid', rule: 'column-map' });
    expect(await rt.store.readAll()).toEqual([]);
  });
});

describe('the update month named by the header', () => {
  it.each(['Update April 17', 'Update Apr-17', "Update April '17", 'Update April 2017', 'update apr 17'])('"%s" is April 2017', async (header) => {
    expect(parseMonthYear(header)).toBe('2017-04');
    const content = seedRows().map((r) => r.map((c) => (c === 'Update April 17' ? header : c)).join('\t')).join('\n');
    const rt = newRagtrail();
    const { planId } = await importTracker(rt, { fileName: 't.tsv', content }, admin);
    const plan = await rt.loadPlan(planId);
    expect([plan.entries.get('ofsted-13')!.get('2017-03')?.score, plan.entries.get('ofsted-13')!.get('2017-04')?.score]).toEqual([3, 3]);
  });
});

describe('file bytes as front ends hold them', () => {
  it('accepts a Buffer, a Uint8Array, an ArrayBuffer or text, to the same plan', async () => {
    const bytes = fixture('tracker').content;
    const plain = new Uint8Array(bytes.byteLength);
    plain.set(bytes);
    const shapes = await Promise.all([bytes, plain, plain.buffer, bytes.toString('utf8')].map((content) => importedShape(content, 'tracker.tsv')));
    for (const shape of shapes.slice(1)) expect(shape).toEqual(shapes[0]);
    expect(shapes[0]!.actions).toHaveLength(16);
  });
});

describe('a file that cannot be imported', () => {
  const broken = (edit: (rows: string[][]) => void) => {
    const rows = seedRows();
    edit(rows);
    return rows.map((r) => r.join('\t')).join('\n');
  };
  const attempt = async (content: string, fileName = 'tracker.tsv') => {
    const rt = newRagtrail();
    const error = await importTracker(rt, { fileName, content }, admin).then(() => null, (e: unknown) => e);
    return { error: error as CsvImportError, streams: await rt.store.listStreams(), events: await rt.store.readAll() };
  };
  const rowOf = (rows: string[][], ref: string) => rows.findIndex((r) => r[0] === ref);

  it('names the file, row and column of a score outside the scheme, and writes nothing', async () => {
    let row = -1;
    const { error, events } = await attempt(broken((rows) => { row = rowOf(rows, '13'); rows[row]![4] = '7'; }));
    expect(error).toBeInstanceOf(CsvImportError);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('invalid');
    expect(error.message).toBe(`tracker.tsv, row ${row + 1}, column E "Update April 17": expected a score of the scheme "Ofsted recommendation tracker (1 = completed)" (1 Completed, 2 In progress, 3 Not achieved), found 7`);
    expect([error.fileName, error.row, error.column, error.columnLetter, error.rule]).toEqual(['tracker.tsv', row + 1, 'Update April 17', 'E', 'scheme-level']);
    expect(events).toEqual([]);
  });

  it('refuses a word that is not a score, and an unknown direction of travel', async () => {
    expect((await attempt(broken((rows) => { rows[rowOf(rows, '2')]![3] = 'amber'; }))).error.message).toMatch(/row \d+, column D "Score - please select": expected a score of the scheme .* as its number or label, found "amber"/);
    expect((await attempt(broken((rows) => { rows[rowOf(rows, '5')]![5] = 'Sideways'; }))).error.message).toMatch(/column F "Direction of Travel compared to last review - please select": expected a direction of travel \(Improving, Maintained or Declining\), found "Sideways"/);
  });

  it('reads a score written as its level\'s label, or as number and label, and refuses the two disagreeing', async () => {
    const at = (rows: string[][], ref: string) => rows.findIndex((r) => r[0] === ref);
    const rt = newRagtrail();
    const content = broken((rows) => { rows[at(rows, '1')]![4] = 'completed'; rows[at(rows, '2')]![4] = '2 - In progress'; rows[at(rows, '3')]![4] = 'Not achieved (3)'; });
    const { planId } = await importTracker(rt, { fileName: 'labels.tsv', content }, admin);
    const plan = await rt.loadPlan(planId);
    expect(['ofsted-1', 'ofsted-2', 'ofsted-3'].map((id) => plan.entries.get(id)!.get('2017-04')!.score)).toEqual([1, 2, 3]);
    let row = -1;
    const { error, events } = await attempt(broken((rows) => { row = at(rows, '4'); rows[row]![4] = '1 - Not achieved'; }));
    expect(error.message).toBe(`tracker.tsv, row ${row + 1}, column E "Update April 17": expected the number and label of one level of the scheme "Ofsted recommendation tracker (1 = completed)" (1 Completed, 2 In progress, 3 Not achieved), found "1 - Not achieved"`);
    expect(events).toEqual([]);
  });

  it('refuses a repeated recommendation number, naming both rows', async () => {
    let at = -1;
    const { error } = await attempt(broken((rows) => { at = rowOf(rows, '7'); rows[at]![0] = '6'; }));
    expect(error.message).toMatch(new RegExp(`row ${at + 1}, column A "No.": expected each recommendation once; Ofsted 6 is already on row \\d+`));
  });

  it('names the missing columns when no header row is found, and suggests columnMap', async () => {
    const { error, events } = await attempt('Ref\tText\tRAG\n1\tDo things\t2\n');
    expect(error.message).toMatch(/^tracker\.tsv: expected a header row naming the columns "No\.", "Recommendation", "Update <Month YY>"/);
    expect(error.message).toMatch(/columnMap/);
    expect(events).toEqual([]);
  });

  it('refuses a date of review that is not a date', async () => {
    const { error } = await attempt(broken((rows) => { rows[3]![0] = '31.2.17'; }));
    expect(error.message).toBe('tracker.tsv, row 4, column A "Date of Review": expected a date such as 28.4.17 or 2017-04-28, found "31.2.17"');
  });

  it('writes nothing when the core refuses a line late in the file, and never overwrites an existing plan', async () => {
    const rt = newRagtrail();
    const first = await importTracker(rt, { ...fixture('tracker'), planId: 'ofsted' }, admin);
    const before = await rt.store.readAll();
    await expect(importTracker(rt, { ...fixture('tracker'), planId: 'ofsted' }, admin)).rejects.toMatchObject({ code: 'conflict', rule: 'plan-id-unique' });
    await expect(importTracker(rt, { ...fixture('tracker'), planId: 'other' }, { actor: { id: 'v', name: 'Viewer', role: 'viewer' } })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await rt.store.readAll()).toEqual(before);
    expect(first.events).toBe(before.length);
  });

  it('reports a line the core refuses against its row: a level that demands evidence, without evidence', async () => {
    let row = -1;
    const rt = newRagtrail();
    const content = broken((rows) => { row = rowOf(rows, '4'); rows[row]![4] = '4'; });
    const error = (await importTracker(rt, { fileName: 'plan.tsv', content, scheme: 'development-plan-5' }, admin).then(() => null, (e: unknown) => e)) as CsvImportError;
    expect(error).toBeInstanceOf(CsvImportError);
    expect(error.row).toBe(row + 1);
    expect(error.rule).toBe('evidence-required');
    expect(error.message).toMatch(new RegExp(`^plan\\.tsv, row ${row + 1}: Score 4 \\(Blue\\) needs evidence dated on or before 2017-04-30`));
    expect(await rt.store.readAll()).toEqual([]);
  });

  it('names the summary file when a figure is outside the scheme', async () => {
    const rt = newRagtrail();
    const summary = fixture('summary');
    const content = summary.content.toString('utf8').replace('1.7\t2.3', '1.7\t7.3');
    const row = rowStarting(summary, '2. Providing coherent and coordinated early help');
    await expect(importSummary(rt, { fileName: 'summary.txt', content, periods: { previous: '2018-02', current: '2018-03' } }, admin)).rejects.toThrow(
      new RegExp(`^summary\\.txt, row ${row}, column "Current period": expected a figure between 1 and 5`),
    );
    await expect(importSummary(rt, summary, admin)).rejects.toThrow(/expected the month of the current period/);
    expect(await rt.store.readAll()).toEqual([]);
  });
});
