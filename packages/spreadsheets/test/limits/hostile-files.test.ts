import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DomainError, createMemoryStore, createRagtrail } from '@ragtrail/core';
import { ImportLimitError, importTracker, readTable, type LimitName, type ReadLimitsInput } from '../../src/index.js';
import { buildXlsx, cell, row, sheetXml, spaces } from './build-xlsx.js';

const admin = { actor: { id: 'u-1', name: 'Admin', role: 'admin' as const } };

/**
 * Reads the file, expecting a refusal for `limit`; returns the CPU time it took (not wall time,
 * which on a shared machine measures the neighbours) and how far the peak RSS rose.
 */
async function refused(fileName: string, content: Buffer | string, limit: LimitName, limits?: ReadLimitsInput) {
  const peakBefore = process.resourceUsage().maxRSS;
  const started = process.cpuUsage();
  const error = await readTable({ fileName, content, ...(limits ? { limits } : {}) }).then(() => null, (e: unknown) => e);
  const used = process.cpuUsage(started);
  const ms = (used.user + used.system) / 1000;
  expect(error).toBeInstanceOf(ImportLimitError);
  const e = error as ImportLimitError;
  expect(e).toBeInstanceOf(DomainError);
  expect(e.code).toBe('invalid');
  expect(e.rule).toBe('limit');
  expect(e.limit).toBe(limit);
  expect(e.details).toMatchObject({ limit, fileName });
  expect(e.message).toContain(fileName);
  expect(e.message).toContain(limit);
  return { ms, rssRiseMb: (process.resourceUsage().maxRSS - peakBefore) / 1024, message: e.message };
}

const xfdRows = (n: number) => Array.from({ length: n }, (_, i) => row(i + 1, cell(`XFD${i + 1}`, 'x'))).join('');

