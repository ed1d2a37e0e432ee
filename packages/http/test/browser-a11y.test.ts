// WCAG 2.2 AA in Chromium: axe-core finds nothing on any page (a dashboard with coverage, one on a middle page of its paged actions and exceptions, an action page with a correction after sign-off), the API reference or any HTML
// report (board, evidence, scrutiny); a keyboard alone (Tab, Enter, and typing into fields) gets through sign-in, the
// dashboard, an action page and the "as known at" form; the page grows with its tables; the
// stylesheet is the system font stack, not GOV.UK's reserved font.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { runBatch } from '@ragtrail/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, browserAvailable, serveInChromium, tabTo, type Served } from './browser-harness.js';

describe.skipIf(!browserAvailable('accessibility in Chromium'))('accessibility in Chromium (WCAG 2.2 AA)', () => {
  let served: Served;
  let context: BrowserContext;
  let page: Page;
  let reports = '';
  beforeAll(async () => {
    served = await serveInChromium();
    // Pages with everything they can show: the coverage of an inspection tracker's recommendations
    // (one carried by p1, one by nothing), a correction after sign-off on an action page, an indicator.
    const { rt } = served.fixture;
    const admin = { actor: { id: 'setup', name: 'Setup', role: 'admin' as const } };
    await rt.createPlan({ planId: 'trk', title: 'Ofsted tracker', organisation: 'Council', scheme: 'development-plan-5' }, admin);
    await rt.execute('trk', 'AddAction', { actionId: 'o1', ref: 'Ofsted 1', title: 'Strengthen management oversight' }, admin);
    await rt.execute('trk', 'AddAction', { actionId: 'o2', ref: 'Ofsted 2', title: 'Improve return interviews' }, admin);
    await rt.executeOutcome('p1', 'LinkCarryOver', { action: 'a1', fromPlan: 'trk', fromReference: 'Ofsted 1' }, admin);
    await rt.execute('p1', 'SignOffReview', { period: '2026-01' }, { actor: { id: 'board', name: 'Chair', role: 'board' }, reason: 'January board' });
    await rt.execute('p1', 'CorrectEntry', { action: 'a2', period: '2026-01', score: 2 }, { ...admin, reason: 'Audit found the backlog' });
    await rt.executeOutcome('p1', 'DefineIndicator', { indicatorId: 'cp-rate', name: 'Children on a child protection plan', unit: 'per 10,000', better: 'lower', priorities: ['pr1'] }, admin);
    await rt.executeOutcome('p1', 'RecordIndicatorValue', { indicator: 'cp-rate', period: '2026-01', value: 68 }, admin);
    await rt.executeOutcome('p1', 'RecordIndicatorValue', { indicator: 'cp-rate', period: '2026-02', value: 54, comparators: [{ name: 'statistical neighbours', value: 54.6, source: 'DfE' }] }, admin);
    // A plan long enough that its exceptions and its actions each come with GOV.UK pagination.
    await rt.createPlan({ planId: 'long', title: 'A long plan', organisation: 'Council', scheme: 'development-plan-5' }, admin);
    await runBatch(rt, 'long', { commands: [
      { type: 'AddPriority', data: { priorityId: 'lp1', number: 1, title: 'Workforce' } },
      ...Array.from({ length: 450 }, (_, i) => ({ type: 'AddAction', data: { ref: `1.${i + 1}`, priorityId: 'lp1', title: `Action ${i + 1}` } })),
      { type: 'OpenReview', data: { period: '2026-02', reviewer: 'Rory', reviewDate: '2026-02-28' } },
    ] }, admin);
    context = await served.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: 'ragtrail_token', value: served.fixture.tokens.viewer!, url: served.base }]);
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    reports = mkdtempSync(join(tmpdir(), 'ragtrail-reports-'));
    mkdirSync(reports, { recursive: true });
  }, 30_000);
  afterAll(async () => {
    await served?.close();
    if (reports) rmSync(reports, { recursive: true, force: true });
  });

  const open = async (path: string, ready: () => Promise<unknown> = () => page.getByRole('heading', { level: 1 }).waitFor()) => {
    const res = await page.goto(`${served.base}${path}`);
    await ready();
    return res;
  };

  const pages: Array<[string, string, number]> = [
    ['sign-in', '/login', 200],
    ['sign-in after a wrong token (error summary)', '/login?failed=1', 200],
    ['plan list', '/', 200],
    ['dashboard', '/plans/p1', 200],
    ['"as known at" view', '/plans/p1?period=2026-01&asOf=2026-03-10', 200],
    ['dashboard on a middle page of its actions and exceptions (pagination)', '/plans/long?page=2&exceptionsPage=2', 200],
    ['dashboard with a date that is not real', '/plans/p1?period-month=2&period-year=2026&asOf-day=31&asOf-month=2&asOf-year=2026', 400],
    ['tracker dashboard with the coverage of its recommendations', '/plans/trk', 200],
    ['action page (audit sentences, a correction after sign-off)', '/plans/p1/actions/a2', 200],
    ['action page as known at', '/plans/p1/actions/a1?asOf=2026-03-10', 200],
    ['error page', '/plans/nope', 404],
    ['accessibility statement', '/accessibility', 200],
  ];
  it.each(pages)('%s: no violations', async (_name, path, status) => {
    const res = await open(path);
    expect(res?.status()).toBe(status);
    expect(await axeViolations(page)).toEqual([]);
  });

  // The reports are downloads (Content-Disposition: attachment) and must open from disk: load them as files.
  it.each([['board report', 'board'], ['evidence pack', 'evidence'], ['scrutiny report', 'scrutiny']])('the %s as an HTML file: no violations', async (_name, kind) => {
    const res = await served.fixture.app.request(`/plans/p1/reports/${kind}?period=2026-02&format=html`, { headers: { cookie: `ragtrail_token=${served.fixture.tokens.viewer}` } });
    expect(res.status).toBe(200);
    const file = join(reports, `${kind}.html`);
    writeFileSync(file, await res.text());
    await page.goto(pathToFileURL(file).href);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the API reference: no violations, listed, with an operation open and tried, and with its answer shown', async () => {
    await open('/api/docs', () => page.locator('.opblock').first().waitFor({ timeout: 45_000 }));
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('#operations-plans-get_api_plans .opblock-summary-control').click();
    await page.getByRole('button', { name: 'Try it out' }).click();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Execute' }).click();
    await page.locator('.live-responses-table').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // An operation with a request body: its editor is labelled.
    await page.locator('#operations-commands-post_api_plans__planId__commands_AddAction .opblock-summary-control').click();
    await page.locator('#operations-commands-post_api_plans__planId__commands_AddAction').getByRole('button', { name: 'Try it out' }).click();
    await page.getByRole('textbox', { name: 'Request body' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  }, 120_000);

  it('a keyboard alone signs in, changes the moment shown, opens an action and comes back', async () => {
    const guest = await served.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const p = await guest.newPage();
    p.setDefaultTimeout(10_000);
    await p.goto(`${served.base}/plans/p1`);
    await p.getByRole('heading', { name: 'Sign in' }).waitFor();
    // The skip link comes first, and Enter on it moves on to the main content.
    await p.keyboard.press('Tab');
    expect(await p.getByRole('link', { name: 'Skip to main content' }).evaluate((el) => el === document.activeElement)).toBe(true);
    await tabTo(p, '#token');
    await p.keyboard.type(served.fixture.tokens.viewer!);
    await p.keyboard.press('Enter');
    await p.getByRole('heading', { level: 1, name: /Children’s Services Improvement Plan/ }).waitFor();

    // The "as known at" form: day, month and year, then the Show button.
    await tabTo(p, '#asOf-day');
    await p.keyboard.type('10');
    await p.keyboard.press('Tab');
    await p.keyboard.type('3');
    await p.keyboard.press('Tab');
    await p.keyboard.type('2026');
    await tabTo(p, 'button[type=submit] >> text=Show', 5);
    await p.keyboard.press('Enter');
    await p.waitForURL(/asOf=2026-03-10/);
    await p.getByText('as known at 2026-03-10').first().waitFor();

    // An action page through its link in the actions table, and back through the back link.
    await tabTo(p, 'a[href^="/plans/p1/actions/a2"]', 120);
    await p.keyboard.press('Enter');
    await p.getByRole('heading', { level: 1, name: /MASH triage/ }).waitFor();
    expect(p.url()).toContain('asOf=2026-03-10');
    await tabTo(p, '.govuk-back-link', 20);
    await p.keyboard.press('Enter');
    await p.waitForURL(/\/plans\/p1\?asOf=2026-03-10$/);
    await p.getByRole('heading', { level: 1, name: /Children’s Services Improvement Plan/ }).waitFor();
    await guest.close();
  }, 60_000);

  it('a wrong token gets the error summary, focused, linking to the field', async () => {
    await open('/login?failed=1');
    const summary = page.locator('.govuk-error-summary');
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    await summary.getByRole('link').click();
    expect(page.url()).toMatch(/#token$/);
  });

  it('the page grows with the RAG table instead of squeezing it into 960px; the font is the system stack', async () => {
    const wide = await context.newPage();
    await wide.setViewportSize({ width: 1800, height: 900 });
    await wide.goto(`${served.base}/plans/p1`);
    const main = await wide.locator('main').boundingBox();
    expect(main!.width).toBeGreaterThan(1500);
    const font = await wide.locator('h1').evaluate((el) => getComputedStyle(el).fontFamily);
    expect(font).toContain('system-ui');
    expect(font).not.toContain('GDS Transport');
    // A tag carries the level's words: the colour is never the only signal.
    expect(await wide.locator('strong.govuk-tag').first().innerText()).toMatch(/\d(\.\d+)? (Red|Amber|Green|Blue|Sustained)/);
    await wide.close();
  });
});
