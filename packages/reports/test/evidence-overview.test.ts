import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { actors } from '@ragtrail/core/testing';
import { renderEvidencePack } from '../src/index.js';
import { linkHtml } from '../src/html.js';
import { as, boardFixture } from './fixture.js';

const hash = 'ab12'.repeat(16);

/** The board fixture with removal after one evidenced period, two more evidence items (one by hash only) and a correction after sign-off. */
async function pack() {
  const f = await boardFixture({ sustainPeriods: 1 });
  f.clock.set('2026-04-02T09:00:00.000Z');
  await f.rt.execute(f.planId, 'AttachEvidence', { action: 'a1', title: 'Audit of board papers', kind: 'audit', observedOn: '2026-03-24', link: null, contentHash: hash }, as(actors.officer));
  await f.rt.execute(f.planId, 'AttachEvidence', { action: 'a2', title: 'Quality lead’s note', kind: 'feedback', observedOn: '2026-03-25', link: 'mailto:quality@example.org' }, as(actors.officer));
  await f.rt.execute(f.planId, 'CorrectEntry', { action: 'a3', period: '2026-03', score: 2 }, as(actors.reviewer, 'Recount of decisions'));
  return f;
}

describe('evidence pack overview', () => {
  it('opens with one row per priority before the first action, every figure from the sustained-evidence projection', async () => {
    const { rt, planId } = await pack();
    const md = String((await renderEvidencePack(rt, { planId, period: '2026-03', format: 'md' })).body);
    expect(md.indexOf('## Overview')).toBeGreaterThan(0);
    expect(md.indexOf('## Overview')).toBeLessThan(md.indexOf('## 1.1 Board reviews performance monthly'));
    expect(md).toContain('| Priority 1: Leadership & governance | 2 | 1: 1.1 | 1.1 4 Blue for 1 period; 1.2 2 Amber for 1 period | 3 | 0 | 1 |');
    expect(md).toContain('| Priority 2: Front door \\<MASH> | 2 | none | 2.1 2 Amber for 1 period; 2.2 2 Amber for 2 periods | 0 | 1 | 0 |');
    expect(md).toContain('| Whole plan | 4 | 1: 1.1 | 1 at 4 Blue; 3 at 2 Amber | 3 | 1 | 1 |');
    const html = String((await renderEvidencePack(rt, { planId, period: '2026-03', format: 'html' })).body);
    expect(html.indexOf('<h2>Overview</h2>')).toBeLessThan(html.indexOf('<h2>1.1 Board reviews performance monthly</h2>'));
    expect(html).toContain('<tr><th scope="row">Whole plan</th><td>4</td><td>1: 1.1</td><td>1 at 4 Blue; 3 at 2 Amber</td><td>3</td><td>1</td><td>1</td></tr>');
  });

  it('prints each evidence item’s content hash in md, html and xlsx, and its link as a link', async () => {
    const { rt, planId } = await pack();
    const md = String((await renderEvidencePack(rt, { planId, period: '2026-03', format: 'md' })).body);
    expect(md).toContain(`- 2026-03-24: Audit of board papers (audit, SHA-256 ${hash}), attached 2026-04-02 by`);
    const html = String((await renderEvidencePack(rt, { planId, period: '2026-03', format: 'html' })).body);
    expect(html).toContain(`SHA-256 <code class="hash">${hash}</code>`);
    expect(html).toContain('<a href="https://example.org/minutes-march.pdf">https://example.org/minutes-march.pdf</a>');
    expect(html).toContain('<a href="mailto:quality@example.org">mailto:quality@example.org</a>');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderEvidencePack(rt, { planId, period: '2026-03', format: 'xlsx' })).body as unknown as ArrayBuffer);
    const ev = wb.getWorksheet('Evidence')!;
    expect(ev.getRow(1).values).toContain('Content hash (SHA-256)');
    const rows = ev.getSheetValues().slice(2) as unknown[][];
    expect(rows.find((r) => r[3] === 'Audit of board papers')?.[6]).toBe(hash);
    expect(rows.find((r) => r[3] === 'Board minutes March')?.[5]).toEqual({ text: 'https://example.org/minutes-march.pdf', hyperlink: 'https://example.org/minutes-march.pdf' });
    const overview = wb.getWorksheet('Overview')!;
    expect(overview.getRow(4).values).toEqual([undefined, 'Whole plan', 4, 1, '1.1', '1 at 4 Blue; 3 at 2 Amber', 3, 1, 1]);
  });

  it('never makes an active link of a scheme a reader cannot follow safely', () => {
    expect(linkHtml('javascript:alert(1)')).toBe('javascript:alert(1)');
    expect(linkHtml('data:text/html,<b>x</b>')).toBe('data:text/html,&lt;b&gt;x&lt;/b&gt;');
    expect(linkHtml('https://example.org/a?b="c"')).toBe('<a href="https://example.org/a?b=&quot;c&quot;">https://example.org/a?b=&quot;c&quot;</a>');
  });
});
