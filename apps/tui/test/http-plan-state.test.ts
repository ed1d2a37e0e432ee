// The terminal's HTTP source reads a plan through the API's plain-object wire form back into the
// state the screens use (Maps keyed by id), equal to what a direct source loads from the store, and
// follows the pages of every list the API answers a page at a time.
import { describe, expect, it } from 'vitest';
import { createMemoryStore, createRagtrail, runBatch, scoreAt } from '@ragtrail/core';
import { actors, admin, officer, reviewer, seedPlan, steppingClock } from '@ragtrail/core/testing';
import { createApp } from '@ragtrail/http';
import { httpData } from '../src/sources/http.js';

describe('the HTTP source reading a plan', () => {
  it('gives the same state as loading it directly, ids named like built-ins included', async () => {
    const rt = createRagtrail({ store: createMemoryStore(), now: (() => { let t = Date.UTC(2018, 2, 1); return () => new Date((t += 1000)); })() });
    const admin = { actor: actors.admin };
    await rt.createPlan({ planId: 'dev', title: 'Development plan', organisation: 'Thurrock Council' }, admin);
    await rt.execute('dev', 'AddPriority', { priorityId: 'constructor', number: 1, title: 'Workforce' }, admin);
    await rt.execute('dev', 'AddAction', { actionId: 'valueOf', ref: '__proto__', priorityId: 'constructor', title: 'Supervision' }, admin);
    await rt.execute('dev', 'OpenReview', { period: '2018-03', reviewer: 'Improvement Board', reviewDate: '2018-03-31' }, admin);
    await rt.execute('dev', 'RecordEntry', { action: '__proto__', period: '2018-03', score: 3, update: 'On track' }, admin);
    const { token } = await rt.issueToken({ name: 'Inspector', role: 'viewer' }, admin);
    const app = createApp({ ragtrail: rt });
    const data = httpData('http://ragtrail.test', token, ((input: string | URL | Request, init?: RequestInit) => app.request(String(input), init)) as typeof fetch);
    const state = await data.plan('dev');
    expect(state).toEqual(await rt.loadPlan('dev'));
    expect(scoreAt(state, 'valueOf', '2018-03')?.entry.update).toBe('On track');
  });
});

