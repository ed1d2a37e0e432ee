// A report about a plan whose log is broken opens with a warning naming where it broke, in every
// text format; a report about a sound plan has none (its snapshot tests hold it unchanged).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createRagtrail, type EventStore, type StoredEvent } from '@ragtrail/core';
import { renderBoardReport, renderEvidencePack } from '../src/index.js';
import { boardFixture } from './fixture.js';

/** A reader's view of the store after someone with the file edited the plan's title event. */
const edited = (inner: EventStore, stream: string): EventStore => {
  const edit = (e: StoredEvent) => (e.stream === stream && e.revision === 1 ? { ...e, data: { ...(e.data as object), title: 'Changed' } } : e);
  return { ...inner, readStream: async (s, o) => (await inner.readStream(s, o)).map(edit), readAll: async (o) => (await inner.readAll(o)).map(edit) };
};

describe('a report about a plan with a broken log', () => {
  it('opens the board report and the evidence pack, markdown and html, with the warning', async () => {
    const { store, planId } = await boardFixture();
    const reader = createRagtrail({ store: edited(store, `plan-${planId}`) });
    const md = String((await renderBoardReport(reader, { planId, format: 'md' })).body).split('\n');
    expect(md[0]).toMatch(/^# Improvement Board report: /);
    expect(md[2]).toMatch(new RegExp(`^> \\*\\*Warning: this plan's log is broken \\(hash-mismatch\\) at plan-${planId} at revision 1: .*cannot be relied on`));
    const pack = String((await renderEvidencePack(reader, { planId, format: 'html' })).body);
    expect(pack).toMatch(/<\/h1>\n<p class="integrity-warning" role="alert"[^>]*><strong>Warning: this plan's log is broken \(hash-mismatch\)/);
    const packMd = String((await renderEvidencePack(reader, { planId, format: 'md' })).body);
    expect(packMd.indexOf('Warning: this plan')).toBeLessThan(packMd.indexOf('## '));
  });

  it('puts the warning first on the workbook\'s About sheet', async () => {
    const { store, planId } = await boardFixture();
    const reader = createRagtrail({ store: edited(store, `plan-${planId}`) });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderBoardReport(reader, { planId, format: 'xlsx' })).body as unknown as ArrayBuffer);
    const first = wb.getWorksheet('About')!.getRow(1).getCell(1).value;
    expect(String(first)).toMatch(/^Warning: this plan's log is broken \(hash-mismatch\)/);
  });

  it('a sound plan has no warning', async () => {
    const { rt, planId } = await boardFixture();
    expect(String((await renderBoardReport(rt, { planId, format: 'md' })).body)).not.toContain('log is broken');
  });
});
