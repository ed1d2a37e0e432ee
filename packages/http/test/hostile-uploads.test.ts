// The spreadsheets of issue 17 sent to both upload routes (a plan import, an indicator import), as
// JSON and as a progress stream: each is refused with a 4xx naming the limit and the file, before a
// stream opens, and writes nothing. A name climbing out of the archive is refused and touches no disk.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/index.js';
import { planFixture } from './fixture.js';
import { cellAtRow, cellsInColumn, climbing, declaring, inflatingTo, withEntries } from './hostile-xlsx.js';

const routes = [
  { name: 'plan import', path: '/api/imports/tracker?planId=hostile', role: 'admin' },
  { name: 'indicator import', path: '/api/plans/p1/outcomes/imports?', role: 'officer' },
] as const;

// The server's default limits but for maxEntries, lowered so the archive that breaks it stays small.
const limits = { maxEntries: 100 };
const cases: Array<[string, () => Promise<Uint8Array<ArrayBuffer>>, { limit: string; allowed: number }]> = [
  ['declares A1:XFD1048576', () => declaring('A1:XFD1048576'), { limit: 'maxRows', allowed: 200_000 }],
  ['declares A1:XFD2', () => declaring('A1:XFD2'), { limit: 'maxColumns', allowed: 256 }],
  ['has a cell at row 1,048,576', () => cellAtRow(1_048_576), { limit: 'maxRows', allowed: 200_000 }],
  ['has 2,000 cells in column XFD', () => cellsInColumn(16_384, 2000), { limit: 'maxColumns', allowed: 256 }],
  ['inflates 8 MiB of spaces from a few KB', () => inflatingTo(8 << 20), { limit: 'maxCompressionRatio', allowed: 200 }],
  ['holds 150 entries', () => withEntries(150), { limit: 'maxEntries', allowed: 100 }],
];

describe('hostile spreadsheets', async () => {
  const { rt, store, tokens } = await planFixture();
  const app = createApp({ ragtrail: rt, importLimits: limits });
  const send = (path: string, role: string, fileName: string, content: Uint8Array<ArrayBuffer>, stream: boolean) => app.request(`${path}&fileName=${fileName}`, {
    method: 'POST', headers: { authorization: `Bearer ${tokens[role]}`, 'content-type': 'application/octet-stream', ...(stream ? { accept: 'text/event-stream' } : {}) }, body: content,
  });

  for (const route of routes)
    for (const [what, build, expected] of cases)
      for (const stream of [false, true])
        it(`a workbook that ${what}: ${route.name}${stream ? ', asking for a stream' : ''}, 413 naming ${expected.limit}`, async () => {
          const before = (await store.readAll()).length;
          const res = await send(route.path, route.role, 'hostile.xlsx', await build(), stream);
          expect(res.status, await res.clone().text()).toBe(413);
          expect(res.headers.get('content-type')).toContain('application/problem+json');
          expect(await res.json()).toMatchObject({ rule: 'limit', ...expected, fileName: 'hostile.xlsx' });
          expect((await store.readAll()).length).toBe(before);
        });

  for (const route of routes)
    for (const relationshipToo of [false, true])
      it(`an entry named ../../…${relationshipToo ? ' that the sheet relationship points to' : ''}: ${route.name} refuses it, naming the file, and writes no file`, async () => {
        const name = `ragtrail-climbed-${process.pid}-${relationshipToo ? 'rel' : 'entry'}.xml`;
        const before = (await store.readAll()).length;
        const res = await send(route.path, route.role, 'climb.xlsx', await climbing(name, relationshipToo), false);
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(await res.json()).toMatchObject({ fileName: 'climb.xlsx' });
        for (const dir of ['..', '../..', '../../..']) expect(existsSync(resolve(process.cwd(), dir, name))).toBe(false);
        expect((await store.readAll()).length).toBe(before);
      });
});

describe('an upload form', () => {
  it('of 1,000 one-byte fields is refused before it is parsed, naming the parts it may hold', async () => {
    const { app, store, tokens } = await planFixture();
    const before = (await store.readAll()).length;
    const fields = Array.from({ length: 1000 }, (_, i) => `--b\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\nx\r\n`).join('');
    const res = await app.request('/api/imports/tracker?fileName=t.csv', {
      method: 'POST', headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': 'multipart/form-data; boundary=b' }, body: `${fields}--b--\r\n`,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ field: 'file', rule: 'upload', detail: expect.stringContaining('more than 8 parts') });
    expect((await store.readAll()).length).toBe(before);
  });
});
