// Issue 13's reproduction, over HTTP: a reference or id named like a built-in property answered
// 500 and wrote an event no reader could fold. Each must now answer 4xx, write nothing, and leave
// every page and the plan's JSON working.
import { describe, expect, it } from 'vitest';
import { planStateFromJson } from '@ragtrail/core';
import { planFixture } from './fixture.js';

describe('references named like built-in properties', () => {
  it('RecordEntry for action "__proto__" is 404 and writes nothing; the plan, its list and its page still answer', async () => {
    const { store, tokens, call } = await planFixture();
    await call('POST', '/api/plans/p1/commands/OpenReview', tokens.admin!, { period: '2018-03', reviewer: 'Rory', reviewDate: '2018-03-28' });
    const before = (await store.readAll()).length;
    for (const action of ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty']) {
      const res = await call('POST', '/api/plans/p1/commands/RecordEntry', tokens.officer!, { action, period: '2018-03', score: 3 });
      expect(res.status, action).toBe(404);
      expect((await res.json()).field).toBe('action');
    }
    expect(await store.readAll()).toHaveLength(before);
    expect((await call('GET', '/api/plans', tokens.viewer!)).status).toBe(200);
    expect((await call('GET', '/plans/p1', tokens.viewer!)).status).toBe(200);
    const plan = await call('GET', '/api/plans/p1', tokens.viewer!);
    expect(plan.status).toBe(200);
    // The wire form is plain objects keyed by id (docs/http-api.md), and reads back into the state.
    const body = await plan.json();
    expect(Object.keys(body.actions)).toEqual(['a1', 'a2']);
    expect(planStateFromJson(body).actions.get('a1')?.ref).toBe('1.1');
  });

  it('AddAction under priority "constructor" is 404 (no such priority)', async () => {
    const { store, tokens, call } = await planFixture();
    const before = (await store.readAll()).length;
    const res = await call('POST', '/api/plans/p1/commands/AddAction', tokens.admin!, { ref: '9.9', priorityId: 'constructor', title: 'Hidden' });
    expect(res.status).toBe(404);
    expect((await res.json()).field).toBe('priorityId');
    expect(await store.readAll()).toHaveLength(before);
  });

  it('DELETE /api/tokens/constructor is 404 and records no TokenRevoked', async () => {
    const { store, tokens, call } = await planFixture();
    const before = await store.readStream('access');
    for (const id of ['constructor', '__proto__', 'no-such-token']) expect((await call('DELETE', `/api/tokens/${id}`, tokens.admin!)).status, id).toBe(404);
    expect(await store.readStream('access')).toEqual(before);
  });
});
