import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createMemoryStore, createRagtrail, DomainError } from '@ragtrail/core';
import { admin, officer, seedPlan } from '@ragtrail/core/testing';
import { importIndicators } from '../../src/index.js';
import { periodOfCell } from '../../src/indicators/index.js';

// The figures are the scrutiny progress report's (the source documents, 003): child protection
// plans per 10,000 and looked-after children per 10,000, Thurrock against statistical neighbours.
async function plan() {
  const store = createMemoryStore();
  const rt = createRagtrail({ store });
  await seedPlan(rt);
  await rt.executeOutcome('dev-plan', 'DefineIndicator', { indicatorId: 'cp-rate', name: 'Children on a child protection plan', unit: 'per 10,000', better: 'lower', source: 'DfE CIN census' }, { actor: admin });
  await rt.executeOutcome('dev-plan', 'DefineIndicator', { indicatorId: 'lac-rate', name: 'Looked after children', unit: 'per 10,000', better: 'lower', source: 'DfE SSDA903' }, { actor: admin });
  return { rt, store };
}
const caller = { actor: officer };

const long = [
  'Indicator,Period,Value,Statistical neighbours,England,Source',
  'cp-rate,2017-03,68,,,Data digest',
  'Children on a child protection plan,March 2018,54,54.6,45.3,DfE CIN census 2018',
  'lac-rate,2017,82,,,',
  'lac-rate,2017-18,73.3,68,64,',
].join('\n');

describe('importing indicator values', () => {
  it('long layout: one row per indicator and period, comparator columns by their headers, periods as councils write them', async () => {
    const { rt } = await plan();
    const result = await importIndicators(rt, { planId: 'dev-plan', fileName: 'digest.csv', content: long }, caller);
    expect(result).toMatchObject({ recorded: 4, unchanged: 0, events: 4 });
    const { indicators } = await rt.indicators('dev-plan');
    expect(indicators[0]).toMatchObject({ direction: 'improving', latest: { period: '2018-03', value: 54, source: 'DfE CIN census 2018' }, comparators: { 'statistical neighbours': { value: 54.6, better: true }, England: { value: 45.3, better: false } } });
    expect(indicators[1]).toMatchObject({ latest: { period: '2018-03', value: 73.3 }, previous: { period: '2017-03', value: 82 } });
  });

  it('an import run twice records nothing the second time; a different figure for a recorded period is refused naming the row', async () => {
    const { rt, store } = await plan();
    await importIndicators(rt, { planId: 'dev-plan', fileName: 'digest.csv', content: long }, caller);
    expect(await importIndicators(rt, { planId: 'dev-plan', fileName: 'digest.csv', content: long }, caller)).toMatchObject({ recorded: 0, unchanged: 4, events: 0 });
    const before = await store.streamRevision('outcomes-dev-plan');
    const restated = long.replace('lac-rate,2017-18,73.3', 'lac-rate,2017-18,73.1') + '\ncp-rate,2019-03,50,,,';
    await expect(importIndicators(rt, { planId: 'dev-plan', fileName: 'digest.csv', content: restated }, caller)).rejects.toMatchObject({ rule: 'recorded-once', message: expect.stringContaining('digest.csv, row 5') });
    expect(await store.streamRevision('outcomes-dev-plan')).toBe(before);
  });

  it('a benchmarking sheet of many authorities: only the named authority is read; a column map names other headers', async () => {
    const { rt } = await plan();
    const sheet = ['LA name,KPI,Year,Rate,SN avg', 'Essex,cp-rate,2018,40,50', 'Thurrock,cp-rate,2018,54,54.6', 'Southend,cp-rate,2018,60,52'].join('\n');
    await expect(importIndicators(rt, { planId: 'dev-plan', fileName: 'bench.csv', content: sheet, columnMap: { Rate: 'value', 'SN avg': 'comparator:statistical neighbours' } }, caller))
      .rejects.toMatchObject({ rule: 'authority' });
    const result = await importIndicators(rt, { planId: 'dev-plan', fileName: 'bench.csv', content: sheet, authority: 'thurrock', columnMap: { Rate: 'value', 'SN avg': 'comparator:statistical neighbours' } }, caller);
    expect(result.recorded).toBe(1);
    expect((await rt.indicators('dev-plan')).indicators[0]!.comparators).toEqual({ 'statistical neighbours': expect.objectContaining({ value: 54.6 }) });
  });

  it('wide layout from XLSX: one row per authority and a column per year; other authorities become comparators', async () => {
    const { rt } = await plan();
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('CP rate');
    ws.addRows([['Local authority', '2016-17', '2017-18'], ['Thurrock', 68, 54], ['Statistical neighbours', 57.2, 54.6], ['England', 43.3, 45.3]]);
    const content = Buffer.from(await book.xlsx.writeBuffer());
    const result = await importIndicators(rt, { planId: 'dev-plan', fileName: 'lait.xlsx', content, indicator: 'cp-rate', authority: 'Thurrock', source: 'DfE LAIT' }, caller);
    expect(result.recorded).toBe(2);
    const [cp] = (await rt.indicators('dev-plan')).indicators;
    expect(cp).toMatchObject({ latest: { period: '2018-03', value: 54, source: 'DfE LAIT' }, direction: 'improving', comparators: { 'statistical neighbours': { value: 54.6, better: true }, England: { value: 45.3, better: false } } });
  });

  it('wide layout with an indicator column and no authorities: every row is the plan\'s own', async () => {
    const { rt } = await plan();
    const sheet = ['Indicator,2017,2018', 'cp-rate,68,54', 'lac-rate,82,'].join('\n');
    expect((await importIndicators(rt, { planId: 'dev-plan', fileName: 'wide.csv', content: sheet }, caller)).recorded).toBe(3);
  });

  it('refuses, naming file, row and column: an unknown indicator, a bad period, a value that is no number, a columnMap to nothing', async () => {
    const { rt } = await plan();
    const run = (content: string, extra = {}) => importIndicators(rt, { planId: 'dev-plan', fileName: 'x.csv', content, ...extra }, caller);
    await expect(run('Indicator,Period,Value\nneet,2018-03,6.8')).rejects.toMatchObject({ rule: 'indicator-exists', message: expect.stringContaining('x.csv, row 2, column A "Indicator"') });
    await expect(run('Indicator,Period,Value\ncp-rate,someday,6.8')).rejects.toMatchObject({ rule: 'period', message: expect.stringContaining('column B "Period"') });
    await expect(run('Indicator,Period,Value\ncp-rate,2018-03,lots')).rejects.toMatchObject({ rule: 'number', message: expect.stringContaining('column C "Value"') });
    await expect(run('Indicator,Period,Value\ncp-rate,2018-03,54', { columnMap: { Value: 'amount' } })).rejects.toMatchObject({ rule: 'column-map' });
    await expect(run('Indicator,Period,Value\ncp-rate,2018-03,54\ncp-rate,March 2018,55')).rejects.toMatchObject({ rule: 'one-value-per-period' });
    await expect(run('Name,Notes\nx,y')).rejects.toBeInstanceOf(DomainError);
    await expect(run('Indicator,Period,Value\ncp-rate,2018-03,54', { limits: { maxRows: 1 } })).rejects.toMatchObject({ rule: expect.any(String) });
  });

  it('reads periods as councils and the DfE write them', () => {
    expect(['2018-03', 'March 2018', 'Mar-18', '2018', '2017-18', '2017/2018', 'soon'].map((c) => periodOfCell(c, '03'))).toEqual(['2018-03', '2018-03', '2018-03', '2018-03', '2018-03', '2018-03', null]);
  });
});
