// Every route in process, continued: imports, live events and pages (reads, commands, batches
// and tokens are in every-route.test.ts).
import { demoDir } from '@ragtrail/spreadsheets';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/index.js';
import { planFixture } from './fixture.js';
import { isProblem } from './problem-assert.js';

describe('imports', () => {
  it('imports the demo tracker (raw and multipart) and refuses a broken sheet whole', async () => {
    const { app, tokens, rt } = await planFixture();
    const content = readFileSync(join(demoDir, 'ofsted-tracker-april-2017.tsv'));
    const raw = await app.request('/api/imports/tracker?fileName=tracker.tsv&planId=imported', { method: 'POST', headers: { authorization: `Bearer ${tokens.admin}` }, body: content });
    expect(raw.status, await raw.clone().text()).toBe(201);
    expect((await rt.loadPlan('imported')).revision).toBeGreaterThan(10);
    const form = new FormData();
    form.set('file', new File([content], 'tracker.tsv'));
    const multi = await app.request('/api/imports/tracker?planId=imported-2', { method: 'POST', headers: { authorization: `Bearer ${tokens.admin}` }, body: form });
    expect(multi.status, await multi.clone().text()).toBe(201);
    const plans = (await rt.plans()).length;
    await isProblem(await app.request('/api/imports/tracker?fileName=x.csv&planId=broken', { method: 'POST', headers: { authorization: `Bearer ${tokens.admin}` }, body: 'not,a,tracker\n1,2,3' }), 400);
    await isProblem(await app.request('/api/imports/tracker', { method: 'POST', headers: { authorization: `Bearer ${tokens.admin}` }, body: 'x' }), 400, /file/);
    await isProblem(await app.request('/api/imports/ledger?fileName=x.csv', { method: 'POST', headers: { authorization: `Bearer ${tokens.admin}` }, body: 'x' }), 400, /kind/);
    await isProblem(await app.request('/api/imports/tracker?fileName=t.tsv&planId=v', { method: 'POST', headers: { authorization: `Bearer ${tokens.viewer}` }, body: content }), 403);
    expect((await rt.plans()).length).toBe(plans);
  });

  it('takes the review cadence and, for a workbook, the worksheet from the query', async () => {
    const { app, tokens, rt } = await planFixture();
    const admin = { authorization: `Bearer ${tokens.admin}` };
    const content = readFileSync(join(demoDir, 'ofsted-tracker-april-2017.tsv'));
    expect((await app.request('/api/imports/tracker?fileName=tracker.tsv&planId=monthly', { method: 'POST', headers: admin, body: content })).status).toBe(201);
    const xlsx = await app.request('/api/plans/monthly/exports/tracker?period=2017-04&format=xlsx', { headers: admin });
    const workbook = new Uint8Array(await xlsx.arrayBuffer());
    const quarterly = await app.request('/api/imports/tracker?fileName=tracker.xlsx&planId=quarterly&cadence=quarterly&sheet=1', { method: 'POST', headers: admin, body: workbook });
    expect(quarterly.status, await quarterly.clone().text()).toBe(201);
    const summary = await (await app.request('/api/plans/quarterly/summary', { headers: admin })).json();
    expect(summary).toMatchObject({ period: '2017-04', previousPeriod: '2017-01' });
    const plans = (await rt.plans()).length;
    const noSheet = await isProblem(await app.request('/api/imports/tracker?fileName=tracker.xlsx&planId=x&sheet=Scores', { method: 'POST', headers: admin, body: workbook }), 400);
    expect(noSheet.detail).toContain('expected a worksheet named "Scores"');
    await isProblem(await app.request('/api/imports/tracker?fileName=tracker.tsv&planId=y&cadence=yearly', { method: 'POST', headers: admin, body: content }), 400, /cadence/);
    expect((await rt.plans()).length).toBe(plans);
  });

  it('links "Ofsted N" actions to the recommendation, refusing an ambiguous one until carriesFrom names the plan', async () => {
    const { app, tokens, rt } = await planFixture();
    const admin = { authorization: `Bearer ${tokens.admin}` };
    const tracker = readFileSync(join(demoDir, 'ofsted-tracker-april-2017.tsv'));
    for (const planId of ['ofsted-a', 'ofsted-b'])
      expect((await app.request(`/api/imports/tracker?fileName=tracker.tsv&planId=${planId}`, { method: 'POST', headers: admin, body: tracker })).status).toBe(201);
    const later = ['No.\tAction\tUpdate March 18', 'P1.1\tSecure a more stable workforce (Ofsted 14)\t3'].join('\n');
    const ambiguous = await isProblem(await app.request('/api/imports/tracker?fileName=later.tsv&planId=later&scheme=development-plan-5', { method: 'POST', headers: admin, body: later }), 400);
    expect(ambiguous.detail).toMatch(/"Ofsted 14" is a recommendation of more than one plan \(ofsted-a, ofsted-b\): pass carriesFrom/);
    expect(await rt.planExists('later')).toBe(false);
    const linked = await app.request('/api/imports/tracker?fileName=later.tsv&planId=later&scheme=development-plan-5&carriesFrom=ofsted-b', { method: 'POST', headers: admin, body: later });
    expect(linked.status, await linked.clone().text()).toBe(201);
    const { recommendations } = await rt.coverage('ofsted-b');
    expect(recommendations.find((r) => r.ref === 'Ofsted 14')!.carriedBy).toEqual([expect.objectContaining({ planId: 'later', ref: 'P1.1' })]);
  });

  it('refuses a spreadsheet over the import limit with 413, naming the limit', async () => {
    const { rt, tokens } = await planFixture();
    const app = createApp({ ragtrail: rt, importLimitBytes: 1_000 });
    const res = await app.request('/api/imports/tracker?fileName=t.tsv', { method: 'POST', headers: { authorization: `Bearer ${tokens.admin}` }, body: 'x'.repeat(5_000) });
    expect((await isProblem(res, 413)).detail).toContain('1000');
  });
});

