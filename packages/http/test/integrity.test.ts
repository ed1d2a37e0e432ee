import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkProofAgainst, createMemoryStore, createRagtrail, loadOrCreateSigningKey, parseVerifierKey, verifyCheckpoint } from '@ragtrail/core';
import { actors } from '@ragtrail/core/testing';
import { createApp } from '../src/index.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

async function signedApp() {
  const dir = mkdtempSync(join(tmpdir(), 'ragtrail-http-key-'));
  dirs.push(dir);
  const signer = loadOrCreateSigningKey(join(dir, 'log.key'), 'ragtrail/http-test');
  const rt = createRagtrail({ store: createMemoryStore(), signer, now: () => new Date('2026-03-10T10:00:00Z') });
  const admin = { actor: actors.admin };
  await rt.createPlan({ planId: 'p1', title: 'Plan', organisation: 'Council', scheme: 'development-plan-5' }, admin);
  await rt.execute('p1', 'AddAction', { actionId: 'a1', ref: '1.1', title: 'Board oversight' }, admin);
  const { token } = await rt.issueToken({ name: 'Viewer', role: 'viewer' }, admin);
  const app = createApp({ ragtrail: rt });
  const get = (path: string) => app.request(path, { headers: { authorization: `Bearer ${token}` } });
  return { rt, get, signer };
}

describe('integrity routes', () => {
  it('publishes the key, and a checkpoint signed by it over every event of the log', async () => {
    const { get, signer } = await signedApp();
    const key = await (await get('/api/key')).json();
    expect(key.verifierKey).toBe(signer.verifierKey);
    const res = await get('/api/checkpoint');
    expect(res.status).toBe(200);
    const cp = await res.json();
    // Two plan events, one token, and the key recorded on first use.
    expect(cp.treeSize).toBe(4);
    const checked = verifyCheckpoint(cp.note, parseVerifierKey(key.verifierKey));
    expect(checked.ok).toBe(true);
    expect(await (await get('/api/checkpoint?format=text')).text()).toBe(cp.note);
  });

  it('signs the log as it stood at asOf, stating the moment in the signed note', async () => {
    const { get } = await signedApp();
    const cp = await (await get('/api/checkpoint?asOf=2020-01-01T00:00:00Z')).json();
    expect(cp.treeSize).toBe(0);
    expect(cp.note).toContain('as-of 2020-01-01T00:00:00.000Z\n');
  });

  it('answers an inclusion proof the verifier accepts, and names a bad revision', async () => {
    const { get, signer } = await signedApp();
    const proof = await (await get('/api/plans/p1/proof?revision=1')).json();
    expect(proof.event.type).toBe('ActionAdded');
    const checked = verifyCheckpoint(proof.checkpoint, parseVerifierKey(signer.verifierKey));
    if (!checked.ok) throw new Error(checked.reason);
    expect(checkProofAgainst(proof, checked.checkpoint)).toEqual({ ok: true });
    const missing = await get('/api/plans/p1/proof?revision=9');
    expect(missing.status).toBe(404);
    const bad = await get('/api/plans/p1/proof?revision=x');
    expect(bad.status).toBe(400);
    expect((await bad.json()).field).toBe('query.revision');
  });

  it('is in the OpenAPI document', async () => {
    const { get } = await signedApp();
    const doc = await (await get('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/checkpoint', '/api/key', '/api/plans/{planId}/proof']));
  });
});
