// A long import's batch flushes its events into SQLite's staged append as it goes: still all or
// none, invisible to every reader (in this process or another connection) until it commits.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRagtrail, DomainError, loadOrCreateSigningKey } from '@ragtrail/core';
import { sealedEvents } from '@ragtrail/core/testing';
import { createSqliteStore } from '../src/index.js';

const admin = { actor: { id: 'ann', name: 'Ann Admin', role: 'admin' as const } };
const reviewer = { actor: { id: 'rory', name: 'Rory Patterson', role: 'reviewer' as const } };
const board = { actor: { id: 'lyn', name: 'Lyn Carpenter', role: 'board' as const } };

const dirs: string[] = [];
function storeFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ragtrail-staged-'));
  dirs.push(dir);
  return join(dir, 'store.db');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('a batch that flushes into SQLite', () => {
  it('shows nothing before commit, then the whole plan, folded as a reader folds it', async () => {
    const path = storeFile();
    const writer = createRagtrail({ store: createSqliteStore({ path }) });
    const reader = createRagtrail({ store: createSqliteStore({ path }) });
    const batch = await writer.batch('long');
    batch.execute('CreatePlan', { title: 'Long plan', organisation: 'Thurrock Council' } as never, admin);
    batch.execute('AddPriority', { priorityId: 'p1', number: 1, title: 'Workforce' }, admin);
    for (let i = 1; i <= 30; i++) {
      batch.execute('AddAction', { ref: `P1.${i}`, priorityId: 'p1', title: `Action ${i}` }, admin);
      if (i % 10 === 0) await batch.flush();
    }
    batch.execute('OpenReview', { period: '2017-04', reviewer: 'Rory Patterson', reviewDate: '2017-04-28' }, reviewer);
    expect(await reader.plans()).toEqual([]);
    expect((await writer.plans()).map((p) => p.planId)).toEqual([]);

    const result = await batch.commit();
    // 32 events, of which 30 were flushed: the answer counts them all and lists those held since.
    expect(result.revision).toBe(32);
    expect(result.events.map((e) => e.type)).toEqual(['ReviewOpened']);
    const seen = await reader.loadPlan('long');
    expect(seen.actionOrder).toHaveLength(30);
    expect(await writer.loadPlan('long')).toEqual(seen);
    expect((await reader.verify()).ok).toBe(true);
    await writer.close();
    await reader.close();
  });

  it('writes nothing when a command is refused after a flush, and the plan can be imported again', async () => {
    const path = storeFile();
    const rt = createRagtrail({ store: createSqliteStore({ path }) });
    const batch = await rt.batch('refused');
    batch.execute('CreatePlan', { title: 'Refused plan', organisation: 'Thurrock Council' } as never, admin);
    batch.execute('AddAction', { ref: 'A1', title: 'First' }, admin);
    await batch.flush();
    expect(() => batch.execute('AddAction', { ref: 'A1', title: 'The same reference again' }, admin)).toThrow(DomainError);
    await batch.discard();
    expect(await rt.plans()).toEqual([]);
    await expect(rt.loadPlan('refused')).rejects.toThrow(/No plan refused/);

    const again = await rt.batch('refused');
    again.execute('CreatePlan', { title: 'Refused plan', organisation: 'Thurrock Council' } as never, admin);
    await again.flush();
    expect((await again.commit()).revision).toBe(0);
    await rt.close();
  });

  it('loses the race, writing nothing, when another process wrote the plan while it was staging', async () => {
    const path = storeFile();
    const slow = createRagtrail({ store: createSqliteStore({ path }) });
    const fast = createRagtrail({ store: createSqliteStore({ path }) });
    const batch = await slow.batch('raced');
    batch.execute('CreatePlan', { title: 'Raced plan', organisation: 'Thurrock Council' } as never, admin);
    await batch.flush();
    // Staging holds no lock on the file: the other connection writes meanwhile.
    await fast.createPlan({ planId: 'raced', title: 'Raced plan, the other one', organisation: 'Thurrock Council' }, admin);
    const error = await batch.commit().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('conflict');
    expect((await fast.loadPlan('raced')).title).toBe('Raced plan, the other one');
    await slow.close();
    await fast.close();
  });

  it('takes the checkpoint that follows a sign-off, though the sign-off was flushed before the commit', async () => {
    const path = storeFile();
    const signer = loadOrCreateSigningKey(join(path, '..', 'log.key'), 'ragtrail.test/staged');
    const rt = createRagtrail({ store: createSqliteStore({ path }), signer });
    const batch = await rt.batch('signed');
    batch.execute('CreatePlan', { title: 'Signed plan', organisation: 'Thurrock Council' } as never, admin);
    batch.execute('OpenReview', { period: '2017-04', reviewer: 'Rory Patterson', reviewDate: '2017-04-28' }, reviewer);
    batch.execute('SignOffReview', { period: '2017-04' }, { ...board, reason: 'Board meeting' });
    await batch.flush();
    batch.execute('OpenReview', { period: '2017-05', reviewer: 'Rory Patterson', reviewDate: '2017-05-26' }, reviewer);
    const result = await batch.commit();
    expect(result.checkpointProblem).toBeUndefined();
    // The checkpoint covers the plan's four events, sign-off included.
    expect(result.checkpoint?.treeSize).toBeGreaterThanOrEqual(4);
    await rt.close();
  });
});

describe('the staged append itself', () => {
  it('drops its table with the connection: a store closed mid-import leaves nothing behind', async () => {
    const path = storeFile();
    const first = createSqliteStore({ path });
    const staged = first.stageAppend('plan-left', { expectedRevision: -1 });
    await staged.stage(sealedEvents('plan-left', 3));
    await first.close();
    const second = createSqliteStore({ path });
    expect(await second.streamRevision('plan-left')).toBe(-1);
    expect(await second.readAll()).toEqual([]);
    await second.close();
  });
});
