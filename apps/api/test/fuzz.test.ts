import { createMemoryStore, createRagtrail } from '@ragtrail/core';
import { actors } from '@ragtrail/core/testing';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { createApp } from '../src/index.js';

const paths = ['/api/plans', '/api/plans/p1', '/api/plans/p1/summary', '/api/plans/p1/exceptions', '/api/plans/p1/evidence', '/api/plans/p1/audit', '/api/verify', '/api/tokens',
  ...['AddPriority', 'AddAction', 'OpenReview', 'RecordEntry', 'CorrectEntry', 'SignOffReview', 'AttachEvidence', 'RescheduleAction', 'ImportFigures', 'Nope'].map((t) => `/api/plans/p1/commands/${t}`)];

it('generated requests never get a 500, and refused ones write nothing', async () => {
  const rt = createRagtrail({ store: createMemoryStore(), now: () => new Date('2026-03-10T10:00:00Z') });
  await rt.createPlan({ planId: 'p1', title: 'Plan', organisation: 'Council' }, { actor: actors.admin });
  const token = (await rt.issueToken({ name: 'Admin', role: 'admin' }, { actor: actors.admin })).token;
  const app = createApp({ ragtrail: rt, bodyLimitBytes: 2000 });
  await fc.assert(fc.asyncProperty(
    fc.constantFrom(...paths), fc.constantFrom('GET', 'POST'),
    fc.oneof(fc.json(), fc.string(), fc.anything().map((v) => { try { return JSON.stringify(v) ?? ''; } catch { return ''; } })),
    fc.record({ period: fc.option(fc.string()), asOf: fc.option(fc.string()), offset: fc.option(fc.string()), limit: fc.option(fc.string()) }),
    fc.option(fc.string()), fc.boolean(),
    async (path, method, body, query, ifMatch, authed) => {
      const before = (await rt.history('p1')).length;
      const qs = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => e[1] !== null)).toString();
      const res = await app.request(`${path}?${qs}`, {
        method, ...(method === 'POST' ? { body } : {}),
        headers: { 'content-type': 'application/json', ...(authed ? { authorization: `Bearer ${token}` } : {}), ...(ifMatch !== null ? { 'if-match': ifMatch.replace(/[^\x20-\x7e]/g, '') } : {}) },
      });
      expect(res.status, await res.clone().text()).toBeLessThan(500);
      if (res.status >= 400) expect((await rt.history('p1')).length).toBe(before);
    },
  ), { numRuns: 300 });
});
