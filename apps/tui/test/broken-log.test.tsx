/** @jsxRuntime automatic @jsxImportSource react */
// The terminal dashboard opens with a warning line when the plan's log is broken (an event edited
// after it was recorded), from the integrity field the summary carries; a sound plan shows none.
import { afterEach, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { createMemoryStore, createRagtrail, type EventStore, type StoredEvent } from '@ragtrail/core';
import { actors } from '@ragtrail/core/testing';
import { Dashboard } from '../src/ui/Dashboard.js';
import { plain, until } from './ui-helpers.js';

afterEach(() => cleanup());

/** A reader's view of the store after someone with the file edited one event of plan q. */
const edited = (inner: EventStore): EventStore => {
  const edit = (e: StoredEvent) => (e.stream === 'plan-q' && e.revision === 1 ? { ...e, data: { ...(e.data as object), title: 'Changed' } } : e);
  return { ...inner, readStream: async (s, o) => (await inner.readStream(s, o)).map(edit), readAll: async (o) => (await inner.readAll(o)).map(edit) };
};

it("shows a warning line on the dashboard of a plan whose log is broken, naming where, and none on a sound plan", async () => {
  const store = createMemoryStore();
  const rt = createRagtrail({ store });
  for (const planId of ['p', 'q']) {
    await rt.createPlan({ planId, title: `Plan ${planId}`, organisation: 'Council', scheme: 'development-plan-5' }, { actor: actors.admin });
    await rt.execute(planId, 'AddAction', { actionId: 'a1', ref: '1', title: 'First' }, { actor: actors.admin });
  }
  const reader = createRagtrail({ store: edited(store) });
  const shown = async (planId: string) => {
    const app = render(<Dashboard summary={await reader.summary(planId)} exceptions={[]} selected={null} room={20} />);
    return () => plain(app.lastFrame());
  };
  const broken = await until(await shown('q'), /! Warning: this plan's log is broken at plan-q revision 1 \(hash-mismatch\)/);
  expect(broken.split('\n')[0]).toMatch(/^! Warning/);
  const sound = await until(await shown('p'), /against/);
  expect(sound).not.toContain('Warning');
});
