// The evidence and the audit trail are computed whole (from the plan's history) and answered a page
// at a time: the whole answer is kept for the next page while the plan is unchanged, and computed
// afresh once it changes, so reading every page costs one computation, not one per page.
import type { Ragtrail } from '@ragtrail/core';
import { actors } from '@ragtrail/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../src/index.js';
import { planFixture } from './fixture.js';
import { lastWholeAnswer } from '../src/work/last-whole-answer.js';

type Json = Record<string, unknown>;

async function countingApp() {
  const { rt, tokens } = await planFixture();
  const computed = { evidence: 0, audit: 0 };
  const counted = Object.assign(Object.create(rt) as Ragtrail, {
    evidence: ((...args) => { computed.evidence++; return rt.evidence(...args); }) as Ragtrail['evidence'],
    audit: ((...args) => { computed.audit++; return rt.audit(...args); }) as Ragtrail['audit'],
  });
  const app = createApp({ ragtrail: counted });
  const get = async (path: string): Promise<Json> => {
    const res = await app.request(path, { headers: { authorization: `Bearer ${tokens.viewer}` } });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as Json;
  };
  /** Follows `next` from the first page, collecting the list under `name`. */
  const allPages = async (path: string, name: string) => {
    const rows: unknown[] = [];
    let after = -1;
    for (;;) {
      const page = await get(`${path}${path.includes('?') ? '&' : '?'}limit=1&after=${after}`);
      rows.push(...(page[name] as unknown[]));
      if (page.next === null) return rows;
      after = page.next as number;
    }
  };
  return { rt, app, get, allPages, computed };
}

describe('paging through a whole answer', () => {
  it('computes the evidence once for all its pages, and again after the plan changes', async () => {
    const { rt, get, allPages, computed } = await countingApp();
    const pages = await allPages('/api/plans/p1/evidence', 'actions');
    expect(pages).toHaveLength(2);
    expect(computed.evidence).toBe(1);
    expect(pages).toEqual((await rt.evidence('p1')).actions.map((a) => JSON.parse(JSON.stringify(a))));

    await rt.execute('p1', 'AttachEvidence', { action: 'a2', title: 'Triage audit', kind: 'document', observedOn: '2026-02-27', link: 'https://example.org/triage' }, { actor: actors.admin });
    const after = (await get('/api/plans/p1/evidence?limit=1&after=0')).actions as Json[];
    expect(computed.evidence).toBe(2);
    expect(JSON.stringify(after)).toContain('Triage audit');
  });

  it('computes the audit trail once for all its pages, once per question, and again after the plan changes', async () => {
    const { rt, get, allPages, computed } = await countingApp();
    const records = await allPages('/api/plans/p1/audit', 'records');
    expect(records.length).toBeGreaterThan(3);
    expect(computed.audit).toBe(1);
    expect(records).toEqual(JSON.parse(JSON.stringify((await rt.audit('p1')).records)));

    // Another question is another whole answer.
    await allPages('/api/plans/p1/audit?action=a1', 'records');
    expect(computed.audit).toBe(2);

    await rt.execute('p1', 'CorrectEntry', { action: 'a1', period: '2026-02', score: 2 }, { actor: actors.admin, reason: 'Scored against the wrong month' });
    const first = await get('/api/plans/p1/audit?limit=1');
    expect(computed.audit).toBe(3);
    expect(first.total).toBe(records.length + 1);
  });
});

describe('a kept whole answer', () => {
  afterEach(() => { vi.useRealTimers(); });

  it('is dropped once no page has asked for it for its idle time, and kept while pages keep coming', async () => {
    vi.useFakeTimers();
    const keep = lastWholeAnswer<number>({ idleMs: 1000 });
    const rt = {} as Ragtrail;
    let computed = 0;
    const ask = () => keep(rt, 'question', async () => ++computed);
    await ask();
    vi.advanceTimersByTime(900);
    await ask();
    vi.advanceTimersByTime(900);
    expect(await ask()).toBe(1);
    vi.advanceTimersByTime(1001);
    expect(await ask()).toBe(2);
  });

  it('is not kept when computing it failed', async () => {
    const keep = lastWholeAnswer<number>();
    const rt = {} as Ragtrail;
    await expect(keep(rt, 'q', () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(await keep(rt, 'q', async () => 7)).toBe(7);
  });
});
