// What a person sees: the dashboard and an action page in headless Chromium, served on a real port.
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, serveInChromium, type Served } from './browser-harness.js';

describe.skipIf(!browserAvailable('pages in Chromium'))('pages in Chromium', () => {
  let served: Served;
  let browser: Browser;
  let base = '';
  let viewer = '';
  let fixture: Served['fixture'];
  beforeAll(async () => {
    served = await serveInChromium();
    ({ browser, base, fixture } = served);
    viewer = fixture.tokens.viewer!;
    mkdirSync('test-artifacts', { recursive: true });
  }, 30_000);
  afterAll(async () => { await served?.close(); });

  it('a viewer signs in, reads the RAG summary and exceptions, and opens an action', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    page.setDefaultTimeout(5_000);
    const outside: string[] = [];
    page.on('request', (r) => void (!r.url().startsWith(base) && outside.push(r.url())));
    await page.goto(`${base}/plans/p1`);
    // Not signed in: the sign-in form, reached without JavaScript.
    await page.getByLabel(/token/i).fill(viewer);
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('Children’s Services Improvement Plan');

    const table = page.getByRole('table').first();
    expect(await table.getByRole('columnheader').count()).toBeGreaterThan(3);
    const frontDoor = table.getByRole('row', { name: /Front door/ });
    const cells = (await frontDoor.getByRole('cell').allInnerTexts()).join(' | ');
    // Colour always comes with a text label, and the direction with words.
    expect(cells).toMatch(/Amber|Red|Green/);
    expect(await page.getByRole('group', { name: /as known at/i }).getByLabel('Day').count()).toBe(1);
    await page.screenshot({ path: 'test-artifacts/api-dashboard.png', fullPage: true });

    await page.getByRole('row', { name: /MASH triage/ }).getByRole('link', { name: '2.1', exact: true }).click();
    await page.getByRole('heading', { name: /Score history/ }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('MASH triage');
    expect(await page.locator('figure svg').count()).toBe(1);
    await expect(page.getByText('Scored against the wrong month').first().isVisible()).resolves.toBe(true);
    await page.screenshot({ path: 'test-artifacts/api-action.png', fullPage: true });
    expect(outside).toEqual([]);
    await page.close();
  }, 30_000);

  it('with JavaScript, an open dashboard says when the plan changes (server-sent events)', async () => {
    const context = await browser.newContext();
    await context.addCookies([{ name: 'ragtrail_token', value: viewer, url: base }]);
    const page = await context.newPage();
    page.setDefaultTimeout(5_000);
    const live = page.waitForResponse((r) => r.url().startsWith(`${base}/plans/p1/live`));
    await page.goto(`${base}/plans/p1`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('status').isVisible()).toBe(false);
    await live;
    // The stream's headers arrive just before it subscribes: a change recorded in between is not
    // seen, so record until the notice shows (a condition, not a sleep), then check it counts them.
    const notice = page.getByText(/^\d+ changes? recorded since this page was loaded\./);
    let recorded = 0;
    while (!(await notice.isVisible())) {
      if (++recorded > 10) throw new Error('no live notice after 10 changes');
      await fixture.rt.execute('p1', 'AttachEvidence', { action: 'a2', title: `Triage audit ${recorded}`, kind: 'audit', observedOn: '2026-03-01', link: 'https://example.org/t' }, { actor: { id: 'o', name: 'Officer', role: 'officer' } });
      await notice.waitFor({ timeout: 1_000 }).catch(() => undefined);
    }
    expect(Number(/^\d+/.exec(await notice.innerText())?.[0])).toBeGreaterThanOrEqual(1);
    expect(await page.getByRole('status').getByRole('link', { name: 'Reload' }).isVisible()).toBe(true);
    await context.close();
  }, 30_000);
});