describe('the HTTP source reading answers longer than a page', () => {
  /** The seeded development plan with a dozen more actions, an off-target indicator and evidence, served in process. */
  async function longPlan() {
    const rt = createRagtrail({ store: createMemoryStore(), now: steppingClock('2017-06-01T09:00:00.000Z') });
    const planId = await seedPlan(rt);
    await runBatch(rt, planId, {
      commands: [
        ...Array.from({ length: 12 }, (_, i) => ({ type: 'AddAction', data: { ref: `B${i}`, priorityId: i % 2 ? 'p1' : 'p2', title: `Bulk action ${i}`, dueDate: '2017-03-31' } })),
        ...Array.from({ length: 12 }, (_, i) => ({ type: 'RecordEntry', data: { action: `B${i}`, period: '2017-05', score: (i % 3) + 1, update: `Update ${i}` } })),
      ],
    }, { actor: admin, reason: 'bulk' });
    await rt.execute(planId, 'AttachEvidence', { action: 'B0', title: 'Minutes', kind: 'document', observedOn: '2017-05-28', link: 'https://example.org/minutes' }, { actor: officer });
    for (const id of ['cp-rate', 'neet', 'agency']) {
      await rt.executeOutcome(planId, 'DefineIndicator', { indicatorId: id, name: `Indicator ${id}`, unit: '%', better: 'lower', source: 'DfE' }, { actor: admin });
      await rt.executeOutcome(planId, 'SetIndicatorTarget', { indicator: id, by: '2017-03', value: 50, tolerance: 1 }, { actor: reviewer });
      await rt.executeOutcome(planId, 'RecordIndicatorValue', { indicator: id, period: '2017-03', value: 60 }, { actor: officer });
    }
    const { token } = await rt.issueToken({ name: 'Inspector', role: 'viewer' }, { actor: admin });
    const app = createApp({ ragtrail: rt });
    const asked: string[] = [];
    const fetchImpl = ((input: string | URL | Request, init?: RequestInit) => { asked.push(String(input)); return app.request(String(input), init); }) as typeof fetch;
    return { rt, planId, token, fetchImpl, asked };
  }

  it('follows the pages of every list it reads, so the screens see what a direct source gives', async () => {
    const { rt, planId, token, fetchImpl, asked } = await longPlan();
    const data = httpData('http://ragtrail.test', token, fetchImpl, { pageSize: 2 });
    const q = { period: '2017-05' };
    expect(await data.plan(planId)).toEqual(await rt.loadPlan(planId));
    expect(await data.summary(planId, q)).toEqual(JSON.parse(JSON.stringify(await rt.summary(planId, q))));
    const exceptions = await data.exceptions(planId, q);
    expect(exceptions).toEqual(JSON.parse(JSON.stringify(await rt.exceptions(planId, q))));
    expect(exceptions.exceptions.length + exceptions.outcomes.length).toBeGreaterThan(4);
    expect(await data.evidence(planId, q)).toEqual(JSON.parse(JSON.stringify(await rt.evidence(planId, q))));
    expect(await data.audit(planId)).toEqual(JSON.parse(JSON.stringify(await rt.audit(planId))));
    expect(await data.indicators(planId)).toEqual(JSON.parse(JSON.stringify(await rt.indicators(planId))));
    // Every read went a page at a time: several pages of each, none larger than asked.
    for (const route of ['/api/plans/dev-plan?', '/summary?', '/exceptions?', '/evidence?', '/audit?', '/indicators?'])
      expect(asked.filter((url) => url.includes(route)).length, route).toBeGreaterThan(1);
    expect(asked.every((url) => url.includes('limit=2'))).toBe(true);
  });

  it('reads the plan again from its first page when it changed between pages, so no page is of another revision', async () => {
    const { rt, planId, token, fetchImpl } = await longPlan();
    let recorded = false;
    // Someone records an entry just after the first page is answered.
    const racing = (async (input: string | URL | Request, init?: RequestInit) => {
      const res = await fetchImpl(input, init);
      if (!recorded && String(input).includes(`/api/plans/${planId}?`)) {
        recorded = true;
        await rt.execute(planId, 'RecordEntry', { action: 'P2.1', period: '2017-05', score: 2, update: 'Started' }, { actor: officer, reason: 'Work began' });
      }
      return res;
    }) as typeof fetch;
    const state = await httpData('http://ragtrail.test', token, racing, { pageSize: 4 }).plan(planId);
    expect(recorded).toBe(true);
    expect(state).toEqual(await rt.loadPlan(planId));
    expect([...state.entries.values()].some((byPeriod) => byPeriod.get('2017-05')?.update === 'Started')).toBe(true);
  });

  it('gives up, naming what it read, when the plan changes under every walk of its pages', async () => {
    const { rt, planId, token, fetchImpl } = await longPlan();
    let n = 0;
    const busy = (async (input: string | URL | Request, init?: RequestInit) => {
      const res = await fetchImpl(input, init);
      if (String(input).includes(`/api/plans/${planId}?`)) await rt.execute(planId, 'AttachEvidence', { action: 'B1', title: `Note ${n++}`, kind: 'document', observedOn: '2017-05-28', link: `https://example.org/${n}` }, { actor: officer });
      return res;
    }) as typeof fetch;
    await expect(httpData('http://ragtrail.test', token, busy, { pageSize: 4 }).plan(planId)).rejects.toMatchObject({ code: 'conflict', field: 'api', rule: 'pages', message: expect.stringContaining(`plan ${planId} changed while it was read a page at a time, 3 times`) });
  });

  it('stops with an error when a page of a list does not move forward, rather than asking for ever', async () => {
    const seen: string[] = [];
    const stuck = (async (input: string | URL | Request) => { seen.push(String(input)); return Response.json({ period: '2017-05', actions: [], next: 0, total: 5 }); }) as typeof fetch;
    const data = httpData('http://api', 't', stuck);
    await expect(data.evidence('dev')).rejects.toMatchObject({ field: 'api', rule: 'pages', message: "The app's evidence of dev did not move past position 0" });
    expect(seen).toEqual(['http://api/api/plans/dev/evidence', 'http://api/api/plans/dev/evidence?after=0']);
  });
});
