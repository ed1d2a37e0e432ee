// Every mutating route against every role: who may (2xx) and who gets 403 naming the rule "role",
// with nothing written. The expectation comes from the core's permission table, not a copy here.
import { mayIssue, type CommandType, type Role } from '@ragtrail/core';
import { demoDir } from '@ragtrail/spreadsheets';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planFixture } from './fixture.js';

const roles: Role[] = ['viewer', 'officer', 'reviewer', 'board', 'admin'];
const tracker = readFileSync(join(demoDir, 'ofsted-tracker-april-2017.tsv'), 'utf8');
const reason = { 'x-reason': 'role table test' };
interface MutatingRoute { name: string; command: CommandType; method: string; path: string | ((tokenId: string) => string); body: unknown; headers?: Record<string, string>; raw?: boolean }
const routes: MutatingRoute[] = [
  { name: 'POST /api/plans', command: 'CreatePlan', method: 'POST', path: '/api/plans', body: { title: 'New plan', organisation: 'Council' } },
  { name: 'AddPriority', command: 'AddPriority', method: 'POST', path: '/api/plans/p1/commands/AddPriority', body: { number: 3, title: 'Quality' } },
  { name: 'AddAction', command: 'AddAction', method: 'POST', path: '/api/plans/p1/commands/AddAction', body: { ref: '1.2', priorityId: 'pr1', title: 'More' } },
  { name: 'OpenReview', command: 'OpenReview', method: 'POST', path: '/api/plans/p1/commands/OpenReview', body: { period: '2026-04', reviewer: 'R', reviewDate: '2026-04-10' } },
  { name: 'RecordEntry', command: 'RecordEntry', method: 'POST', path: '/api/plans/p1/commands/RecordEntry', body: { action: 'a1', period: '2026-03', score: 3 }, headers: reason },
  { name: 'CorrectEntry', command: 'CorrectEntry', method: 'POST', path: '/api/plans/p1/commands/CorrectEntry', body: { action: 'a1', period: '2026-02', score: 2 }, headers: reason },
  { name: 'SignOffReview', command: 'SignOffReview', method: 'POST', path: '/api/plans/p1/commands/SignOffReview', body: { period: '2026-02' } },
  { name: 'AttachEvidence', command: 'AttachEvidence', method: 'POST', path: '/api/plans/p1/commands/AttachEvidence', body: { action: 'a1', title: 'Audit', kind: 'audit', observedOn: '2026-02-20', link: 'https://example.org/a' } },
  { name: 'RescheduleAction', command: 'RescheduleAction', method: 'POST', path: '/api/plans/p1/commands/RescheduleAction', body: { action: 'a1', newDueDate: '2026-12-31', approvedBy: 'DCS' }, headers: reason },
  { name: 'ImportFigures', command: 'ImportFigures', method: 'POST', path: '/api/plans/p1/commands/ImportFigures', body: { period: '2026-02', source: 'Board paper', priorities: [{ priorityId: 'pr1', figure: 2.5 }] } },
  { name: 'POST /api/plans/:id/batch', command: 'RecordEntry', method: 'POST', path: '/api/plans/p1/batch', body: { commands: [{ type: 'RecordEntry', data: { action: 'a1', period: '2026-03', score: 3 } }] }, headers: reason },
  { name: 'POST /api/tokens', command: 'IssueToken', method: 'POST', path: '/api/tokens', body: { name: 'Someone', role: 'viewer' } },
  { name: 'DELETE /api/tokens/:id', command: 'RevokeToken', method: 'DELETE', path: (id) => `/api/tokens/${id}`, body: undefined },
  // An import creates a plan, so it needs what CreatePlan needs.
  { name: 'POST /api/imports/tracker', command: 'CreatePlan', method: 'POST', path: '/api/imports/tracker?fileName=t.tsv&planId=imported', body: tracker, raw: true },
];

describe('who may call each mutating route', () => {
  for (const route of routes)
    for (const role of roles)
      it(`${route.name} as ${role}: ${mayIssue(role, route.command) ? 'allowed' : '403'}`, async () => {
        const { app, rt, store, tokens } = await planFixture();
        await rt.execute('p1', 'OpenReview', { period: '2026-03', reviewer: 'R', reviewDate: '2026-03-28' }, { actor: { id: 'setup', name: 'Setup', role: 'admin' } });
        const victim = await rt.issueToken({ name: 'Spare', role: 'viewer' }, { actor: { id: 'setup', name: 'Setup', role: 'admin' } });
        const before = (await store.readAll()).length;
        const path = typeof route.path === 'string' ? route.path : route.path(victim.tokenId);
        const res = await app.request(path, {
          method: route.method,
          headers: { authorization: `Bearer ${tokens[role]}`, ...(route.raw ? {} : { 'content-type': 'application/json' }), ...route.headers },
          ...(route.body === undefined ? {} : { body: route.raw ? String(route.body) : JSON.stringify(route.body) }),
        });
        if (mayIssue(role, route.command)) {
          expect(res.status, await res.text()).toBeLessThan(300);
          expect((await store.readAll()).length).toBeGreaterThan(before);
        } else {
          expect(res.status, await res.clone().text()).toBe(403);
          expect(res.headers.get('content-type')).toContain('application/problem+json');
          const problem = await res.json() as { rule: string; detail: string };
          expect(problem.rule).toBe('role');
          // In words: "An officer may not correct an entry: that needs ...". A batch's refusal starts
          // with the position and type of the command the caller sent, so they can find it.
          expect(problem.detail).toMatch(/(A|An) [a-z ]+ may not [a-z' -]+: that needs the [a-z, ]+ role$/);
          if (!route.path.toString().endsWith('/batch')) expect(problem.detail).not.toContain(route.command);
          expect((await store.readAll()).length).toBe(before);
        }
      });
});

describe('a refusal says who may, in words', () => {
  it('given a reviewer, when they sign off a review, then the refusal names the board role', async () => {
    const { app, tokens } = await planFixture();
    const res = await app.request('/api/plans/p1/commands/SignOffReview', {
      method: 'POST', headers: { authorization: `Bearer ${tokens.reviewer}`, 'content-type': 'application/json' }, body: JSON.stringify({ period: '2026-02' }),
    });
    expect(res.status).toBe(403);
    expect((await res.json()).detail).toBe('A reviewer may not sign off a review: that needs the board role');
  });

  it('given an officer, when they define an indicator, then the refusal words the outcome command too', async () => {
    const { app, tokens } = await planFixture();
    const res = await app.request('/api/plans/p1/outcomes/commands/DefineIndicator', {
      method: 'POST', headers: { authorization: `Bearer ${tokens.officer}`, 'content-type': 'application/json' }, body: JSON.stringify({ id: 'x', name: 'X', unit: '%', better: 'higher' }),
    });
    expect(res.status).toBe(403);
    expect((await res.json()).detail).toBe('An officer may not define an indicator: that needs the admin role');
  });
});