describe('live events', () => {
  it('streams a new event of the plan as server-sent events', async () => {
    const { app, tokens, rt } = await planFixture();
    const controller = new AbortController();
    const res = await app.request('/api/plans/p1/events', { headers: { authorization: `Bearer ${tokens.viewer}` }, signal: controller.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    await rt.execute('p1', 'AddPriority', { priorityId: 'pr3', number: 3, title: 'Workforce' }, { actor: { id: 'a', name: 'A', role: 'admin' } });
    let text = '';
    while (!text.includes('Workforce')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toMatch(/event: PriorityAdded/);
    expect(text).toMatch(/id: \d+/);
    controller.abort();
    await reader.cancel().catch(() => {});
    await isProblem(await app.request('/api/plans/nope/events', { headers: { authorization: `Bearer ${tokens.viewer}` } }), 404);
  });
});

describe('pages', () => {
  it('sends a stranger to sign in, and a bad token back with a message, never a 500', async () => {
    const { app, tokens } = await planFixture();
    const stranger = await app.request('/plans/p1');
    expect(stranger.status).toBe(303);
    expect(stranger.headers.get('location')).toBe('/login?next=%2Fplans%2Fp1');
    const sameSite = { origin: 'http://localhost' };
    const bad = await app.request('/login', { method: 'POST', headers: sameSite, body: new URLSearchParams({ token: 'nope', next: '//evil.example' }) });
    expect(bad.headers.get('location')).toBe('/login?failed=1&next=%2F');
    expect(await (await app.request('/login?failed=1')).text()).toContain('not valid');
    const ok = await app.request('/login', { method: 'POST', headers: sameSite, body: new URLSearchParams({ token: tokens.viewer!, next: '/plans/p1' }) });
    expect(ok.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(ok.headers.get('location')).toBe('/plans/p1');
  });

  it("shows the council's imported figures beside the computed ones on the dashboard, labelled", async () => {
    const { app, tokens, rt } = await planFixture();
    await rt.execute('p1', 'ImportFigures', { period: '2026-02', source: 'February board pack', priorities: [{ priorityId: 'pr1', figure: 2.6 }], overall: 2.4 }, { actor: { id: 'a', name: 'A', role: 'admin' } });
    const dash = await (await app.request('/plans/p1?period=2026-02', { headers: { cookie: `ragtrail_token=${tokens.viewer}` } })).text();
    const leadership = dash.slice(dash.indexOf('Leadership'), dash.indexOf('Front door'));
    expect(leadership).toMatch(/3\.0 Green[\s\S]*2\.6[^<]*<em>\(imported\)<\/em>/);
    expect(dash).toContain('February board pack');
  });

  it('links the board report and the evidence pack of the period shown, and serves them to a signed-in viewer', async () => {
    const { app, tokens } = await planFixture();
    const get = (path: string) => app.request(path, { headers: { cookie: `ragtrail_token=${tokens.viewer}` } });
    const dash = await (await get('/plans/p1?period=2026-02&asOf=2026-03-10')).text();
    const link = /href="(\/plans\/p1\/reports\/board\?period=2026-02&amp;format=html&amp;asOf=2026-03-10)"/.exec(dash)?.[1]?.replace(/&amp;/g, '&');
    expect(link).toBeDefined();
    expect(dash).toContain('/plans/p1/reports/evidence?period=2026-02&amp;format=xlsx');
    const report = await get(link!);
    expect(report.status).toBe(200);
    expect(report.headers.get('content-disposition')).toContain('attachment');
    expect(await report.text()).toContain('Improvement Board report');
    const md = await get('/plans/p1/reports/evidence?period=2026-02&format=md');
    expect(await md.text()).toMatch(/^# Inspector evidence pack/);
    const wrong = await get('/plans/p1/reports/minutes?format=md');
    expect(wrong.status).toBe(400);
    expect(wrong.headers.get('content-type')).toContain('text/html');
    expect((await app.request('/plans/p1/reports/board')).status).toBe(303);
    // The plan's and each action's audit trail as CSV, from the pages.
    expect(dash).toContain('href="/plans/p1/exports/audit?asOf=2026-03-10"');
    const action = await (await get('/plans/p1/actions/a2')).text();
    const csvLink = /href="(\/plans\/p1\/exports\/audit\?action=a2)"/.exec(action)?.[1];
    expect(csvLink).toBeDefined();
    const csv = await (await get(csvLink!)).text();
    expect(csv).toContain('Scored against the wrong month');
    expect(csv).not.toContain('Board oversight');
  });

  it('renders the dashboard, an action page and errors as HTML', async () => {
    const { app, tokens } = await planFixture();
    const get = (path: string) => app.request(path, { headers: { cookie: `ragtrail_token=${tokens.viewer}` } });
    const list = await get('/');
    expect(await list.text()).toContain('Children’s Services Improvement Plan');
    const dash = await (await get('/plans/p1?period=2026-02')).text();
    expect(dash).toContain('<th scope="col"');
    expect(dash).toMatch(/Amber/);
    const stylesheet = /<link rel="stylesheet" href="(\/assets\/[^"]+)"/.exec(dash)?.[1];
    expect(await (await app.request(stylesheet!)).text()).toContain('@media print');
    expect((await get('/plans/p1?asOf=2026-03-10')).status).toBe(200);
    const action = await (await get('/plans/p1/actions/a2')).text();
    expect(action).toContain('<svg');
    expect(action).toContain('Scored against the wrong month');
    for (const path of ['/plans/nope', '/plans/p1/actions/nope', '/plans/p1?asOf=soon', '/plans/p1?period=2026-99']) {
      const res = await get(path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
      expect(res.headers.get('content-type'), path).toContain('text/html');
    }
  });
});
