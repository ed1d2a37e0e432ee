import fc from 'fast-check';
import { expect, it } from 'vitest';
import { planFixture } from './fixture.js';
import { cellAtRow, cellsInColumn, climbing, columnLetters, declaring, inflatingTo } from './hostile-xlsx.js';

// Every route the app serves (JSON API, files, live, reports, tokens, pages), plus a few that are not routes.
const paths = ['/api/plans', '/api/plans/p1', '/api/plans/p1/summary', '/api/plans/p1/exceptions', '/api/plans/p1/evidence', '/api/plans/p1/audit', '/api/plans/p1/history', '/api/verify', '/api/me', '/api/tokens',
  '/api/tokens/t1', '/api/imports/tracker', '/api/imports/summary', '/api/imports/objectives', '/api/imports/other', '/api/plans/p1/exports/tracker', '/api/plans/p1/exports/audit', '/api/plans/p1/batch',
  '/api/plans/p1/reports/board', '/api/plans/p1/reports/evidence', '/api/plans/nope/summary', '/api/openapi.json', '/api/docs', '/health',
  '/api/plans/p1/outcomes/imports', '/api/plans/p1/indicators', '/api/plans/p1/milestones', '/api/plans/p1/outcome-exceptions', '/api/plans/p1/coverage',
  '/api/plans/p1/outcomes/commands/RecordIndicatorValue', '/api/plans/p1/outcomes/commands/Nope', '/api/checkpoint', '/api/key', '/api/plans/p1/proof',
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

// Valid bodies, each mutated in one field at a time (replaced by any JSON value, or removed).
const validBodies: Array<[string, Record<string, unknown>]> = [
  ['/api/plans/p1/commands/RecordEntry', { action: 'a1', period: '2026-03', score: 3, update: 'On track' }],
  ['/api/plans/p1/commands/CorrectEntry', { action: 'a2', period: '2026-02', score: 3 }],
  ['/api/plans/p1/commands/AttachEvidence', { action: 'a1', title: 'Minutes', kind: 'document', observedOn: '2026-02-20', link: 'https://example.org/m' }],
  ['/api/plans/p1/commands/AddAction', { ref: '1.9', priorityId: 'pr1', title: 'More' }],
  ['/api/plans/p1/commands/OpenReview', { period: '2026-04', reviewer: 'R', reviewDate: '2026-04-10' }],
  ['/api/plans/p1/commands/RescheduleAction', { action: 'a1', newDueDate: '2026-12-31', approvedBy: 'DCS' }],
  ['/api/plans/p1/commands/ImportFigures', { period: '2026-02', source: 'Board', priorities: [{ priorityId: 'pr1', figure: 2.5 }] }],
  ['/api/plans/p1/batch', { commands: [{ type: 'RecordEntry', data: { action: 'a1', period: '2026-03', score: 3 } }] }],
  ['/api/plans', { planId: 'p2', title: 'Another', organisation: 'Council' }],
  ['/api/tokens', { name: 'Someone', role: 'viewer' }],
  ['/api/plans/p1/outcomes/commands/DefineIndicator', { indicatorId: 'cl-rate', name: 'Children on a plan', unit: 'per 10,000', better: 'lower', priorities: ['pr1'] }],
  ['/api/plans/p1/outcomes/commands/RecordIndicatorValue', { indicator: 'cp-rate', period: '2026-02', value: 61, comparators: [{ name: 'England', value: 43 }] }],
  ['/api/plans/p1/outcomes/commands/SetIndicatorTarget', { indicator: 'cp-rate', by: '2026-12', value: 50, tolerance: 2 }],
];

it('valid bodies mutated one field at a time never get a 500, and refused ones write nothing', async () => {
  const { store, app, tokens, call } = await planFixture();
  // The indicator the outcome commands name, so their valid bodies are accepted.
  expect((await call('POST', '/api/plans/p1/outcomes/commands/DefineIndicator', tokens.admin!, { indicatorId: 'cp-rate', name: 'Children on a plan', unit: 'per 10,000', better: 'lower', priorities: ['pr1'] })).status).toBe(201);
  await fc.assert(fc.asyncProperty(
    fc.constantFrom(...validBodies), fc.nat(), fc.option(fc.jsonValue(), { nil: undefined }),
    async ([path, valid], pick, value) => {
      const keys = Object.keys(valid);
      const field = keys[pick % keys.length]!;
      const body: Record<string, unknown> = { ...valid };
      if (value === undefined) delete body[field];
      else body[field] = value;
      const before = (await store.readAll()).length;
      const res = await app.request(path, { method: 'POST', headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': 'application/json', 'x-reason': 'fuzz' }, body: JSON.stringify(body) });
      expect(res.status, `${path} ${field}=${JSON.stringify(value)}: ${await res.clone().text()}`).toBeLessThan(500);
      if (res.status >= 400) expect((await store.readAll()).length).toBe(before);
    },
  ), { numRuns: Number(process.env.FUZZ_RUNS ?? 300) });
});

// Hostile uploads made here: over-wide rows, long cells, more rows than allowed, binary noise
// named .xlsx, a truncated ZIP, a quoted cell that never ends; and workbooks that declare a huge
// size, hold a cell far down or far right, inflate far past their size, or name entries that climb
// out of the archive. Small limits make each cheap.
const letters = fc.integer({ min: 1, max: 16_384 }).map(columnLetters);
const workbooks = fc.oneof(
  fc.tuple(letters, fc.integer({ min: 51, max: 1_048_576 })).map(([column, row]) => ({ name: 'declared.xlsx', build: () => declaring(`A1:${column}${row}`) })),
  fc.integer({ min: 51, max: 1_048_576 }).map((row) => ({ name: 'far-down.xlsx', build: () => cellAtRow(row) })),
  fc.tuple(fc.integer({ min: 17, max: 16_384 }), fc.integer({ min: 1, max: 200 })).map(([column, rows]) => ({ name: 'far-right.xlsx', build: () => cellsInColumn(column, rows) })),
  fc.integer({ min: 20_001, max: 3 << 20 }).map((bytes) => ({ name: 'bomb.xlsx', build: () => inflatingTo(bytes) })),
  fc.tuple(fc.stringMatching(/^[a-z]{1,12}\.xml$/), fc.boolean()).map(([entry, rel]) => ({ name: 'climb.xlsx', build: () => climbing(entry, rel) })),
);
const files = fc.oneof(
  fc.record({ name: fc.constant('wide.csv'), content: fc.integer({ min: 20, max: 400 }).map((n) => `No.,Recommendation\n${Array.from({ length: n }, (_, i) => `c${i}`).join(',')}\n`) }),
  fc.record({ name: fc.constant('long.tsv'), content: fc.integer({ min: 200, max: 5000 }).map((n) => `No.\tRecommendation\n1\t${'x'.repeat(n)}\n`) }),
  fc.record({ name: fc.constant('rows.csv'), content: fc.integer({ min: 60, max: 500 }).map((n) => `No.,Recommendation\n${Array.from({ length: n }, (_, i) => `${i},r`).join('\n')}\n`) }),
  fc.record({ name: fc.constant('noise.xlsx'), content: fc.uint8Array({ minLength: 0, maxLength: 2000 }).map((b) => Buffer.from(b)) }),
  fc.record({ name: fc.constant('cut.xlsx'), content: fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from(b)])) }),
  fc.record({ name: fc.constant('quote.csv'), content: fc.string().map((s) => `No.,Recommendation\n1,"${s.replace(/"/g, '')}`) }),
).map((f) => ({ name: f.name, build: async () => new Uint8Array(Buffer.from(f.content)) }));
const hostile = fc.oneof(files, workbooks);
// Both upload routes: a plan import (admin) and an indicator import (officer).
const uploadTo = fc.oneof(
  fc.constantFrom('tracker', 'summary', 'objectives').map((kind) => ({ path: `/api/imports/${kind}?planId=fuzzed&`, role: 'admin' })),
  fc.constant({ path: '/api/plans/p1/outcomes/imports?', role: 'officer' }),
);

