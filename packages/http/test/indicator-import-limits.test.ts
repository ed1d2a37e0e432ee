// An indicator import is an upload like a plan import: read within the server's configured limits,
// refused 413 naming the limit and the file, what the file shows up front refused before any work
// starts, and the reading itself done where the app runs long work (a worker on a store file).
import { createApp } from '../src/index.js';
import { inlineWork, type Work } from '../src/work/pool.js';
import { describe, expect, it } from 'vitest';
import { planFixture } from './fixture.js';

const define = { indicatorId: 'cp-rate', name: 'Children on a child protection plan', unit: 'per 10,000', better: 'lower', priorities: ['pr1'] };
const rows = (n: number) => `Indicator,Period,Value\n${Array.from({ length: n }, (_, i) => `cp-rate,${2000 + i}-03,${50 + (i % 9)}`).join('\n')}\n`;

async function appWith(importLimits: Record<string, number>) {
  const fixture = await planFixture();
  await fixture.call('POST', '/api/plans/p1/outcomes/commands/DefineIndicator', fixture.tokens.admin!, define);
  const started: string[] = [];
  const spy: Work = { run: (task, progress) => { started.push(task.kind); return inlineWork(fixture.rt).run(task, progress); }, close: async () => {} };
  const app = createApp({ ragtrail: fixture.rt, work: spy, importLimits });
  const post = (fileName: string, content: string) => app.request(`/api/plans/p1/outcomes/imports?fileName=${fileName}`, {
    method: 'POST', headers: { authorization: `Bearer ${fixture.tokens.officer}`, 'content-type': 'application/octet-stream' }, body: content,
  });
  return { ...fixture, post, started };
}

describe('an indicator import', () => {
  it('given a server limited to 5 rows, when an officer sends 20, then 413 names maxRows, 5 and the file, and nothing is written', async () => {
    const { post, store } = await appWith({ maxRows: 5 });
    const before = (await store.readAll()).length;
    const res = await post('digest.csv', rows(20));
    expect(res.status, await res.clone().text()).toBe(413);
    expect(await res.json()).toMatchObject({ rule: 'limit', limit: 'maxRows', allowed: 5, fileName: 'digest.csv' });
    expect((await store.readAll()).length).toBe(before);
  });

  it('given a file over the size limit, then it is refused 413 before any work starts', async () => {
    const { post, started } = await appWith({ maxUncompressedBytes: 100 });
    const res = await post('digest.csv', rows(20));
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ limit: 'maxUncompressedBytes', allowed: 100, fileName: 'digest.csv' });
    expect(started).toEqual([]);
  });

  it('given a file within the limits, then it is read and recorded through the work runner', async () => {
    const { post, started } = await appWith({ maxRows: 50 });
    const res = await post('digest.csv', rows(3));
    expect(res.status, await res.clone().text()).toBe(201);
    expect(await res.json()).toMatchObject({ recorded: 3 });
    expect(started).toEqual(['indicator-import']);
  });
});
