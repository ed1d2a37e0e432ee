/**
 * `client.dispose()` cancels every call the client opened, then waits for each to report that it
 * finished. A read the store has already consumed to its end can stay on the client's list and
 * never report again (seen with @eventstore/db-client 6.2.1: "Disposing 2 streams" and no
 * "Disposed"), and with nothing else to do Node then exits with code 13 while close() is pending.
 * The cancelling is done at once, so waiting longer gains nothing: close() waits a bounded moment.
 */
export async function disposeWithin(client: { dispose(): Promise<void> }, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([client.dispose(), new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
