import { serve } from '@hono/node-server';
import { createMemoryStore, createRagtrail } from '@ragtrail/core';
import { actors } from '@ragtrail/core/testing';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { createApp } from '../src/index.js';

it('simultaneous entries over a real port each land or get 409/412, and every acknowledged one is kept', async () => {
  const rt = createRagtrail({ store: createMemoryStore(), now: () => new Date('2026-03-10T10:00:00Z') });
  await rt.createPlan({ planId: 'p1', title: 'Plan', organisation: 'Council' }, { actor: actors.admin });
  await rt.execute('p1', 'AddPriority', { priorityId: 'pr1', number: 1, title: 'Leadership' }, { actor: actors.admin });
  for (let i = 0; i < 40; i++) await rt.execute('p1', 'AddAction', { actionId: `a${i}`, ref: `1.${i}`, priorityId: 'pr1', title: `Action ${i}` }, { actor: actors.admin });
  await rt.execute('p1', 'OpenReview', { period: '2026-03', reviewer: 'R', reviewDate: '2026-03-10' }, { actor: actors.admin });
  const token = (await rt.issueToken({ name: 'Officer', role: 'officer' }, { actor: actors.admin })).token;
  const revision = (await rt.loadPlan('p1')).revision;
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => { const s = serve({ fetch: createApp({ ragtrail: rt }).fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s)); });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    // Half pin the revision they read (If-Match), half let the core re-decide after losing a race.
    const results = await Promise.all(Array.from({ length: 40 }, async (_, i) => {
      const res = await fetch(`${url}/api/plans/p1/commands/RecordEntry`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(i % 2 ? { 'if-match': `"${revision}"` } : {}) },
        // One action each, so no request breaks a rule: a refusal can only be a lost race.
        body: JSON.stringify({ action: `a${i}`, period: '2026-03', score: (i % 4) + 1, update: `update ${i}` }),
      });
      return { i, status: res.status };
    }));
    for (const r of results) expect([201, 409, 412]).toContain(r.status);
    // Unpinned requests are re-decided by the core after a lost race, so they all land.
    for (const r of results.filter((x) => x.i % 2 === 0)) expect([201, 409]).toContain(r.status);
    const landed = results.filter((r) => r.status === 201).map((r) => `update ${r.i}`);
    expect(landed.length).toBeGreaterThan(0);
    const updates = new Set((await rt.history('p1')).filter((e) => e.type === 'EntryRecorded').map((e) => (e.data as { update?: string | null }).update));
    for (const u of landed) expect(updates.has(u)).toBe(true);
    expect(updates.size).toBe(landed.length);
    expect((await rt.verify({ planId: 'p1' })).ok).toBe(true);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
