// close() must end: the EventStoreDB client's dispose() can wait forever for a call it has already
// cancelled, and a command line process then exits with code 13 mid-close (ragtrail migrate did).
import { describe, expect, it } from 'vitest';
import { disposeWithin } from '../src/dispose-within.js';

describe('closing the EventStoreDB client', () => {
  it('returns after the grace when dispose() never settles', async () => {
    let disposeCalled = false;
    const stuck = { dispose: () => { disposeCalled = true; return new Promise<void>(() => {}); } };
    await disposeWithin(stuck, 50);
    expect(disposeCalled).toBe(true);
  });

  it('returns as soon as dispose() settles, without waiting out the grace', async () => {
    let settle!: () => void;
    const client = { dispose: () => new Promise<void>((resolve) => (settle = resolve)) };
    let done = false;
    const closing = disposeWithin(client, 600_000).then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    settle();
    await closing;
    expect(done).toBe(true);
  });
});
