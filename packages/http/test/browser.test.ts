// What a person sees: the dashboard and an action page in headless Chromium, served on a real port.
import { serve } from '@hono/node-server';
import { chromiumArgs, chromiumAvailable, chromiumPath } from '@ragtrail/reports';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planFixture } from './fixture.js';

const available = chromiumAvailable();
if (!available) console.warn(`[api] Chromium not found at ${chromiumPath()}: browser test skipped (apt-get install -y chromium)`);

describe.skipIf(!available)('pages in Chromium', () => {
  let browser: Browser;
  let server: ReturnType<typeof serve>;
  let base = '';
  let viewer = '';
  let fixture: Awaited<ReturnType<typeof planFixture>>;
  beforeAll(async () => {
    const f = (fixture = await planFixture());
    viewer = f.tokens.viewer!;
    server = await new Promise((resolve) => { const s = serve({ fetch: f.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s)); });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
    mkdirSync('test-artifacts', { recursive: true });
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    if (server) {
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
    }
  });

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
    expect(await page.getByLabel(/as known at/i).count()).toBeGreaterThan(0);
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
    await page.goto(`${base}/plans/p1`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('status').isVisible()).toBe(false);
    await new Promise((r) => setTimeout(r, 300)); // let the EventSource connect
    await fixture.rt.execute('p1', 'AttachEvidence', { action: 'a2', title: 'Triage audit', kind: 'audit', observedOn: '2026-03-01', link: 'https://example.org/t' }, { actor: { id: 'o', name: 'Officer', role: 'officer' } });
    await page.getByText('1 change recorded since this page was loaded.').waitFor();
    expect(await page.getByRole('status').getByRole('link', { name: 'Reload' }).isVisible()).toBe(true);
    await context.close();
  }, 30_000);
});
