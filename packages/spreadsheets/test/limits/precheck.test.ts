import { describe, expect, it } from 'vitest';
import { precheckFile } from '../../src/index.js';
import { buildXlsx, cell, row, sheetXml, spaces } from './build-xlsx.js';

describe('precheckFile: the checks a front end runs before it starts an import', () => {
  it('refuses a zip bomb, a declared 16,384-column sheet and an oversized CSV, naming the limit', async () => {
    const bomb = await buildXlsx(sheetXml(''), { 'xl/worksheets/sheet2.xml': spaces(200 * 1024 * 1024) });
    await expect(precheckFile({ fileName: 'bomb.xlsx', content: bomb })).rejects.toMatchObject({ limit: 'maxUncompressedBytes', fileName: 'bomb.xlsx' });
    const wide = await buildXlsx(sheetXml(row(1, cell('XFD1', 'x')), 'A1:XFD1'));
    await expect(precheckFile({ fileName: 'wide.xlsx', content: wide })).rejects.toMatchObject({ limit: 'maxColumns' });
    await expect(precheckFile({ fileName: 'big.csv', content: 'a'.repeat(100), limits: { maxUncompressedBytes: 10 } })).rejects.toMatchObject({ limit: 'maxUncompressedBytes' });
  });

  it('lets through files whose size shows only in their rows (the import refuses those as it reads them), and files within the limits', async () => {
    await expect(precheckFile({ fileName: 'undeclared.xlsx', content: await buildXlsx(sheetXml(row(1, cell('XFD1', 'x')))) })).resolves.toBeUndefined();
    await expect(precheckFile({ fileName: 'ok.csv', content: 'No.,Recommendation\n1,Do it\n' })).resolves.toBeUndefined();
  });

  it('refuses what is not a workbook as the import would', async () => {
    await expect(precheckFile({ fileName: 'not.xlsx', content: Buffer.from('PK\u0003\u0004 not really a zip') })).rejects.toMatchObject({ code: 'invalid', rule: 'parse' });
  });
});
