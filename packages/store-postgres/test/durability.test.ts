// Kills the real server and the app processes mid-append: no acknowledged event may be lost.
import { afterEach, describe, expect, it } from 'vitest';
import { verifyStore, type StoredEvent } from '@ragtrail/core';
import { waitUntil } from '@ragtrail/core/testing';
import { createPostgresStore } from '../src/index.js';
import { startAppender } from './fixtures/spawn.js';
import { useTestServer } from './server/shared.js';

const server = useTestServer();
const apps: ReturnType<typeof startAppender>[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill('SIGKILL');
});

const twoApps = (url: string, schema: string) => {
  const started = [startAppender(url, schema, ['plan-shared', 'plan-a']), startAppender(url, schema, ['plan-shared', 'plan-b'])];
  apps.push(...started);
  return started;
};

/** Every acknowledged id is stored, every chain holds, positions run 1..N with no hole. */
async function expectEveryAckStored(url: string, schema: string, acknowledged: Set<string>) {
  const store = await createPostgresStore({ connectionString: url, schema });
  try {
    const all = await store.readAll();
    const ids = new Set(all.map((e) => e.id));
    expect([...acknowledged].filter((id) => !ids.has(id))).toEqual([]);
    expect(all.map((e) => e.position)).toEqual(all.map((_, i) => i + 1));
    expect(await verifyStore(store)).toMatchObject({ ok: true, events: all.length });
    return all.length;
  } finally {
    await store.close();
  }
}

describe('durability against a real PostgreSQL server', () => {
  it('keeps every acknowledged append when the server is killed with SIGKILL during appends from two app processes', async () => {
    const { url, crash, start } = await server();
    const schema = 'server_kill';
    // A follower in this process, subscribed throughout: it must come back after each restart.
    const follower = await createPostgresStore({ connectionString: url, schema });
    const followed: StoredEvent[] = [];
    const sub = follower.subscribe({ onEvent: (e) => void followed.push(e), onError: () => undefined });
    const [a, b] = twoApps(url, schema);
    for (let round = 1; round <= 2; round++) {
      const before = [a!.acks().length, b!.acks().length];
      await waitUntil('both apps acknowledging appends', () => a!.acks().length >= before[0]! + 20 && b!.acks().length >= before[1]! + 20, { timeout: 60_000 });
      const errorsBefore = [a!, b!].map((app) => app.lines.filter((l) => l.startsWith('error ')).length);
      crash();
      await waitUntil('both apps to see the server gone', () => [a!, b!].every((app, i) => app.lines.filter((l) => l.startsWith('error ')).length > errorsBefore[i]!), { timeout: 60_000 });
      start();
      const after = [a!.acks().length, b!.acks().length];
      await waitUntil('both apps appending again after the restart', () => a!.acks().length >= after[0]! + 20 && b!.acks().length >= after[1]! + 20, { timeout: 60_000 });
    }
    for (const app of [a!, b!]) app.child.kill('SIGKILL');
    await Promise.all([a!.exited, b!.exited]);
    const acknowledged = new Set([...a!.acks(), ...b!.acks()]);
    expect(acknowledged.size).toBeGreaterThanOrEqual(160);
    const stored = await expectEveryAckStored(url, schema, acknowledged);
    try {
      await waitUntil('the subscriber to catch up after the restarts', () => followed.length >= stored, { timeout: 60_000 });
      expect(followed.map((e) => e.position)).toEqual(followed.map((_, i) => i + 1));
    } finally {
      await sub.close();
      await follower.close();
    }
  }, 180_000);

  it('keeps every acknowledged append, and stays writable, when app processes are killed with SIGKILL mid-append', async () => {
    const { url } = await server();
    const schema = 'app_kill';
    await (await createPostgresStore({ connectionString: url, schema })).close();
    const acknowledged = new Set<string>();
    const KILLS = 5;
    for (let round = 0; round < KILLS; round++) {
      const [a, b] = twoApps(url, schema);
      // A random moment inside the append loop: after a random number of acknowledged appends.
      const acks = 1 + Math.floor(Math.random() * 8);
      await waitUntil(`both apps acknowledging ${acks} appends`, () => a!.acks().length >= acks && b!.acks().length >= acks, { timeout: 60_000 });
      for (const app of [a!, b!]) app.child.kill('SIGKILL');
      for (const app of [a!, b!]) {
        const exit = await app.exited;
        expect(exit.signal, exit.stderr).toBe('SIGKILL');
        for (const id of app.acks()) acknowledged.add(id);
      }
    }
    const stored = await expectEveryAckStored(url, schema, acknowledged);
    // At most the one in-flight append per killed process can be stored without its ack having been read.
    expect(stored - acknowledged.size).toBeLessThanOrEqual(KILLS * 2);
    // A killed app's transaction held the append lock: the server released it, so a new app appends.
    const [c] = [startAppender(url, schema, ['plan-after'])];
    apps.push(c!);
    await waitUntil('an app appending after the kills', () => c!.acks().length >= 3, { timeout: 60_000 });
  }, 180_000);
});
