// The terminal's HTTP source reads a plan through the API's plain-object wire form back into the
// state the screens use (Maps keyed by id), equal to what a direct source loads from the store.
import { describe, expect, it } from 'vitest';
import { createMemoryStore, createRagtrail, scoreAt } from '@ragtrail/core';
import { actors } from '@ragtrail/core/testing';
import { createApp } from '@ragtrail/http';
import { httpData } from '../src/sources/http.js';

describe('the HTTP source reading a plan', () => {
  it('gives the same state as loading it directly, ids named like built-ins included', async () => {
    const rt = createRagtrail({ store: createMemoryStore(), now: (() => { let t = Date.UTC(2018, 2, 1); return () => new Date((t += 1000)); })() });
    const admin = { actor: actors.admin };
    await rt.createPlan({ planId: 'dev', title: 'Development plan', organisation: 'Thurrock Council' }, admin);
    await rt.execute('dev', 'AddPriority', { priorityId: 'constructor', number: 1, title: 'Workforce' }, admin);
    await rt.execute('dev', 'AddAction', { actionId: 'valueOf', ref: '__proto__', priorityId: 'constructor', title: 'Supervision' }, admin);
    await rt.execute('dev', 'OpenReview', { period: '2018-03', reviewer: 'Improvement Board', reviewDate: '2018-03-31' }, admin);
    await rt.execute('dev', 'RecordEntry', { action: '__proto__', period: '2018-03', score: 3, update: 'On track' }, admin);
    const { token } = await rt.issueToken({ name: 'Inspector', role: 'viewer' }, admin);
    const app = createApp({ ragtrail: rt });
    const data = httpData('http://ragtrail.test', token, ((input: string | URL | Request, init?: RequestInit) => app.request(String(input), init)) as typeof fetch);
    const state = await data.plan('dev');
    expect(state).toEqual(await rt.loadPlan('dev'));
    expect(scoreAt(state, 'valueOf', '2018-03')?.entry.update).toBe('On track');
  });
});
