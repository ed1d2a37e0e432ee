// Every route in process with app.request(...): the answer a client gets, and the problem a
// mistake gets (status, application/problem+json, the field and the rule). Imports, live events
// and pages are in every-route-pages.test.ts.
import { describe, expect, it } from 'vitest';
import { planFixture } from './fixture.js';
import { isProblem } from './problem-assert.js';

describe('health, OpenAPI and the reference page', () => {
  it('serves /health without a token', async () => {
    const { app } = await planFixture();
    expect(await (await app.request('/health')).json()).toEqual({ status: 'ok' });
  });

  it('documents every route it serves, from the core schemas', async () => {
    const { app } = await planFixture();
    const doc = await (await app.request('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of ['/api/plans', '/api/plans/{planId}', '/api/plans/{planId}/summary', '/api/plans/{planId}/exceptions', '/api/plans/{planId}/evidence',
      '/api/plans/{planId}/audit', '/api/plans/{planId}/history', '/api/verify', '/api/tokens', '/api/tokens/{tokenId}', '/api/imports/{kind}', '/api/plans/{planId}/exports/tracker',
      '/api/plans/{planId}/events', '/api/plans/{planId}/reports/{kind}', '/api/plans/{planId}/commands/CorrectEntry'])
      expect(doc.paths, path).toHaveProperty([path]);
    const audit = doc.paths['/api/plans/{planId}/audit'].get.parameters.map((p: { name: string }) => p.name);
    expect(audit).toEqual(expect.arrayContaining(['action', 'actor', 'since', 'until', 'offset', 'limit', 'asOf']));
    expect(doc.paths['/api/plans/{planId}/summary'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['period', 'asOf']));
  });

  it('serves the interactive reference with local assets only', async () => {
    const { app } = await planFixture();
    const html = await (await app.request('/api/docs')).text();
    expect(html).not.toMatch(/src="https?:|href="https?:/);
    const scripts = [...html.matchAll(/(?:src|href)="(\/api\/docs\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(1);
    for (const s of scripts) expect((await app.request(s)).status, s).toBe(200);
    await isProblem(await app.request('/api/docs/assets/..%2F..%2Fpackage.json'), 404);
  });
});

describe('reads', () => {
  it('plan state sends its revision as ETag and answers as known at an instant', async () => {
    const { call, tokens } = await planFixture();
    const now = await call('GET', '/api/plans/p1', tokens.viewer!);
    expect(now.headers.get('etag')).toMatch(/^"\d+"$/);
    const then = await call('GET', '/api/plans/p1?asOf=2000-01-01T00:00:00Z', tokens.viewer!);
    expect([200, 404]).toContain(then.status);
    await isProblem(await call('GET', '/api/plans/p1?asOf=yesterday', tokens.viewer!), 400, /asOf/);
    await isProblem(await call('GET', '/api/plans/nope', tokens.viewer!), 404);
  });

  it('summary, exceptions and evidence take period and asOf', async () => {
    const { call, tokens } = await planFixture();
    const jan = await (await call('GET', '/api/plans/p1/summary?period=2026-01', tokens.viewer!)).json();
    expect(JSON.stringify(jan)).toContain('Leadership');
    const asOf = await call('GET', '/api/plans/p1/summary?period=2026-02&asOf=2026-03-10T11:00:00Z', tokens.viewer!);
    expect(asOf.status).toBe(200);
    await isProblem(await call('GET', '/api/plans/p1/summary?period=Febuary', tokens.viewer!), 400, /period/);
    expect((await call('GET', '/api/plans/p1/exceptions?period=2026-02', tokens.viewer!)).status).toBe(200);
    const ev = await (await call('GET', '/api/plans/p1/evidence?action=1.1', tokens.viewer!)).json();
    expect(JSON.stringify(ev)).toContain('Board minutes February');
    await isProblem(await call('GET', '/api/plans/p1/evidence?action=9.9', tokens.viewer!), 404);
  });

  it('audit trail is filtered by action, actor, type and time, and paginated', async () => {
    const { call, tokens } = await planFixture();
    const all = await (await call('GET', '/api/plans/p1/audit', tokens.viewer!)).json();
    expect(all.total).toBeGreaterThan(5);
    const page = await (await call('GET', '/api/plans/p1/audit?limit=2&offset=1', tokens.viewer!)).json();
    expect(page.records).toHaveLength(2);
    expect(page.total).toBe(all.total);
    const a2 = await (await call('GET', '/api/plans/p1/audit?action=2.1', tokens.viewer!)).json();
    expect(a2.records.length).toBeGreaterThan(0);
    expect(a2.records.length).toBeLessThan(all.total);
    const corrections = await (await call('GET', '/api/plans/p1/audit?type=EntryCorrected', tokens.viewer!)).json();
    expect(corrections.records.map((r: { reason: string }) => r.reason)).toEqual(['Scored against the wrong month']);
    const none = await (await call('GET', '/api/plans/p1/audit?until=2020-01-01', tokens.viewer!)).json();
    expect(none.total).toBe(0);
    expect((await call('GET', '/api/plans/p1/audit?since=2026-03-01&actor=Nobody%20Here', tokens.viewer!)).status).toBe(200);
    await isProblem(await call('GET', '/api/plans/p1/audit?limit=5000', tokens.viewer!), 400, /limit/);
    await isProblem(await call('GET', '/api/plans/p1/audit?offset=-1', tokens.viewer!), 400, /offset/);
  });

  it('history lists the recorded events, as known at an instant too; the summary takes the overall method', async () => {
    const { call, tokens } = await planFixture();
    const { events: all, next, total } = await (await call('GET', '/api/plans/p1/history', tokens.viewer!)).json();
    expect(all[0].type).toBe('PlanCreated');
    expect(all.at(-1).hash).toMatch(/^[0-9a-f]{64}$/);
    expect({ next, total }).toEqual({ next: null, total: all.length });
    expect((await (await call('GET', '/api/plans/p1/history?asOf=2026-03-10T10:00:00Z', tokens.viewer!)).json()).events).toHaveLength(all.length);
    await isProblem(await call('GET', '/api/plans/p1/history?asOf=nope', tokens.viewer!), 400, /asOf/);
    const byActions = await call('GET', '/api/plans/p1/summary?overallMethod=mean-of-actions', tokens.viewer!);
    expect(byActions.status).toBe(200);
    await isProblem(await call('GET', '/api/plans/p1/summary?overallMethod=median', tokens.viewer!), 400, /overallMethod/);
  });

  it('answers 304 without a body when the reader already holds the revision (If-None-Match)', async () => {
    const { call, tokens, rt } = await planFixture();
    for (const path of ['/api/plans/p1/summary?period=2026-02', '/api/plans/p1']) {
      const first = await call('GET', path, tokens.viewer!);
      const tag = first.headers.get('etag')!;
      const again = await call('GET', path, tokens.viewer!, undefined, { 'if-none-match': tag });
      expect(again.status, path).toBe(304);
      expect(await again.text(), path).toBe('');
      expect(again.headers.get('etag')).toBe(tag);
      expect((await call('GET', path, tokens.viewer!, undefined, { 'if-none-match': `"other", W/${tag}` })).status, path).toBe(304);
      expect((await call('GET', path, tokens.viewer!, undefined, { 'if-none-match': '"0"' })).status, path).toBe(200);
    }
    const tag = (await call('GET', '/api/plans/p1/summary', tokens.viewer!)).headers.get('etag')!;
    await rt.execute('p1', 'AddPriority', { number: 3, title: 'Care leavers' }, { actor: { id: 'a', name: 'A', role: 'admin' } });
    const moved = await call('GET', '/api/plans/p1/summary', tokens.viewer!, undefined, { 'if-none-match': tag });
    expect(moved.status).toBe(200);
    expect(moved.headers.get('etag')).not.toBe(tag);
  });

  it('verify checks the chains', async () => {
    const { call, tokens } = await planFixture();
    expect(await (await call('GET', '/api/verify', tokens.viewer!)).json()).toMatchObject({ ok: true });
    expect((await call('GET', '/api/verify?planId=p1', tokens.viewer!)).status).toBe(200);
  });

  it('exports the tracker as CSV and XLSX, and the audit trail as CSV', async () => {
    const { call, tokens } = await planFixture();
    const csv = await call('GET', '/api/plans/p1/exports/tracker?period=2026-02', tokens.viewer!);
    expect(csv.status, await csv.clone().text()).toBe(200);
    expect(csv.headers.get('content-disposition')).toContain('attachment');
    expect(await csv.text()).toContain('MASH triage');
    const xlsx = await call('GET', '/api/plans/p1/exports/tracker?period=2026-02&format=xlsx', tokens.viewer!);
    expect(xlsx.status).toBe(200);
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    await isProblem(await call('GET', '/api/plans/p1/exports/tracker', tokens.viewer!), 400, /period/);
    const audit = await call('GET', '/api/plans/p1/exports/audit?action=2.1', tokens.viewer!);
    expect(audit.status, await audit.clone().text()).toBe(200);
    expect(audit.headers.get('content-disposition')).toContain('p1-audit.csv');
    const auditText = await audit.text();
    expect(auditText).toMatch(/^Recorded at,Revision,Event,Who/);
    expect(auditText).toContain('Scored against the wrong month');
    expect(auditText).not.toContain('Board oversight');
    await isProblem(await call('GET', '/api/plans/p1/exports/audit?asOf=soon', tokens.viewer!), 400, /asOf/);
  });
});

describe('commands', () => {
  it('every command lands with 201 and a new ETag; If-Match pins the revision (412)', async () => {
    const { call, tokens } = await planFixture();
    const etag = (await call('GET', '/api/plans/p1', tokens.officer!)).headers.get('etag')!;
    const open = await call('POST', '/api/plans/p1/commands/OpenReview', tokens.reviewer!, { period: '2026-03', reviewer: 'Rory', reviewDate: '2026-03-28' }, { 'if-match': etag });
    expect(open.status, await open.clone().text()).toBe(201);
    expect(open.headers.get('etag')).not.toBe(etag);
    const stale = await call('POST', '/api/plans/p1/commands/RecordEntry', tokens.officer!, { action: '1.1', period: '2026-03', score: 3 }, { 'if-match': etag });
    const p = await isProblem(stale, 412);
    expect(JSON.stringify(p)).toMatch(/revision/i);
    await isProblem(await call('POST', '/api/plans/p1/commands/RecordEntry', tokens.officer!, { action: '1.1', period: '2026-03', score: 3 }, { 'if-match': 'banana' }), 400, /If-Match/);
    const rec = await call('POST', '/api/plans/p1/commands/RecordEntry', tokens.officer!, { action: '1.1', period: '2026-03', score: 3 }, { 'if-match': open.headers.get('etag')! });
    expect(rec.status, await rec.clone().text()).toBe(201);
    await isProblem(await call('POST', '/api/plans/p1/commands/CorrectEntry', tokens.officer!, { action: '1.1', period: '2026-03', score: 4 }, { 'x-reason': 'late' }), 403);
    const corr = await call('POST', '/api/plans/p1/commands/CorrectEntry', tokens.admin!, { action: '1.1', period: '2026-03', score: 2 }, { 'x-reason': encodeURIComponent('Évidence arrived late') });
    expect(corr.status, await corr.clone().text()).toBe(201);
    const audit = await (await call('GET', '/api/plans/p1/audit?type=EntryCorrected&action=1.1', tokens.viewer!)).json();
    expect(audit.records[0].reason).toBe('Évidence arrived late');
    const rs = await call('POST', '/api/plans/p1/commands/RescheduleAction', tokens.reviewer!, { action: '2.1', newDueDate: '2026-09-30', approvedBy: 'DCS' }, { 'x-reason': 'Waiting on the new case system' });
    expect(rs.status, await rs.clone().text()).toBe(201);
  });

  it('names the field and the rule of invalid input, and refuses unknown commands', async () => {
    const { call, tokens } = await planFixture();
    const bad = await isProblem(await call('POST', '/api/plans/p1/commands/RecordEntry', tokens.officer!, { action: '1.1', period: '2026-13', score: 2.5 }), 400);
    expect(bad.field).toBeTruthy();
    expect(bad.rule).toBeTruthy();
    await isProblem(await call('POST', '/api/plans/p1/commands/DropTable', tokens.admin!, {}), 404);
    await isProblem(await call('POST', '/api/plans/p1/commands/RecordEntry', tokens.officer!, '[1,2'), 400);
    await isProblem(await call('POST', '/api/plans/p1/commands/RecordEntry', tokens.officer!, { action: '1.1', period: '2026-02', score: 3, update: 'x'.repeat(20_000) }), 413);
    await isProblem(await call('POST', '/api/plans/nope/commands/AddPriority', tokens.admin!, { number: 1, title: 'L' }), 404);
    // A rule the plan's history breaks (not a lost race) is 422, naming the rule.
    expect((await isProblem(await call('POST', '/api/plans', tokens.admin!, { planId: 'p1', title: 'Again', organisation: 'Council' }), 422, /planId/)).rule).toBe('unique');
  });
});

describe('batch', () => {
  it('runs many commands in order and writes them together, or writes nothing and names the command at fault', async () => {
    const { call, tokens, rt, store } = await planFixture();
    const month = {
      commands: [
        { type: 'OpenReview', data: { period: '2026-03', reviewer: 'Rory', reviewDate: '2026-03-28' } },
        { type: 'RecordEntry', data: { action: '1.1', period: '2026-03', score: 3, update: 'Board met' } },
        { type: 'RecordEntry', data: { action: '2.1', period: '2026-03', score: 3, update: 'Triage steady' }, reason: 'Triage times back within target' },
      ],
    };
    const before = (await store.readAll()).length;
    // A refusal part-way: nothing of the batch is written, and the problem names the command.
    const bad = { commands: [month.commands[0], { type: 'RecordEntry', data: { action: '9.9', period: '2026-03', score: 3 } }] };
    const refused = await isProblem(await call('POST', '/api/plans/p1/batch', tokens.reviewer!, bad), 404);
    expect(refused.field).toBe('commands.1.action');
    expect(refused.detail).toMatch(/^Command 2 \(RecordEntry\): No action "9.9"/);
    const invalid = await isProblem(await call('POST', '/api/plans/p1/batch', tokens.reviewer!, { commands: [{ type: 'RecordEntry', data: { action: '1.1', period: 'March', score: 3 } }] }), 400);
    expect(JSON.stringify(invalid)).toContain('commands.0.data.period');
    await isProblem(await call('POST', '/api/plans/p1/batch', tokens.reviewer!, { commands: [] }), 400, /commands/);
    const forbidden = await isProblem(await call('POST', '/api/plans/p1/batch', tokens.officer!, month), 403, /^commands\.0/);
    expect(forbidden.detail).toMatch(/^Command 1 \(OpenReview\): An officer may not open a review: that needs the reviewer, board or admin role/);
    await isProblem(await call('POST', '/api/plans/p1/batch', tokens.reviewer!, month, { 'if-match': '"3"' }), 412);
    expect((await store.readAll()).length).toBe(before);

    const etag = (await call('GET', '/api/plans/p1', tokens.reviewer!)).headers.get('etag')!;
    const landed = await call('POST', '/api/plans/p1/batch', tokens.reviewer!, month, { 'if-match': etag, 'x-reason': encodeURIComponent('March review') });
    expect(landed.status, await landed.clone().text()).toBe(201);
    const result = await landed.json();
    expect(result.events.map((e: { type: string }) => e.type)).toEqual(['ReviewOpened', 'EntryRecorded', 'EntryRecorded']);
    expect(result.events.map((e: { reason: string | null }) => e.reason)).toEqual(['March review', 'March review', 'Triage times back within target']);
    expect(landed.headers.get('etag')).toBe(`"${result.revision}"`);
    expect((await rt.summary('p1', { period: '2026-03' })).priorities.map((p) => p.current.mean)).toEqual([3, 3]);
  });
});

describe('tokens', () => {
  it('an admin issues a token shown once; revoking it shuts it out', async () => {
    const { call, tokens, rt } = await planFixture();
    const issued = await call('POST', '/api/tokens', tokens.admin!, { name: 'Inspector Jones', role: 'viewer' });
    expect(issued.status, await issued.clone().text()).toBe(201);
    const { token, tokenId } = await issued.json();
    expect((await call('GET', '/api/plans', token)).status).toBe(200);
    const me = await (await call('GET', '/api/me', token)).json();
    expect(me).toMatchObject({ name: 'Inspector Jones', role: 'viewer' });
    expect(JSON.stringify(me)).not.toContain(token);
    await isProblem(await call('GET', '/api/me', null), 401);
    expect(JSON.stringify(await rt.history('p1'))).not.toContain(token);
    expect((await call('DELETE', `/api/tokens/${tokenId}`, tokens.admin!)).status).toBe(200);
    await isProblem(await call('GET', '/api/plans', token), 401, /Authorization/);
    await isProblem(await call('POST', '/api/tokens', tokens.officer!, { name: 'Me', role: 'admin' }), 403);
    const listed = await (await call('GET', '/api/tokens', tokens.admin!)).json();
    expect(listed.map((t: { name: string }) => t.name)).toContain('Inspector Jones');
    expect(JSON.stringify(listed)).not.toMatch(/tokenHash/);
    expect(JSON.stringify(listed)).not.toContain(token);
    await isProblem(await call('GET', '/api/tokens', tokens.viewer!), 403);
    await isProblem(await call('POST', '/api/tokens', tokens.admin!, { name: 'Me', role: 'emperor' }), 400, /role/);
  });
});

