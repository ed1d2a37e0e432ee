import { createMemoryStore, createRagtrail } from '@ragtrail/core';
import { actors } from '@ragtrail/core/testing';
import { createApp } from '../src/index.js';

/** A small plan with two reviewed months, a correction and evidence, and a token per role. */
export async function planFixture() {
  const store = createMemoryStore();
  const rt = createRagtrail({ store, now: () => new Date('2026-03-10T10:00:00Z') });
  const admin = { actor: actors.admin };
  await rt.createPlan({ planId: 'p1', title: 'Children’s Services Improvement Plan', organisation: 'Council', scheme: 'development-plan-5' }, admin);
  await rt.execute('p1', 'AddPriority', { priorityId: 'pr1', number: 1, title: 'Leadership' }, admin);
  await rt.execute('p1', 'AddPriority', { priorityId: 'pr2', number: 2, title: 'Front door' }, admin);
  await rt.execute('p1', 'AddAction', { actionId: 'a1', ref: '1.1', priorityId: 'pr1', title: 'Board oversight' }, admin);
  await rt.execute('p1', 'AddAction', { actionId: 'a2', ref: '2.1', priorityId: 'pr2', title: 'MASH triage' }, admin);
  for (const [period, s1, s2] of [['2026-01', 2, 3], ['2026-02', 3, 1]] as const) {
    await rt.execute('p1', 'OpenReview', { period, reviewer: 'Rory', reviewDate: `${period}-28` }, admin);
    await rt.execute('p1', 'RecordEntry', { action: 'a1', period, score: s1, update: `Board met in ${period}` }, { ...admin, reason: 'monthly review' });
    await rt.execute('p1', 'RecordEntry', { action: 'a2', period, score: s2, update: `Triage in ${period}` }, { ...admin, reason: 'monthly review' });
  }
  await rt.execute('p1', 'CorrectEntry', { action: 'a2', period: '2026-02', score: 2 }, { ...admin, reason: 'Scored against the wrong month' });
  await rt.execute('p1', 'AttachEvidence', { action: 'a1', title: 'Board minutes February', kind: 'document', observedOn: '2026-02-28', link: 'https://example.org/minutes' }, admin);
  const tokens: Record<string, string> = {};
  for (const role of ['viewer', 'officer', 'reviewer', 'board', 'admin'] as const)
    tokens[role] = (await rt.issueToken({ name: `The ${role}`, role }, admin)).token;
  const app = createApp({ ragtrail: rt, bodyLimitBytes: 10_000 });
  const call = (method: string, path: string, token: string | null, body?: unknown, headers: Record<string, string> = {}) =>
    app.request(path, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json', ...headers },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
  return { rt, store, app, tokens, call };
}