it('hostile uploads are refused with a 4xx and write nothing', async () => {
  const { store, rt, tokens } = await planFixture();
  const { createApp } = await import('../src/index.js');
  const app = createApp({ ragtrail: rt, importLimits: { maxRows: 50, maxColumns: 16, maxCellLength: 100, maxUncompressedBytes: 20_000 } });
  await fc.assert(fc.asyncProperty(hostile, uploadTo, fc.boolean(), async (file, to, events) => {
    const before = (await store.readAll()).length;
    const res = await app.request(`${to.path}fileName=${file.name}`, {
      method: 'POST', headers: { authorization: `Bearer ${tokens[to.role]}`, ...(events ? { accept: 'text/event-stream' } : {}) }, body: await file.build(),
    });
    const text = await res.text();
    expect(res.status, text).toBeLessThan(500);
    expect(text).not.toMatch(/"status":5\d\d/);
    const refused = res.status >= 400 || /event: problem/.test(text);
    expect(refused, `${file.name} to ${to.path} was imported: ${text.slice(0, 200)}`).toBe(true);
    // What a stream could have refused up front is refused before it opens: a 4xx, not a 200 stream.
    expect(res.status, text.slice(0, 200)).toBeGreaterThanOrEqual(400);
    expect((await store.readAll()).length).toBe(before);
  }), { numRuns: Number(process.env.FUZZ_RUNS ?? 200) });
});
