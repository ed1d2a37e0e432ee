import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryStore, createRagtrail, DomainError, type EventStore, type StoredEvent } from '../../src/index.js';
import { loadOrCreateSigningKey } from '../../src/integrity/signing-key.js';
import { actors } from '../../src/testing/index.js';

const admin = { actor: actors.admin };
const dir = mkdtempSync(join(tmpdir(), 'ragtrail-status-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A reader's view of a store in which someone with the file changed or removed events. */
function alteredStore(inner: EventStore, alter: (e: StoredEvent) => StoredEvent | null, revisions: Record<string, number> = {}): EventStore {
  const each = (events: StoredEvent[]) => events.flatMap((e) => alter(e) ?? []);
  return {
    ...inner,
    readStream: async (s, o) => each(await inner.readStream(s, o)),
    readAll: async (o) => each(await inner.readAll(o)),
    streamRevision: async (s) => revisions[s] ?? inner.streamRevision(s),
  };
}

async function planWithTokens(store: EventStore, options: { signer?: ReturnType<typeof loadOrCreateSigningKey> } = {}) {
  const rt = createRagtrail({ store, ...options });
  for (const planId of ['p', 'q']) {
    await rt.createPlan({ planId, title: `Plan ${planId}`, organisation: 'Council', scheme: 'development-plan-5' }, admin);
    await rt.execute(planId, 'AddAction', { actionId: 'a1', ref: '1', title: 'First' }, admin);
  }
  const adminToken = (await rt.issueToken({ name: 'Admin', role: 'admin' }, admin)).token;
  const viewerToken = (await rt.issueToken({ name: 'Viewer', role: 'viewer' }, admin)).token;
  return { rt, adminToken, viewerToken };
}

describe('the access stream fails closed', () => {
  it('given a viewer token edited into an admin one, when any token is presented, then none is recognised and the break is named', async () => {
    const store = createMemoryStore();
    const { rt, adminToken, viewerToken } = await planWithTokens(store);
    expect((await rt.authenticate(viewerToken))?.role).toBe('viewer');
    const promoted = (e: StoredEvent) => (e.stream === 'access' && (e.data as { name?: string }).name === 'Viewer' ? { ...e, data: { ...(e.data as object), role: 'admin' } } : e);
    const reader = createRagtrail({ store: alteredStore(store, promoted) });
    expect(await reader.authenticate(viewerToken)).toBeNull();
    expect(await reader.authenticate(adminToken)).toBeNull();
    const status = await reader.integrity();
    expect(status).toMatchObject({ ok: false, access: { stream: 'access', revision: 1, problem: 'hash-mismatch' }, checkpoints: null, plans: [] });
    const refused = await reader.issueToken({ name: 'Mine', role: 'admin' }, admin).catch((e: unknown) => e);
    expect((refused as DomainError).rule).toBe('chain-holds');
  });

  it('given an untouched access stream, then both tokens work and the log is ok', async () => {
    const { rt, adminToken } = await planWithTokens(createMemoryStore());
    expect((await rt.authenticate(adminToken))?.role).toBe('admin');
    expect(await rt.integrity()).toEqual({ ok: true, access: null, checkpoints: null, plans: [] });
    expect(await rt.planIntegrity('p')).toEqual({ ok: true });
  });
});

describe('a plan answers with its integrity', () => {
  it('given an edited event, then the summary carries the first break and the listing of broken plans names it', async () => {
    const store = createMemoryStore();
    await planWithTokens(store);
    const edited = (e: StoredEvent) => (e.stream === 'plan-q' && e.revision === 1 ? { ...e, data: { ...(e.data as object), title: 'Changed' } } : e);
    const reader = createRagtrail({ store: alteredStore(store, edited) });
    expect(await reader.planIntegrity('p')).toEqual({ ok: true });
    expect('integrity' in (await reader.summary('p'))).toBe(false);
    expect((await reader.summary('q')).integrity).toMatchObject({ ok: false, firstBreak: { stream: 'plan-q', revision: 1, problem: 'hash-mismatch' } });
    expect((await reader.integrity()).plans).toEqual([{ planId: 'q', firstBreak: expect.objectContaining({ revision: 1 }) }]);
  });

  it("given a log cut below the store's latest checkpoint (the stream list rewritten to match), then every plan is flagged below-checkpoint", async () => {
    const store = createMemoryStore();
    const signer = loadOrCreateSigningKey(join(dir, 'cut.key'), 'ragtrail.test/log');
    const { rt } = await planWithTokens(store, { signer });
    await rt.takeCheckpoint();
    // Plan q's last event removed, and its stream's revision lowered so the stream list agrees.
    const reader = createRagtrail({ store: alteredStore(store, (e) => (e.stream === 'plan-q' && e.revision === 1 ? null : e), { 'plan-q': 0 }), signer });
    for (const planId of ['p', 'q']) {
      const i = await reader.planIntegrity(planId);
      expect(i).toMatchObject({ ok: false, firstBreak: { problem: 'below-checkpoint', revision: null } });
      expect(i.ok ? '' : i.firstBreak.message).toMatch(/against the store's own checkpoint of \d+ events/);
    }
    expect((await reader.integrity()).checkpoints).toMatchObject({ problem: 'below-checkpoint' });
    expect(await rt.planIntegrity('q')).toEqual({ ok: true });
  });
});
