// 409: when another writer keeps winning the race, the caller hears so, with the current revision.
import { ConcurrencyError, createMemoryStore, createRagtrail, type EventStore } from '@ragtrail/core';
import { actors } from '@ragtrail/core/testing';
import { expect, it } from 'vitest';
import { createApp } from '../src/index.js';

it('answers 409 problem+json with currentRevision when every retry loses the race, and writes nothing', async () => {
  const inner = createMemoryStore();
  let losing = false;
  // A store where, once armed, some other writer always got there first.
  const store: EventStore = {
    ...inner,
    append: (stream, events, options) => (losing ? Promise.reject(new ConcurrencyError(stream, options.expectedRevision, options.expectedRevision + 1)) : inner.append(stream, events, options)),
    subscribe: (o) => inner.subscribe(o),
  };
  const rt = createRagtrail({ store });
  await rt.createPlan({ planId: 'p1', title: 'Plan', organisation: 'Council' }, { actor: actors.admin });
  const { token } = await rt.issueToken({ name: 'Admin', role: 'admin' }, { actor: actors.admin });
  const before = (await inner.readAll()).length;
  losing = true;
  const res = await createApp({ ragtrail: rt }).request('/api/plans/p1/commands/AddPriority', {
    method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ number: 1, title: 'Leadership' }),
  });
  expect(res.status, await res.clone().text()).toBe(409);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(await res.json()).toMatchObject({ status: 409, currentRevision: expect.any(Number) });
  expect((await inner.readAll()).length).toBe(before);
});
