import { randomUUID } from 'node:crypto';
import { GENESIS_HASH, createMemoryStore, createRagtrail, type Actor, type EventToAppend, type StoredEvent } from '@ragtrail/core';
import { seal } from '@ragtrail/core/internal';
import type { EventStore } from '@ragtrail/core';
import { progress } from './report.js';

const officer: Actor = { id: 'bench-admin', name: 'Bench Admin', role: 'admin' };
export const MONTHS = 38;

/** One realistic plan built through the real commands: 5 priorities x 5 actions, a review and 25 entries a month. */
export async function templatePlan(): Promise<StoredEvent[]> {
  const store = createMemoryStore();
  const rt = createRagtrail({ store });
  const caller = { actor: officer, reason: 'benchmark' };
  await rt.createPlan({ planId: 'template', title: 'Improvement plan', organisation: 'Bench Council' }, caller);
  for (let p = 1; p <= 5; p++) {
    await rt.execute('template', 'AddPriority', { priorityId: `p${p}`, number: p, title: `Priority ${p}` }, caller);
    for (let a = 1; a <= 5; a++)
      await rt.execute('template', 'AddAction', { actionId: `p${p}-${a}`, ref: `P${p}.${a}`, priorityId: `p${p}`, title: `Action ${p}.${a}` }, caller);
  }
  for (let m = 0; m < MONTHS; m++) {
    const period = periodAt(m);
    await rt.execute('template', 'OpenReview', { period, reviewer: 'Board chair', reviewDate: `${period}-28` }, caller);
    for (let p = 1; p <= 5; p++)
      for (let a = 1; a <= 5; a++)
        await rt.execute('template', 'RecordEntry', { action: `p${p}-${a}`, period, score: 1 + ((p * 7 + a * 3 + m) % 3), update: `Progress on ${p}.${a} in ${period}` }, caller);
  }
  const events = await store.readAll();
  await rt.close();
  return events;
}

export const periodAt = (m: number) => {
  const month = 3 + m; // from April 2017
  return `${2017 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
};

/** Re-seals the template as plan `planId`, with recorded times spread one per minute from `start`. */
export function clonePlan(template: readonly StoredEvent[], planId: string, start: number): EventToAppend[] {
  const stream = `plan-${planId}`;
  let prevHash = GENESIS_HASH;
  return template.map((e, i) => {
    const data = e.type === 'PlanCreated' ? { ...(e.data as object), planId } : e.data;
    const sealed = seal({ id: randomUUID(), stream, revision: i, recordedAt: new Date(start + i * 60_000).toISOString(), type: e.type, version: e.version, data, actor: e.actor, reason: e.reason, prevHash });
    prevHash = sealed.hash;
    return sealed;
  });
}

/** Writes about `total` events as whole plans, one append per plan, reporting progress. */
export async function generateLog(store: EventStore, total: number): Promise<{ plans: string[]; perPlan: number; template: StoredEvent[] }> {
  const template = await templatePlan();
  const count = Math.max(1, Math.round(total / template.length));
  const plans: string[] = [];
  const t0 = Date.parse('2017-04-01T09:00:00Z');
  for (let i = 0; i < count; i++) {
    const planId = `bench-${String(i).padStart(5, '0')}`;
    // Each plan's minutes follow the last plan's: stores refuse an append recorded before the log's last event.
    await store.append(`plan-${planId}`, clonePlan(template, planId, t0 + i * template.length * 60_000), { expectedRevision: -1 });
    plans.push(planId);
    if (i % 100 === 99 || i === count - 1) progress(`generated ${(i + 1) * template.length} of ${count * template.length} events`);
  }
  return { plans, perPlan: template.length, template };
}
