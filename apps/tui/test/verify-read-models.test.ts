import { describe, expect, it } from 'vitest';
import { memoryStoreNamed } from '@ragtrail/stores';
import { runCliCaptured as run, seededStoreUrl as seeded } from './cli-run.js';

describe('ragtrail verify and the read models kept beside the log', () => {
  it('verify names each read model entry that does not match the log and exits 1; the entry is dropped, so the next verify holds', async () => {
    const store = await seeded();
    const models = memoryStoreNamed(store.slice('memory:'.length)).readModels!;
    const entry = (await models.get('plan-catalogue', 'dev-plan'))!;
    await models.put('plan-catalogue', [{ ...entry, value: entry.value.replace('Development Plan 2017-19', 'Nothing to see here') }]);
    const wrong = await run(['verify', '--store', store]);
    expect(wrong.code).toBe(1);
    expect(wrong.out).toContain('Every chain holds: 13 events in 1 streams.');
    expect(wrong.out).toContain(`Read model wrong: plan catalogue: the entry for plan dev-plan at revision ${entry.revision} differs from the plan rebuilt from the log`);
    expect(wrong.err).toContain('1 read model entry does not match the log: dropped, so the next read rebuilds from the log; run verify again to confirm');
    const again = await run(['verify', '--store', store]);
    expect(again).toMatchObject({ code: 0, err: '' });
    expect(again.out).not.toContain('Read model wrong');
    // A read lists the plan again from the log; the rebuilt entry then verifies.
    expect((await run(['plans', '--store', store])).out).toContain('Development Plan 2017-19');
    expect((await run(['verify', '--store', store])).out).toContain('The read models match the log (1 plan listings, 0 snapshots).');
  });
});