describe('hostile spreadsheets are refused early, naming the limit and the file', () => {
  it('2,000 rows of one cell in column XFD (declared): refused from the <dimension>, a 12 KB file', async () => {
    const file = await buildXlsx(sheetXml(xfdRows(2000), 'A1:XFD2000'));
    expect(file.length).toBeLessThan(20_000);
    const r = await refused('wide.xlsx', file, 'maxColumns');
    expect(r.message).toContain('declares 16384 columns');
    expect(r.ms).toBeLessThan(3000);
    expect(r.rssRiseMb).toBeLessThan(100);
  });

  it('the same without a <dimension>: refused at the first cell past the last column', async () => {
    const r = await refused('wide.xlsx', await buildXlsx(sheetXml(xfdRows(2000))), 'maxColumns');
    expect(r.message).toContain('row 1 has a cell in column 16384');
    expect(r.ms).toBeLessThan(3000);
  });

  it('one cell at row 1,048,576: refused from the <dimension>, or at that row when none is declared', async () => {
    const far = row(1_048_576, cell('A1048576', 'x'));
    expect((await refused('tall.xlsx', await buildXlsx(sheetXml(far, 'A1:A1048576')), 'maxRows')).message).toContain('declares 1048576 rows');
    const r = await refused('tall.xlsx', await buildXlsx(sheetXml(far)), 'maxRows');
    expect(r.message).toContain('row 1048576 has a cell');
    expect(r.ms).toBeLessThan(3000);
    expect(r.rssRiseMb).toBeLessThan(100);
  });

  it('a declared area over maxCells is refused though each side is within its limit', async () => {
    await refused('area.xlsx', await buildXlsx(sheetXml(row(1, cell('A1', 'x')), 'A1:IV200000')), 'maxCells');
  });

  it('a zip bomb (one 200 MB entry of spaces) is refused from the ZIP directory, before inflating', async () => {
    const bomb = await buildXlsx(sheetXml(''), { 'xl/worksheets/sheet2.xml': spaces(200 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const r = await refused('bomb.xlsx', bomb, 'maxUncompressedBytes');
    expect(r.ms).toBeLessThan(3000);
    expect(r.rssRiseMb).toBeLessThan(50);
    // With the size limit raised, its compression ratio still gives it away.
    const ratio = await refused('bomb.xlsx', bomb, 'maxCompressionRatio', { maxUncompressedBytes: 2 ** 31 });
    expect(ratio.message).toContain('"xl/worksheets/sheet2.xml" is compressed');
  });

  it('a 10 MB cell is refused, in an XLSX and in a CSV', async () => {
    // Random text, so the entry does not also trip the compression ratio.
    const big = randomBytes(7.5 * 1024 * 1024).toString('base64');
    const x = await refused('big-cell.xlsx', await buildXlsx(sheetXml(row(1, cell('A1', big)))), 'maxCellLength');
    expect(x.message).toContain('row 1, column 1 holds 10485760 characters');
    const c = await refused('big-cell.csv', `No.,Recommendation\n1,"${big}"\n`, 'maxCellLength');
    expect(c.ms).toBeLessThan(3000);
  });

  it('too many rows, columns or cells in a CSV: refused at the record that crosses the limit', async () => {
    const rows = 'a,b\n'.repeat(200_001);
    expect((await refused('long.csv', rows, 'maxRows')).message).toContain('more than 200000 rows');
    expect((await refused('wide.csv', `${'x,'.repeat(300)}x\n`, 'maxColumns')).message).toContain('row 1 has 301 columns');
    await refused('cells.csv', 'a,b,c\nd,e,f\n', 'maxCells', { maxCells: 5 });
    await refused('short.tsv', 'a\nb\nc\n', 'maxRows', { maxRows: 2 });
  });

  it('commas inside quotes are not cells: a file whose delimiters suggest more than maxCells reads when its cells are within it', async () => {
    const { rows } = await readTable({ fileName: 'quoted.csv', content: Buffer.from('"a,b,c,d",\'=1+1\n'), limits: { maxCells: 2 } });
    expect(rows).toEqual([['a,b,c,d', '=1+1']]);
    expect((await readTable({ fileName: 'plain.csv', content: Buffer.from('"a,b,c,d",\'=1+1\n') })).rows).toEqual(rows);
  });

  it('a text file over maxUncompressedBytes is refused before it is decoded', async () => {
    await refused('huge.csv', Buffer.alloc(2048, 0x61), 'maxUncompressedBytes', { maxUncompressedBytes: 1024 });
  });

  it('an XLSX with more files than maxEntries is refused from its directory', async () => {
    const extra = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`docProps/x${i}.xml`, '<x/>']));
    await refused('many.xlsx', await buildXlsx(sheetXml(''), extra), 'maxEntries', { maxEntries: 10 });
  });

  it('refuses the import as a whole: nothing is written', async () => {
    const rt = createRagtrail({ store: createMemoryStore() });
    const file = await buildXlsx(sheetXml(xfdRows(2000), 'A1:XFD2000'));
    await expect(importTracker(rt, { fileName: 'wide.xlsx', content: file, planId: 'wide' }, admin)).rejects.toMatchObject({ limit: 'maxColumns' });
    await expect(rt.loadPlan('wide')).rejects.toBeInstanceOf(DomainError);
  });

  it('names inside the archive are never used as paths: one that climbs out of the folder is refused', async () => {
    const target = `/tmp/ragtrail-zip-slip-${process.pid}`;
    const evil = `../../../..${target}`;
    // yazl will not write such a name, so the entry is written under a stand-in and renamed in the bytes.
    const standIn = 'x'.repeat(evil.length);
    const built = await buildXlsx(sheetXml(row(1, cell('A1', 'No.'))), { [standIn]: 'owned' });
    const file = Buffer.from(built.toString('latin1').replaceAll(standIn, evil), 'latin1');
    expect(file.includes(evil)).toBe(true);
    const error = await readTable({ fileName: 'slip.xlsx', content: file }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid', rule: 'parse', fileName: 'slip.xlsx' });
    expect((error as Error).message).toContain('invalid relative path');
    expect(existsSync(target)).toBe(false);
  });

  it('files within the limits read as before; limits can be lowered or raised per call', async () => {
    const file = await buildXlsx(sheetXml(row(1, cell('A1', 'No.'), cell('C1', 'Title')) + row(3, cell('B3', '£5 ½'))));
    expect((await readTable({ fileName: 'ok.xlsx', content: file })).rows).toEqual([['No.', '', 'Title'], [], ['', '£5 ½']]);
    await refused('ok.xlsx', file, 'maxColumns', { maxColumns: 2 });
    const wide = await buildXlsx(sheetXml(xfdRows(3), 'A1:XFD3'));
    expect((await readTable({ fileName: 'wide.xlsx', content: wide, limits: { maxColumns: 16_384, maxCells: 1 << 20 } })).rows[2]![16_383]).toBe('x');
  });
});
