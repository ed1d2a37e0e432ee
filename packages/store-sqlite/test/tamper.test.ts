import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyStore, type EventToAppend } from '@ragtrail/core';
import { sealedEvents } from '@ragtrail/core/testing';
import { createSqliteStore } from '../src/index.js';

let dir = '';
let path = '';
let events: EventToAppend[] = [];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ragtrail-tamper-'));
  path = join(dir, 'store.db');
  const store = createSqliteStore({ path });
  await store.append('plan-other', sealedEvents('plan-other', 3), { expectedRevision: -1 });
  events = sealedEvents('plan-target', 6);
  await store.append('plan-target', events, { expectedRevision: -1 });
  await store.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Changes the file behind the library's back, as someone with the file and a SQLite tool could. */
const tamper = (sql: string, ...params: unknown[]) => {
  const raw = new Database(path);
  raw.prepare(sql).run(...params);
  raw.close();
};

const verify = async () => {
  const store = createSqliteStore({ path });
  try {
    return await verifyStore(store);
  } finally {
    await store.close();
  }
};

describe('tamper detection through verify', () => {
  it('passes an untouched file', async () => {
    expect(await verify()).toMatchObject({ ok: true, events: 9 });
  });

  it('names an event whose stored bytes were edited', async () => {
    tamper("UPDATE events SET data = replace(data, 'Reviewer 3', 'Reviewer Z') WHERE id = ?", events[3]!.id);
    const result = await verify();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.firstBreak).toMatchObject({ stream: 'plan-target', revision: 3, eventId: events[3]!.id });
  });

  it('names an event whose actor was edited, even though its data is intact', async () => {
    tamper("UPDATE events SET actor = replace(actor, 'Test Officer', 'Someone Else') WHERE id = ?", events[1]!.id);
    const result = await verify();
    expect(!result.ok && result.firstBreak.eventId).toBe(events[1]!.id);
  });

  it('names the place of a deleted event', async () => {
    tamper('DELETE FROM events WHERE id = ?', events[2]!.id);
    const result = await verify();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    // The event after the hole is reported, and the message says which revision is missing.
    expect(result.firstBreak).toMatchObject({ stream: 'plan-target', revision: 3, eventId: events[3]!.id, problem: 'revision-gap' });
    expect(result.firstBreak.message).toContain('expected revision 2');
  });

  it('names an event moved to another place in its stream', async () => {
    // Swap revisions 3 and 4 (through a free revision so the unique constraint holds).
    tamper('UPDATE events SET revision = -1 WHERE id = ?', events[3]!.id);
    tamper('UPDATE events SET revision = 3 WHERE id = ?', events[4]!.id);
    tamper('UPDATE events SET revision = 4 WHERE id = ?', events[3]!.id);
    const result = await verify();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.firstBreak).toMatchObject({ stream: 'plan-target', revision: 3, eventId: events[4]!.id });
  });
});
