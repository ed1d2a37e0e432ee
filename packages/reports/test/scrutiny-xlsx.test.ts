import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createMemoryStore, createRagtrail } from '@ragtrail/core';
import { admin, officer, reviewer, seedPlan, steppingClock } from '@ragtrail/core/testing';
import { renderScrutinyReport } from '../src/index.js';

/** Two indicators of priority 1: a rate kept to two decimal places and a count kept whole. */
async function plan() {
  const rt = createRagtrail({ store: createMemoryStore(), now: steppingClock('2018-04-01T09:00:00.000Z') });
  await seedPlan(rt);
  await rt.executeOutcome('dev-plan', 'DefineIndicator', { indicatorId: 'cp-rate', name: 'Children on a child protection plan', unit: 'per 10,000', better: 'lower', decimals: 2, priorities: ['p1'] }, { actor: admin });
  await rt.executeOutcome('dev-plan', 'DefineIndicator', { indicatorId: 'agency', name: 'Agency social workers', unit: 'count', better: 'lower', decimals: 0, priorities: ['p1'] }, { actor: admin });
  await rt.executeOutcome('dev-plan', 'RecordIndicatorValue', { indicator: 'cp-rate', period: '2017-03', value: 68.125 }, { actor: officer });
  await rt.executeOutcome('dev-plan', 'RecordIndicatorValue', { indicator: 'cp-rate', period: '2018-03', value: 54.3 }, { actor: officer });
  await rt.executeOutcome('dev-plan', 'SetIndicatorTarget', { indicator: 'cp-rate', by: '2018-03', value: 50, tolerance: 2 }, { actor: reviewer });
  await rt.executeOutcome('dev-plan', 'RecordIndicatorValue', { indicator: 'agency', period: '2018-03', value: 39 }, { actor: officer });
  return rt;
}

async function indicatorsSheet(rt: Awaited<ReturnType<typeof plan>>): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await renderScrutinyReport(rt, { planId: 'dev-plan', period: '2018-03', format: 'xlsx' })).body as unknown as ArrayBuffer);
  return wb.getWorksheet('Indicators')!;
}

/** A cell read back from the file: its type, value and number format. */
const read = (c: ExcelJS.Cell) => ({ type: c.type, value: c.value, numFmt: c.numFmt });
const numeric = (value: number, numFmt: string) => ({ type: ExcelJS.ValueType.Number, value, numFmt });

describe('the scrutiny workbook’s indicator values', () => {
  it('are numeric cells holding the recorded values, formatted with the indicator’s decimal places', async () => {
    const ws = await indicatorsSheet(await plan());
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['Priority', 'Indicator', 'Unit', 'Previous', 'Previous period', 'Latest', 'Latest period', 'Target', 'Comparators', 'Direction', 'RAG', 'In words']);
    const rate = ws.getRow(2);
    expect([rate.getCell(2).value, rate.getCell(3).value, rate.getCell(5).value, rate.getCell(7).value]).toEqual(['Children on a child protection plan', 'per 10,000', '2017-03', '2018-03']);
    // The value as recorded (68.125), not the 68.13 shown: the format rounds only the display.
    expect(read(rate.getCell(4))).toEqual(numeric(68.125, '0.00'));
    expect(read(rate.getCell(6))).toEqual(numeric(54.3, '0.00'));
    expect(read(rate.getCell(8))).toEqual(numeric(50, '0.00'));
    const agency = ws.getRow(3);
    expect(agency.getCell(2).value).toBe('Agency social workers');
    expect(read(agency.getCell(6))).toEqual(numeric(39, '0'));
    // No previous value and no target: empty cells, not text in a column of numbers.
    expect([agency.getCell(4).type, agency.getCell(8).type]).toEqual([ExcelJS.ValueType.Null, ExcelJS.ValueType.Null]);
  });
});
