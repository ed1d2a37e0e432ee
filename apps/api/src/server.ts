import { serve } from '@hono/node-server';
import { createRagtrail } from '@ragtrail/core';
import { openStore } from '@ragtrail/stores';
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import { createApp } from './app.js';

export interface ServerOptions { storeUrl?: string; port?: number; host?: string; logger?: Logger }

/** Opens the store, serves the app, and on SIGTERM stops accepting, lets in-flight requests finish, then closes the store. */
export async function startServer(options: ServerOptions = {}): Promise<{ url: string; port: number; close(): Promise<void> }> {
  const logger = options.logger ?? pino();
  const store = await openStore(options.storeUrl);
  const ragtrail = createRagtrail({ store });
  const app = createApp({ ragtrail, logger });
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 3000, hostname: host }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | null = null;
  const close = () => (closing ??= new Promise<void>((resolve) => server.close(() => resolve())).then(() => ragtrail.close()).then(() => {
    process.off('SIGTERM', onSigterm);
    logger.info('server closed');
  }));
  const onSigterm = () => { logger.info('SIGTERM: draining'); void close(); };
  process.on('SIGTERM', onSigterm);
  const url = `http://${host}:${port}`;
  logger.info({ url }, 'listening');
  return { url, port, close };
}
