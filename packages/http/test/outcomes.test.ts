// The outcome routes in process with app.request(...): roles, the facts a client reads, the
// problems a mistake gets, and the OpenAPI entries.
import { describe, expect, it } from 'vitest';
import { planFixture } from './fixture.js';

const define = { indicatorId: 'cp-rate', name: 'Children on a child protection plan', unit: 'per 10,000', better: 'lower', source: 'DfE CIN census', priorities: ['pr1'] };
const path = (type: string) => `/api/plans/p1/outcomes/commands/${type}`;

describe('outcomes over HTTP', () => {
  it('admins define, officers record with comparators, and the indicator reads improving and better than statistical neighbours', async () => {
    const { call, tokens } = await planFixture();
    expect((await call('POST', path('DefineIndicator'), tokens.officer!, define)).status).toBe(403);
    expect((await call('POST', path('DefineIndicator'), tokens.admin!, define)).status).toBe(201);
    expect((await call('POST', path('RecordIndicatorValue'), tokens.viewer!, { indicator: 'cp-rate', period: '2017-03', value: 68 })).status).toBe(403);
    expect((await call('POST', path('RecordIndicatorValue'), tokens.officer!, { indicator: 'cp-rate', period: '2017-03', value: 68 })).status).toBe(201);
    const recorded = await call('POST', path('RecordIndicatorValue'), tokens.officer!, { indicator: 'cp-rate', period: '2018-03', value: 54, comparators: [{ name: 'statistical neighbours', value: 54.6, source: 'DfE SFA 2018' }] });
    expect(recorded.status).toBe(201);
    expect(recorded.headers.get('etag')).toBe('"2"');

    const res = await call('GET', '/api/plans/p1/indicators', tokens.viewer!);
    expect(res.status).toBe(200);
    const { indicators } = await res.json();
    expect(indicators[0]).toMatchObject({ id: 'cp-rate', direction: 'improving', latest: { period: '2018-03', value: 54 }, comparators: { 'statistical neighbours': { value: 54.6, better: true, source: 'DfE SFA 2018' } } });
    expect(indicators[0].sentence).toContain('better than statistical neighbours');

    // The dashboard page shows it beside the priority's RAG figures.
    const page = await (await call('GET', '/plans/p1?period=2026-02', null, undefined, { cookie: `ragtrail_token=${tokens.viewer}` })).text();
    const section = page.slice(page.indexOf('id="indicators-heading"'), page.indexOf('id="exceptions-heading"'));
    expect(section).toContain('Leadership');
    expect(section).toContain('Children on a child protection plan');
    expect(section).toMatch(/↑ <\/span>improving/);
    expect(section).toContain('better than statistical neighbours (54.6 per 10,000)');
    expect(section).toContain('<svg class="sparkline"');
  });

  it('reviewers correct (with X-Reason) and set targets; officers may not; a second record of a period is a 422 naming the rule', async () => {
    const { call, tokens } = await planFixture();
    await call('POST', path('DefineIndicator'), tokens.admin!, define);
    await call('POST', path('RecordIndicatorValue'), tokens.officer!, { indicator: 'cp-rate', period: '2018-03', value: 54 });
    const twice = await call('POST', path('RecordIndicatorValue'), tokens.officer!, { indicator: 'cp-rate', period: '2018-03', value: 55 });
    expect(twice.status).toBe(422);
    expect(await twice.json()).toMatchObject({ field: 'data.period', rule: 'recorded-once' });
    expect((await call('POST', path('CorrectIndicatorValue'), tokens.officer!, { indicator: 'cp-rate', period: '2018-03', value: 53 }, { 'x-reason': 'restated' })).status).toBe(403);
    const noReason = await call('POST', path('CorrectIndicatorValue'), tokens.reviewer!, { indicator: 'cp-rate', period: '2018-03', value: 53 });
    expect(await noReason.json()).toMatchObject({ rule: 'reason-on-correction' });
    expect((await call('POST', path('CorrectIndicatorValue'), tokens.reviewer!, { indicator: 'cp-rate', period: '2018-03', value: 53 }, { 'x-reason': 'final%20release' })).status).toBe(201);
    expect((await call('POST', path('SetIndicatorTarget'), tokens.officer!, { indicator: 'cp-rate', by: '2018-03', value: 50 })).status).toBe(403);
    expect((await call('POST', path('SetIndicatorTarget'), tokens.reviewer!, { indicator: 'cp-rate', by: '2018-03', value: 50, tolerance: 3 })).status).toBe(201);
    const { indicators } = await (await call('GET', '/api/plans/p1/indicators', tokens.viewer!)).json();
    expect(indicators[0]).toMatchObject({ latest: { value: 53, corrections: 1 }, rag: 'within-tolerance', target: { value: 50 } });
    const bad = await call('POST', path('RecordIndicatorValue'), tokens.officer!, { indicator: 'cp-rate', period: 'March', value: 'x' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).field).toMatch(/^data\.(period|value)$/);
  });

  it('imports a long file of values with comparators in one append; a bad file is a 400 naming row and column', async () => {
    const { app, call, tokens } = await planFixture();
    await call('POST', path('DefineIndicator'), tokens.admin!, define);
    const body = 'Indicator,Period,Value,SN avg\ncp-rate,2017-03,68,\ncp-rate,2018-03,54,54.6\n';
    const post = (content: string, token: string) => app.request('/api/plans/p1/outcomes/imports?fileName=digest.csv&source=DfE&map=SN%20avg%3Dcomparator%3Astatistical%20neighbours', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' }, body: content });
    expect((await post(body, tokens.viewer!)).status).toBe(403);
    const ok = await post(body, tokens.officer!);
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ recorded: 2, unchanged: 0 });
    const { indicators } = await (await call('GET', '/api/plans/p1/indicators', tokens.viewer!)).json();
    expect(indicators[0]).toMatchObject({ direction: 'improving', comparators: { 'statistical neighbours': { value: 54.6, better: true } } });
    const bad = await post('Indicator,Period,Value\ncp-rate,2019-03,lots\n', tokens.officer!);
    expect(bad.status).toBe(400);
    expect((await bad.json()).detail).toContain('digest.csv, row 2, column C "Value"');
  });

  it("the dashboard's exceptions list an off-target indicator beside the actions' exceptions, in the words the API gives", async () => {
    const { call, tokens } = await planFixture();
    await call('POST', path('DefineIndicator'), tokens.admin!, define);
    expect((await call('POST', path('SetIndicatorTarget'), tokens.reviewer!, { indicator: 'cp-rate', by: '2026-02', value: 50, tolerance: 2 })).status).toBe(201);
    expect((await call('POST', path('RecordIndicatorValue'), tokens.officer!, { indicator: 'cp-rate', period: '2026-02', value: 61 })).status).toBe(201);
    const api = await (await call('GET', '/api/plans/p1/exceptions?period=2026-02', tokens.viewer!)).json();
    const offTarget = api.outcomes.find((e: { kind: string }) => e.kind === 'off-target');
    expect(offTarget, JSON.stringify(api.outcomes)).toMatchObject({ ref: 'cp-rate', indicatorId: 'cp-rate' });
    const page = await (await call('GET', '/plans/p1?period=2026-02', null, undefined, { cookie: `ragtrail_token=${tokens.viewer}` })).text();
    const section = page.slice(page.indexOf('id="exceptions-heading"'), page.indexOf('</section>', page.indexOf('id="exceptions-heading"')));
    expect(section).toContain(`Exceptions (${api.exceptions.length + api.outcomes.length})`);
    expect(section).toContain('off target</strong>: cp-rate: ');
    expect(section).toContain(offTarget.message.replace(/&/g, '&amp;'));
  });

  it('an If-Match on the outcome stream that moved on is refused with 412', async () => {
    const { call, tokens } = await planFixture();
    await call('POST', path('DefineIndicator'), tokens.admin!, define);
    const stale = await call('POST', path('RecordIndicatorValue'), tokens.officer!, { indicator: 'cp-rate', period: '2018-03', value: 54 }, { 'if-match': '"5"' });
    expect(stale.status).toBe(412);
  });

  it('serves milestones, outcome exceptions and coverage, and documents every outcome route', async () => {
    const { call, tokens, app } = await planFixture();
    expect(await (await call('GET', '/api/plans/p1/milestones', tokens.viewer!)).json()).toMatchObject({ planId: 'p1', milestones: [] });
    expect(await (await call('GET', '/api/plans/p1/outcome-exceptions', tokens.viewer!)).json()).toMatchObject({ exceptions: [] });
    const coverage = await (await call('GET', '/api/plans/p1/coverage', tokens.viewer!)).json();
    expect(coverage.recommendations.map((r: { ref: string }) => r.ref)).toEqual(['1.1', '2.1']);
    expect(coverage.exceptions).toHaveLength(2);
    expect((await call('GET', '/api/plans/nope/indicators', tokens.viewer!)).status).toBe(404);
    expect((await call('GET', '/api/plans/p1/indicators?period=2018-13', tokens.viewer!)).status).toBe(400);
    const doc = await (await app.request('/api/openapi.json')).json();
    for (const p of ['/api/plans/{planId}/indicators', '/api/plans/{planId}/milestones', '/api/plans/{planId}/coverage', '/api/plans/{planId}/outcome-exceptions', '/api/plans/{planId}/outcomes/commands/RecordIndicatorValue'])
      expect(doc.paths, p).toHaveProperty([p]);
    expect(doc.paths['/api/plans/{planId}/outcomes/commands/CorrectIndicatorValue'].post.summary).toContain('reviewer');
  });
});
