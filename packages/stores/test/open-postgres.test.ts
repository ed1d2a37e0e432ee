import { describe, expect, it } from 'vitest';
import { DomainError } from '@ragtrail/core';
import { sealedEvents } from '@ragtrail/core/testing';
import { useTestServer } from '../../store-postgres/test/server/shared.js';
import { openStore } from '../src/index.js';

const running = useTestServer();

describe('openStore for PostgreSQL URLs (real server)', () => {
  it('opens postgres:// and postgresql:// URLs, keeps the events, and keeps schemas apart with ?schema=', async () => {
    const { url } = await running();
    const store = await openStore(`${url}?schema=stores_a`);
    expect(store.kind).toBe('postgres');
    await store.append('plan-x', sealedEvents('plan-x', 2), { expectedRevision: -1 });
    await store.close();
    const again = await openStore(`${url.replace(/^postgres:/, 'postgresql:')}?schema=stores_a`);
    expect((await again.readStream('plan-x')).length).toBe(2);
    await again.close();
    const other = await openStore(`${url}?schema=stores_b`);
    expect(await other.readStream('plan-x')).toEqual([]);
    await other.close();
  });

  it('names the store field and says what to check when the server cannot be reached or refuses the database', async () => {
    const { port, url } = await running();
    const unreachable = await openStore(`postgres://ragtrail@127.0.0.1:1/ragtrail`).catch((e: unknown) => e);
    expect(unreachable).toBeInstanceOf(DomainError);
    expect(unreachable).toMatchObject({ field: 'store', rule: 'postgres-reachable', message: expect.stringContaining('127.0.0.1:1/ragtrail') });
    const noDatabase = await openStore(url.replace(/\/postgres$/, '/no_such_db')).catch((e: unknown) => e);
    expect(noDatabase).toMatchObject({ field: 'store', rule: 'postgres-login', message: expect.stringContaining(`127.0.0.1:${port}/no_such_db`) });
  });
});
