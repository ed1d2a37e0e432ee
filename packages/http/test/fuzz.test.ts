import fc from 'fast-check';
import { expect, it } from 'vitest';
import { planFixture } from './fixture.js';

// Every route the app serves (JSON API, files, live, reports, tokens, pages), plus a few that are not routes.
const paths = ['/api/plans', '/api/plans/p1', '/api/plans/p1/summary', '/api/plans/p1/exceptions', '/api/plans/p1/evidence', '/api/plans/p1/audit', '/api/plans/p1/history', '/api/verify', '/api/me', '/api/tokens',
  '/api/tokens/t1', '/api/imports/tracker', '/api/imports/summary', '/api/imports/objectives', '/api/imports/other', '/api/plans/p1/exports/tracker', '/api/plans/p1/exports/audit', '/api/plans/p1/batch',
  '/api/plans/p1/reports/board', '/api/plans/p1/reports/evidence', '/api/plans/nope/summary', '/api/openapi.json', '/api/docs', '/health',
  '/', '/login', '/logout', '/plans/p1', '/plans/p1/reports/board', '/plans/p1/actions/a1', '/plans/p1/actions/nope', '/plans/nope',
  ...['AddPriority', 'AddAction', 'OpenReview', 'RecordEntry', 'CorrectEntry', 'SignOffReview', 'AttachEvidence', 'RescheduleAction', 'ImportFigures', 'Nope'].map((t) => `/api/plans/p1/commands/${t}`)];

it('generated requests never get a 500, and refused ones write nothing', async () => {
  // A plan with actions, reviews, a correction and evidence, so generated reads reach real data.
  const { store, app: fixtureApp, tokens } = await planFixture();
  const app = fixtureApp;
  const token = tokens.admin!;
  await fc.assert(fc.asyncProperty(
    fc.constantFrom(...paths), fc.constantFrom('GET', 'POST', 'DELETE', 'PUT'),
    fc.oneof(fc.json(), fc.string(), fc.anything().map((v) => { try { return JSON.stringify(v) ?? ''; } catch { return ''; } })),
    fc.record({
      period: fc.option(fc.oneof(fc.string(), fc.constantFrom('2026-03', '2026-13', '0000-00'))),
      asOf: fc.option(fc.oneof(fc.string(), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()))),
      offset: fc.option(fc.string()), limit: fc.option(fc.string()), action: fc.option(fc.string()), actor: fc.option(fc.string()),
      since: fc.option(fc.string()), until: fc.option(fc.string()), format: fc.option(fc.constantFrom('md', 'html', 'xlsx', 'csv', 'pdf', 'exe')),
      fileName: fc.option(fc.constantFrom('t.csv', 't.tsv', 't.xlsx', 'x', '')), columnMap: fc.option(fc.string()), next: fc.option(fc.string()),
    }),
    fc.option(fc.string()), fc.boolean(),
    fc.option(fc.constantFrom('application/json', 'text/plain', 'multipart/form-data', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded')),
    fc.option(fc.string()), fc.option(fc.string()),
    async (path, method, body, query, ifMatch, authed, contentType, cookie, lastEventId) => {
      const before = (await store.readAll()).length;
      const qs = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => e[1] !== null)).toString();
      const res = await app.request(`${path}?${qs}`, {
        method, ...(method === 'POST' ? { body } : {}),
        headers: {
          ...(contentType !== null ? { 'content-type': contentType } : {}),
          ...(cookie !== null ? { cookie: `ragtrail_token=${cookie.replace(/[^\x21-\x7e]/g, '')}` } : {}),
          ...(lastEventId !== null ? { 'last-event-id': lastEventId.replace(/[^\x20-\x7e]/g, '') } : {}),
          ...(authed ? { authorization: `Bearer ${token}` } : {}), ...(ifMatch !== null ? { 'if-match': ifMatch.replace(/[^\x20-\x7e]/g, '') } : {}) },
      });
      expect(res.status, await res.clone().text()).toBeLessThan(500);
      // Any stream: a refused import must not leave a half plan, a refused token no access event.
      if (res.status >= 400) expect((await store.readAll()).length).toBe(before);
    },
  ), { numRuns: Number(process.env.FUZZ_RUNS ?? 500) });
});
