import { createMemoryStore, createRagtrail } from '@ragtrail/core';
import { actors } from '@ragtrail/core/testing';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/index.js';

async function setup() {
  const rt = createRagtrail({ store: createMemoryStore(), now: () => new Date('2026-03-10T10:00:00Z') });
  const admin = (await rt.issueToken({ name: 'Admin', role: 'admin' }, { actor: actors.admin })).token;
  const viewer = (await rt.issueToken({ name: 'Inspector', role: 'viewer' }, { actor: actors.admin })).token;
  const app = createApp({ ragtrail: rt, bodyLimitBytes: 10_000 });
  const call = (method: string, path: string, token: string | null, body?: unknown, headers: Record<string, string> = {}) =>
    app.request(path, {
      method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json', ...headers },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
  return { rt, app, admin, viewer, call };
}

describe('api', () => {
  it('creates a plan, records an entry, and serves the summary', async () => {
    const { call, admin } = await setup();
    const created = await call('POST', '/api/plans', admin, { planId: 'p1', title: 'Plan', organisation: 'Council', scheme: 'development-plan-5' });
    expect(created.status, await created.clone().text()).toBe(201);
    const pr = await call('POST', '/api/plans/p1/commands/AddPriority', admin, { priorityId: 'pr1', number: 1, title: 'Leadership' });
    expect(pr.status, await pr.clone().text()).toBe(201);
    const ac = await call('POST', '/api/plans/p1/commands/AddAction', admin, { actionId: 'a1', ref: '1.1', priorityId: 'pr1', title: 'Do it' });
    expect(ac.status, await ac.clone().text()).toBe(201);
    const rv = await call('POST', '/api/plans/p1/commands/OpenReview', admin, { period: '2026-03', reviewer: 'Rory', reviewDate: '2026-03-10' });
    expect(rv.status, await rv.clone().text()).toBe(201);
    const rec = await call('POST', '/api/plans/p1/commands/RecordEntry', admin, { action: 'a1', period: '2026-03', score: 3 });
    expect(rec.status, await rec.clone().text()).toBe(201);
    const sum = await call('GET', '/api/plans/p1/summary?period=2026-03', admin);
    expect(sum.status).toBe(200);
    expect(JSON.stringify(await sum.json())).toContain('Leadership');
  });

  it('answers mistakes with problem+json', async () => {
    const { call, admin, viewer } = await setup();
    const noAuth = await call('GET', '/api/plans', null);
    expect(noAuth.status).toBe(401);
    expect(noAuth.headers.get('content-type')).toContain('application/problem+json');
    const bad = await call('POST', '/api/plans', admin, { title: '' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).field).toBeTruthy();
    const forbidden = await call('POST', '/api/plans', viewer, { title: 'x', organisation: 'y', scheme: 'development-plan-5' });
    expect(forbidden.status).toBe(403);
    expect((await call('GET', '/api/plans/nope/summary', admin)).status).toBe(404);
    expect((await call('POST', '/api/plans', admin, '{not json')).status).toBe(400);
    expect((await call('POST', '/api/plans', admin, 'x'.repeat(20_000))).status).toBe(413);
    await call('POST', '/api/plans', admin, { planId: 'p2', title: 'Plan', organisation: 'Council', scheme: 'development-plan-5' });
    const stale = await call('POST', '/api/plans/p2/commands/AddPriority', admin, { number: 1, title: 'L' }, { 'if-match': '"99"' });
    expect(stale.status).toBe(412);
  });
});

describe('openapi', () => {
  it('documents every command with its core schema', async () => {
    const { app } = await setup();
    const res = await app.request('/api/openapi.json');
    const doc = await res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/plans/{planId}/commands/RecordEntry'].post.requestBody.content['application/json'].schema.required).toContain('score');
  });
});

describe('reports', () => {
  it('renders the board report as markdown and refuses an unknown format by name', async () => {
    const { call, admin } = await setup();
    await call('POST', '/api/plans', admin, { planId: 'p1', title: 'Plan', organisation: 'Council' });
    const ok = await call('GET', '/api/plans/p1/reports/board?format=md&period=2026-03', admin);
    expect(ok.status, await ok.clone().text()).toBe(200);
    expect(ok.headers.get('content-disposition')).toContain('p1-board-');
    const bad = await call('GET', '/api/plans/p1/reports/board?format=exe', admin);
    expect(bad.status).toBe(400);
    expect((await bad.json()).field).toContain('format');
  });
});
