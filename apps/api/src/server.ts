import { serve } from '@hono/node-server';
import { createRagtrail } from '@ragtrail/core';
import { openStore } from '@ragtrail/stores';
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import { createApp } from './app.js';

export interface ServerOptions { storeUrl?: string; port?: number; host?: string; logger?: Logger; /** How long to wait for in-flight requests before cutting them off. */ drainMs?: number }

/** Opens the store, serves the app, and on SIGTERM stops accepting, lets in-flight requests finish, then closes the store. */
export async function startServer(options: ServerOptions = {}): Promise<{ url: string; port: number; close(): Promise<void> }> {
  const logger = options.logger ?? pino();
  const store = await openStore(options.storeUrl);
  const ragtrail = createRagtrail({ store });
  const shutdown = new AbortController();
  const app = createApp({ ragtrail, logger, shutdown: shutdown.signal });
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 3000, hostname: host }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | null = null;
  const close = () => (closing ??= new Promise<void>((resolve) => {
    // Stop accepting, end live streams, let the requests in flight finish; a client that holds on
    // past drainMs is cut off so the store still gets closed.
    const s = server as unknown as { closeIdleConnections?: () => void; closeAllConnections?: () => void };
    // Keep-alive sockets go idle as their last response ends; close them as they do, not after keepAliveTimeout.
    const sweep = setInterval(() => s.closeIdleConnections?.(), 25);
    const cutOff = setTimeout(() => s.closeAllConnections?.(), options.drainMs ?? 10_000);
    server.close(() => { clearInterval(sweep); clearTimeout(cutOff); resolve(); });
    shutdown.abort();
    s.closeIdleConnections?.();
  }).then(() => ragtrail.close()).then(() => {
    process.off('SIGTERM', onSigterm);
    logger.info('server closed');
  }));
  const onSigterm = () => { logger.info('SIGTERM: draining'); void close(); };
  process.on('SIGTERM', onSigterm);
  const url = `http://${host}:${port}`;
  logger.info({ url }, 'listening');
  return { url, port, close };
}
