// The scrutiny progress report over HTTP, in process with app.request: every role may read it
// (bearer or page cookie), in each format, as of a moment; the OpenAPI document names the kinds.
import { createMemoryStore, createRagtrail } from '@ragtrail/core';
import { admin, officer, reviewer, seedPlan, steppingClock } from '@ragtrail/core/testing';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/index.js';
import { planFixture } from './fixture.js';

const define = { better: 'lower' as const, indicatorId: 'cp-rate', name: 'Children on a child protection plan', unit: 'per 10,000', source: 'DfE CIN census', priorities: ['pr1'] };
const outcome = (type: string) => `/api/plans/p1/outcomes/commands/${type}`;

async function withIndicator() {
  const fixture = await planFixture();
  const { call, tokens } = fixture;
  await call('POST', outcome('DefineIndicator'), tokens.admin!, define);
  await call('POST', outcome('RecordIndicatorValue'), tokens.officer!, { indicator: 'cp-rate', period: '2025-12', value: 68 });
  await call('POST', outcome('RecordIndicatorValue'), tokens.officer!, { indicator: 'cp-rate', period: '2026-02', value: 54, comparators: [{ name: 'statistical neighbours', value: 54.6, source: 'DfE SFA' }] });
  return fixture;
}

describe('the scrutiny progress report over HTTP', () => {
  it('given indicator values, when a viewer asks for it as markdown, then it is a download with the figures in sentences', async () => {
    const { call, tokens } = await withIndicator();
    const res = await call('GET', '/api/plans/p1/reports/scrutiny?format=md&period=2026-02', tokens.viewer!);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="p1-scrutiny-2026-02.md"');
    const md = await res.text();
    expect(md).toMatch(/^# Scrutiny progress report: Children’s Services Improvement Plan/);
    expect(md).toContain('Children on a child protection plan: 54 per 10,000 in February 2026, improving from 68 per 10,000 in December 2025; better than statistical neighbours (54.6 per 10,000)');
  });

  it('renders HTML with its own content-security-policy and XLSX as a workbook; the page cookie serves it too', async () => {
    const { app, call, tokens } = await withIndicator();
    const html = await call('GET', '/api/plans/p1/reports/scrutiny?format=html&period=2026-02', tokens.officer!);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-security-policy')).toMatch(/style-src 'self' 'sha256-/);
    expect(await html.text()).toContain('better than statistical neighbours');
    const xlsx = await call('GET', '/api/plans/p1/reports/scrutiny?format=xlsx&period=2026-02', tokens.board!);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    const page = await app.request('/plans/p1/reports/scrutiny?format=md&period=2026-02', { headers: { cookie: `ragtrail_token=${tokens.viewer}` } });
    expect(page.status).toBe(200);
    const dashboard = await (await app.request('/plans/p1?period=2026-02', { headers: { cookie: `ragtrail_token=${tokens.viewer}` } })).text();
    expect(dashboard).toContain('Scrutiny progress report: <a class="govuk-link" href="/plans/p1/reports/scrutiny?period=2026-02&amp;format=html">');
  });

  it('as of a moment: the same bytes twice, and the figures then known', async () => {
    // A clock that moves, so the moment before the correction can be named.
    const rt = createRagtrail({ store: createMemoryStore(), now: steppingClock('2018-04-01T09:00:00.000Z') });
    await seedPlan(rt);
    await rt.executeOutcome('dev-plan', 'DefineIndicator', { ...define, priorities: ['p1'] }, { actor: admin });
    const recorded = await rt.executeOutcome('dev-plan', 'RecordIndicatorValue', { indicator: 'cp-rate', period: '2018-03', value: 54 }, { actor: officer });
    await rt.executeOutcome('dev-plan', 'CorrectIndicatorValue', { indicator: 'cp-rate', period: '2018-03', value: 58 }, { actor: reviewer, reason: 'restated' });
    const { token } = await rt.issueToken({ name: 'Viewer', role: 'viewer' }, { actor: admin });
    const app = createApp({ ragtrail: rt });
    const get = async (q: string) => (await app.request(`/api/plans/dev-plan/reports/scrutiny?format=md&period=2018-03${q}`, { headers: { authorization: `Bearer ${token}` } })).text();
    const at = `&asOf=${encodeURIComponent(recorded.events[0]!.recordedAt)}`;
    const then = await get(at);
    expect(then).toBe(await get(at));
    expect(then).toContain('54 per 10,000 in March 2018');
    expect(await get('')).toContain('58 per 10,000 in March 2018');
  });

  it('refuses an unknown kind naming the field, and the document lists the kinds for every role', async () => {
    const { call, tokens, app } = await planFixture();
    const bad = await call('GET', '/api/plans/p1/reports/minutes?format=md', tokens.viewer!);
    expect(bad.status).toBe(400);
    const problem = await bad.json();
    expect(problem.field).toBe('kind');
    expect(problem.detail).toMatch(/scrutiny/);
    expect((await call('GET', '/api/plans/p1/reports/scrutiny?format=md', null)).status).toBe(401);
    const doc = await (await app.request('/api/openapi.json')).json();
    const op = doc.paths['/api/plans/{planId}/reports/{kind}'].get;
    expect(op['x-ragtrail-roles']).toEqual(['viewer', 'officer', 'reviewer', 'board', 'admin']);
    expect(op.parameters.find((p: { name: string }) => p.name === 'kind').schema.enum).toEqual(['board', 'evidence', 'scrutiny']);
  });
});
