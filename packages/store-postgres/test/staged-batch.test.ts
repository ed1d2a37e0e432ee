// A long import's batch flushes into PostgreSQL's staged append (a temporary table of one session):
// nothing is visible to other sessions until the commit, and a refusal after a flush writes nothing.
import { describe, expect, it } from 'vitest';
import { createRagtrail, DomainError } from '@ragtrail/core';
import { freshStore, useTestServer } from './server/shared.js';

const server = useTestServer();
const admin = { actor: { id: 'ann', name: 'Ann Admin', role: 'admin' as const } };

describe('a batch that flushes into PostgreSQL', () => {
  it('shows nothing before commit, then the whole plan as a fresh reader folds it', async () => {
    const store = await freshStore(server);
    const writer = createRagtrail({ store });
    const batch = await writer.batch('long');
    batch.execute('CreatePlan', { title: 'Long plan', organisation: 'Thurrock Council' } as never, admin);
    for (let i = 1; i <= 1_500; i++) {
      batch.execute('AddAction', { ref: `A${i}`, title: `Action ${i}` }, admin);
      if (i % 500 === 0) await batch.flush();
    }
    expect(await store.streamRevision('plan-long')).toBe(-1);
    expect(await createRagtrail({ store }).plans()).toEqual([]);
    const result = await batch.commit();
    expect(result.revision).toBe(1_500);
    const reader = createRagtrail({ store, snapshotEvery: 0 });
    expect((await reader.loadPlan('long')).actionOrder).toHaveLength(1_500);
    expect((await reader.verify()).ok).toBe(true);
    await store.close();
  });

  it('writes nothing when a command is refused after a flush', async () => {
    const store = await freshStore(server);
    const rt = createRagtrail({ store });
    const batch = await rt.batch('refused');
    batch.execute('CreatePlan', { title: 'Refused plan', organisation: 'Thurrock Council' } as never, admin);
    batch.execute('AddAction', { ref: 'A1', title: 'First' }, admin);
    await batch.flush();
    expect(() => batch.execute('AddAction', { ref: 'A1', title: 'Again' }, admin)).toThrow(DomainError);
    await batch.discard();
    expect(await store.readAll()).toEqual([]);
    await store.close();
  });
});
