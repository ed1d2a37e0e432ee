// The live stream catches a client up at the client's pace: an event is read from the log only when
// the one before it has been taken, so a client far behind on a long plan (or one that stops
// reading) holds a few events in the server, not the plan's whole log.
import { createMemoryStore, createRagtrail, type Ragtrail } from '@ragtrail/core';
import { actors } from '@ragtrail/core/testing';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/index.js';

const ACTIONS = 2000;
const admin = { actor: actors.admin };
const turns = async (n: number) => { for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve)); };

async function longPlan(): Promise<{ rt: Ragtrail; token: string; delivered: () => number }> {
  const rt = createRagtrail({ store: createMemoryStore() });
  await rt.createPlan({ planId: 'long', title: 'A long plan', organisation: 'Council', scheme: 'development-plan-5' }, admin);
  const batch = await rt.batch('long');
  for (let i = 1; i <= ACTIONS; i++) batch.execute('AddAction', { actionId: `a${i}`, ref: `R${i}`, title: `Action ${i}` }, admin);
  await batch.commit();
  const token = (await rt.issueToken({ name: 'Viewer', role: 'viewer' }, admin)).token;
  // Counts the events the live route is handed: what the server has taken from the log for it.
  let delivered = 0;
  const subscribe = rt.subscribe.bind(rt);
  const counted = Object.assign(Object.create(rt) as Ragtrail, {
    subscribe: ((listener, filter) => subscribe((event) => { delivered++; return listener(event); }, filter)) as Ragtrail['subscribe'],
  });
  return { rt: counted, token, delivered: () => delivered };
}

describe('GET /api/plans/{id}/events from the start of a long plan', () => {
  it('hands the client its events only as fast as it reads them', async () => {
    const { rt, token, delivered } = await longPlan();
    const app = createApp({ ragtrail: rt });
    const res = await app.request('/api/plans/long/events?after=0', { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    let text = '';
    while (!text.includes('event: PlanCreated')) text += new TextDecoder().decode((await reader.read()).value);
    // The client stops reading. Many turns of the loop later the server has still taken only a
    // few events for it; written without waiting, all 2,001 would be in its buffers by now.
    await turns(50);
    expect(delivered()).toBeLessThan(50);
    // Read on, and the rest arrives, in order.
    while (!text.includes(`"actionId":"a${ACTIONS}"`)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    expect(text).toContain(`"actionId":"a${ACTIONS}"`);
    expect(delivered()).toBe(ACTIONS + 1);
    await reader.cancel();
  }, 60_000);
});
