import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { DomainError, ValidationError } from '@ragtrail/core';
import { httpData } from '../src/sources/http.js';

type Seen = { url: string; init: RequestInit };

function fakeFetch(answer: (url: URL, init: RequestInit) => Response) {
  const seen: Seen[] = [];
  const impl = (async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(String(input));
    seen.push({ url: url.toString(), init });
    return answer(url, init);
  }) as typeof fetch;
  return { impl, seen };
}

const problem = (status: number, body: Record<string, unknown>) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json' } });

describe('the HTTP data source', () => {
  it('sends the bearer token and the period and asOf of a query', async () => {
    const { impl, seen } = fakeFetch(() => Response.json({ period: '2017-04', exceptions: [] }));
    const data = httpData('http://localhost:3000/', 'rgt_secret', impl);
    expect(await data.exceptions('dev plan', { period: '2017-04', asOf: '2017-05-10' })).toEqual({ period: '2017-04', exceptions: [] });
    expect(seen[0]!.url).toBe('http://localhost:3000/api/plans/dev%20plan/exceptions?period=2017-04&asOf=2017-05-10');
    expect(new Headers(seen[0]!.init.headers).get('authorization')).toBe('Bearer rgt_secret');
  });

  it("reads a plan's indicators from the app's indicators route, with the period", async () => {
    const { impl, seen } = fakeFetch(() => Response.json({ planId: 'dev', period: '2018-03', indicators: [] }));
    const data = httpData('http://api', 't', impl);
    expect(await data.indicators('dev', { period: '2018-03' })).toMatchObject({ period: '2018-03', indicators: [] });
    expect(seen[0]!.url).toBe('http://api/api/plans/dev/indicators?period=2018-03');
  });

  it("reads a plan's whole history by following the app's pages, with the page size asked for", async () => {
    const events = Array.from({ length: 5 }, (_, revision) => ({ id: `e${revision}`, revision }));
    const { impl, seen } = fakeFetch((url) => {
      const after = Number(url.searchParams.get('after'));
      const limit = Number(url.searchParams.get('limit'));
      const page = events.filter((e) => e.revision > after).slice(0, limit);
      const more = page.length > 0 && page.at(-1)!.revision < events.length - 1;
      return Response.json({ events: page, next: more ? page.at(-1)!.revision : null, total: events.length });
    });
    const data = httpData('http://api', 't', impl, { historyPageSize: 2 });
    expect((await data.history('dev')).map((e) => e.id)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4']);
    expect(seen.map((s) => s.url)).toEqual([
      'http://api/api/plans/dev/history?after=-1&limit=2', 'http://api/api/plans/dev/history?after=1&limit=2', 'http://api/api/plans/dev/history?after=3&limit=2',
    ]);
  });

  it('stops with an error naming the plan when a page of history does not move forward, rather than asking for ever', async () => {
    const { impl, seen } = fakeFetch(() => Response.json({ events: [{ id: 'e0', revision: 0 }], next: -1, total: 3 }));
    const data = httpData('http://api', 't', impl);
    await expect(data.history('dev')).rejects.toMatchObject({ field: 'api', message: "The app's history of dev did not move past revision -1" });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.url).toBe('http://api/api/plans/dev/history?after=-1');
  });

  it('says which address it could not reach and what to do, when no app answers there', async () => {
    // A port that was just free: nothing listens there now.
    const server = createServer().listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const data = httpData(`http://127.0.0.1:${port}/`, 'token');
    await expect(data.plans()).rejects.toMatchObject({ code: 'not-found', field: 'api', message: `Cannot reach the HTTP app at http://127.0.0.1:${port} (ECONNREFUSED): start it with \`ragtrail serve\` or check --api` });
  });

  it("turns a problem answer back into the core's errors, so screens show it the same way", async () => {
    const { impl } = fakeFetch((url) =>
      url.pathname.endsWith('/summary')
        ? problem(404, { title: 'Not found', detail: 'No plan nope: list plans to see their ids', field: 'planId', rule: 'exists' })
        : problem(400, { title: 'Invalid', issues: [{ field: 'score', rule: 'invalid_type', message: 'must be a whole number' }] }));
    const data = httpData('http://api', 't', impl);
    const missing = await data.summary('nope').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(DomainError);
    expect(missing).toMatchObject({ code: 'not-found', field: 'planId', message: 'No plan nope: list plans to see their ids' });
    const invalid = await data.recordEntry('dev', { action: 'P1.1', period: '2017-05', score: 2.5 }, null).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(ValidationError);
    expect((invalid as ValidationError).issues[0]).toMatchObject({ field: 'score' });
  });

  it("posts an entry to the app's RecordEntry command with the reason in X-Reason, and reports a refusal by role as forbidden", async () => {
    const { impl, seen } = fakeFetch((_url, init) =>
      init.method === 'POST' && new Headers(init.headers).get('x-reason') === encodeURIComponent('Recruitment landed — at last') ? Response.json({ revision: 14 }) : problem(403, { detail: 'A viewer may not RecordEntry' }));
    const data = httpData('http://api', 't', impl);
    expect(await data.recordEntry('dev', { action: 'P1.1', period: '2017-05', score: 3 }, 'Recruitment landed — at last')).toEqual({ revision: 14 });
    expect(seen[0]!.url).toBe('http://api/api/plans/dev/commands/RecordEntry');
    expect(JSON.parse(String(seen[0]!.init.body))).toEqual({ action: 'P1.1', period: '2017-05', score: 3 });
    await expect(data.recordEntry('dev', { action: 'P1.1', period: '2017-05', score: 3 }, null)).rejects.toMatchObject({ code: 'forbidden', message: 'A viewer may not RecordEntry' });
  });
});
