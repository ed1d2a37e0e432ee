import { createMemoryStore, createRagtrail, mayIssue, type CommandType, type Role } from '@ragtrail/core';
import { actors } from '@ragtrail/core/testing';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/index.js';

const roles: Role[] = ['viewer', 'officer', 'reviewer', 'board', 'admin'];
const routes: { command: CommandType; path: string; body: unknown }[] = [
  { command: 'CreatePlan', path: '/api/plans', body: { title: 'New plan', organisation: 'Council' } },
  { command: 'AddPriority', path: '/api/plans/p1/commands/AddPriority', body: { number: 2, title: 'Quality' } },
  { command: 'AddAction', path: '/api/plans/p1/commands/AddAction', body: { ref: '1.2', priorityId: 'pr1', title: 'More' } },
  { command: 'OpenReview', path: '/api/plans/p1/commands/OpenReview', body: { period: '2026-04', reviewer: 'R', reviewDate: '2026-04-10' } },
  { command: 'RecordEntry', path: '/api/plans/p1/commands/RecordEntry', body: { action: 'a1', period: '2026-03', score: 3 } },
  { command: 'IssueToken', path: '/api/tokens', body: { name: 'Someone', role: 'viewer' } },
];

describe('who may call each mutating route', () => {
  for (const route of routes)
    for (const role of roles)
      it(`${route.command} as ${role}: ${mayIssue(role, route.command) ? 'allowed' : '403'}`, async () => {
        const rt = createRagtrail({ store: createMemoryStore(), now: () => new Date('2026-03-10T10:00:00Z') });
        await rt.createPlan({ planId: 'p1', title: 'Plan', organisation: 'Council' }, { actor: actors.admin });
        await rt.execute('p1', 'AddPriority', { priorityId: 'pr1', number: 1, title: 'Leadership' }, { actor: actors.admin });
        await rt.execute('p1', 'AddAction', { actionId: 'a1', ref: '1.1', priorityId: 'pr1', title: 'Do it' }, { actor: actors.admin });
        await rt.execute('p1', 'OpenReview', { period: '2026-03', reviewer: 'R', reviewDate: '2026-03-10' }, { actor: actors.admin });
        const token = (await rt.issueToken({ name: role, role }, { actor: actors.admin })).token;
        const before = (await rt.history('p1')).length;
        const res = await createApp({ ragtrail: rt }).request(route.path, {
          method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(route.body),
        });
        if (mayIssue(role, route.command)) expect(res.status, await res.text()).toBe(201);
        else {
          expect(res.status, await res.clone().text()).toBe(403);
          expect((await res.json()).rule).toBe('role');
          expect((await rt.history('p1')).length).toBe(before);
        }
      });
});
