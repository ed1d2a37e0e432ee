import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumAvailable, chromiumPath, renderBoardReport, renderEvidencePack } from '../src/index.js';
import { boardFixture } from './fixture.js';

const available = chromiumAvailable();
if (!available) console.warn(`[reports] Chromium not found at ${chromiumPath()}: browser and PDF tests skipped (apt-get install -y chromium)`);

describe.skipIf(!available)('in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  }, 30_000);
  afterAll(async () => browser?.close());

  it('a person reads the board report: headings, the summary table and labelled figures', async () => {
    const { rt, planId } = await boardFixture();
    const html = String((await renderBoardReport(rt, { planId, period: '2026-03', format: 'html' })).body);
    const page = await browser.newPage();
    const outside: string[] = [];
    page.on('request', (r) => void (r.url().startsWith('http') && outside.push(r.url())));
    await page.setContent(html);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Improvement Board report: Children’s Services Improvement Plan');
    expect(await page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(['RAG summary', 'Exceptions', 'Coverage of recommendations', 'Priority 1: Leadership & governance', 'Priority 2: Front door <MASH>', 'Signed checkpoint']);
    const summary = page.getByRole('table').first();
    const mash = summary.getByRole('row', { name: /Front door/ });
    expect(await mash.getByRole('cell').allInnerTexts()).toEqual(['2.5 Amber', '1.5 Red', '1 Red', '1', '1', '0', '0', '0', '0 of 2', 'Declining']);
    await expect(page.getByText('Two actions declined since February 2026:').isVisible()).resolves.toBe(true);
    expect(outside).toEqual([]);
    await page.close();
  }, 30_000);

  it('prints the board report and the evidence pack to PDF', async () => {
    const { rt, planId } = await boardFixture();
    for (const render of [renderBoardReport, renderEvidencePack]) {
      const pdf = await render(rt, { planId, period: '2026-03', format: 'pdf' });
      expect(pdf.contentType).toBe('application/pdf');
      expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    }
  }, 60_000);
});

describe('without Chromium', () => {
  it('asking for a PDF names the missing browser and the remedy', async () => {
    const { rt, planId } = await boardFixture();
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      await expect(renderBoardReport(rt, { planId, format: 'pdf' })).rejects.toMatchObject({ code: 'rule', field: 'format', message: expect.stringMatching(/Chromium.*\/nonexistent\/chromium.*apt-get install -y chromium/) });
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  });
});
