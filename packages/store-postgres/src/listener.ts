import pg from 'pg';

/**
 * One LISTEN connection per store, open while anyone is subscribed. A notification only says
 * "something was appended"; subscribers then read by position, so a lost notification (the server
 * restarted, the connection dropped) costs a delay, never an event: every (re)connect wakes them too.
 */
export function createListener(connection: pg.ClientConfig, channel: string, wake: () => void) {
  let client: pg.Client | undefined;
  let active = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let attempt = 0;

  const connect = async () => {
    if (!active) return;
    const next = new pg.Client(connection);
    client = next;
    next.on('notification', () => wake());
    next.on('error', () => scheduleReconnect(next));
    next.on('end', () => scheduleReconnect(next));
    try {
      await next.connect();
      await next.query(`LISTEN "${channel}"`);
      attempt = 0;
      wake(); // catch up on whatever was appended while no one listened
    } catch {
      // The server is down or restarting: keep trying, backing off to one attempt every 2 s.
      scheduleReconnect(next);
    }
  };

  const scheduleReconnect = (failed: pg.Client) => {
    if (!active || client !== failed || retryTimer) return;
    client = undefined;
    failed.end().catch(() => undefined);
    const delay = Math.min(2000, 50 * 2 ** attempt++);
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, delay);
    retryTimer.unref();
  };

  return {
    start() {
      if (active) return;
      active = true;
      void connect();
    },
    async stop() {
      active = false;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = undefined;
      const current = client;
      client = undefined;
      await current?.end().catch(() => undefined);
    },
  };
}
