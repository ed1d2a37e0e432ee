// Shared by the browser tests: the app on a real port, Chromium, and axe-core at WCAG 2.2 AA.
import { serve } from '@hono/node-server';
import { chromiumArgs, chromiumAvailable, chromiumPath } from '@ragtrail/reports';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { planFixture } from './fixture.js';

/**
 * Whether the browser tests run. In CI (CI set, as every CI service does) a missing Chromium fails
 * the run instead of skipping it: .ci/run installs it, and a silent skip would hide that it did not.
 */
export function browserAvailable(name: string): boolean {
  if (chromiumAvailable()) return true;
  const reason = `Chromium not found at ${chromiumPath()} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
  if (process.env.CI) throw new Error(`${name}: ${reason}; CI must run the browser tests`);
  console.warn(`[http] ${name} skipped: ${reason}`);
  return false;
}

export interface Served { base: string; browser: Browser; fixture: Awaited<ReturnType<typeof planFixture>>; close(): Promise<void> }

export async function serveInChromium(): Promise<Served> {
  const fixture = await planFixture();
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => { const s = serve({ fetch: fixture.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s)); });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  return {
    base, browser, fixture,
    async close() {
      await browser.close();
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const wcagAA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

interface AxeNode { target: string[]; failureSummary?: string }
interface AxeViolation { id: string; impact: string; help: string; nodes: AxeNode[] }

/**
 * axe-core's WCAG A and AA rules over the page as it stands, each violation as one readable line
 * per element. Evaluated through the DevTools protocol, so the page's Content-Security-Policy
 * (no inline script) stays on and is part of what is tested.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async (tags) => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown[] }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
  }, [...wcagAA]);
  return (result.violations as AxeViolation[]).flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 200)}`));
}

/** Presses Tab until the locator's element has focus; fails after `max` presses. */
export async function tabTo(page: Page, selector: string, max = 60): Promise<void> {
  const target = page.locator(selector).first();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`${max} presses of Tab never reached ${selector}`);
}
