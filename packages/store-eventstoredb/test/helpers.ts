import { createMemoryStore, createRagtrail, type EventStore, type StoredEvent } from '@ragtrail/core';
import { actors } from '@ragtrail/core/testing';
import { createEventStoreDbStore } from '../src/index.js';
import { startEventStoreDouble, type EventStoreDouble } from './double/server.js';

/** A store on a fresh double, closed (client disposed, server stopped) by `stop`. */
export async function esdbOnDouble(batchAppend = true): Promise<{ store: EventStore; double: EventStoreDouble; stop: () => Promise<void> }> {
  const double = await startEventStoreDouble({ batchAppend });
  const store = createEventStoreDbStore({ connectionString: double.connectionString, pageSize: 50 });
  return { store, double, stop: async () => { await store.close(); await double.stop(); } };
}

/** A real plan written through the facade: plan and access streams, several actors, reasons. */
export async function writeDemoPlan(store: EventStore): Promise<string> {
  const rt = createRagtrail({ store });
  const { planId } = await rt.createPlan({ planId: 'thurrock-dev-plan', title: "Children's Social Care Development Plan 2017-19", organisation: 'Thurrock Council' }, { actor: actors.admin });
  await rt.issueToken({ name: 'Iqbal Vaza', role: 'officer' }, { actor: actors.admin });
  await rt.execute(planId, 'OpenReview', { period: '2018-01', reviewer: 'Improvement Board', reviewDate: '2018-01-28' }, { actor: actors.reviewer });
  await rt.execute(planId, 'OpenReview', { period: '2018-02', reviewer: 'Improvement Board', reviewDate: '2018-02-28' }, { actor: actors.reviewer });
  for (const n of [1, 2, 3]) {
    await rt.execute(planId, 'AddPriority', { number: n, title: `Priority ${n}` }, { actor: actors.admin });
    for (const i of [1, 2]) {
      const ref = `P${n}.${i}`;
      await rt.execute(planId, 'AddAction', { ref, priorityId: `p${n}`, title: `Action ${ref}` }, { actor: actors.admin });
      await rt.execute(planId, 'RecordEntry', { action: ref, period: '2018-01', score: 2, update: 'January update' }, { actor: actors.officer });
      await rt.execute(planId, 'RecordEntry', { action: ref, period: '2018-02', score: 1 + ((n + i) % 3), update: 'February update' }, { actor: actors.officer, reason: 'Monthly progress' });
    }
  }
  return planId;
}

/** What survives a migration: everything but the store's own global positions. */
export const withoutPositions = (events: readonly StoredEvent[]) => events.map(({ position: _p, ...rest }) => rest);

export { createMemoryStore };
