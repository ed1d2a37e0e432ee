import { serve } from '@hono/node-server';
import { createRagtrail, signerForStore } from '@ragtrail/core';
import { DEFAULT_STORE_URL, openStore } from '@ragtrail/stores';
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import { createApp } from './app.js';
import { importLimitsFromEnv } from './settings.js';
import { inlineWork, workerPool } from './work/pool.js';
import { keepHeapGrowthModest } from '@ragtrail/spreadsheets';

/** The server could not listen where it was asked to; the message says what to change. */
export class ListenError extends Error {
  override readonly name = 'ListenError';
}

export interface ServerOptions {
  storeUrl?: string; port?: number; host?: string; logger?: Logger;
  /** How long to wait for in-flight requests before cutting them off. */
  drainMs?: number;
  /** Behind a TLS-terminating proxy; default: RAGTRAIL_TRUST_PROXY=1 (docs/security.md). */
  trustProxy?: boolean;
  /** Largest upload an import accepts (default 20 MB); keep it no larger than maxUncompressedBytes. */
  importLimitBytes?: number;
  /** Long requests that may wait for a worker before more are refused 503 (default RAGTRAIL_MAX_WAITING_WORK, else 16). */
  maxWaitingWork?: number;
}

const maxWaitingOf = (value: string | undefined): number | undefined => {
  if (value === undefined || value === '') return undefined;
  if (!/^\d{1,6}$/.test(value)) throw new ListenError(`RAGTRAIL_MAX_WAITING_WORK=${value}: must be a whole number of requests (0 refuses any that cannot start at once)`);
  return Number(value);
};

const trustProxyOf = (value: string | undefined): boolean => {
  if (value === undefined || value === '' || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true') return true;
  throw new ListenError(`RAGTRAIL_TRUST_PROXY=${value}: must be 1 (a TLS-terminating proxy sets X-Forwarded-Proto) or 0`);
};

/** Opens the store, serves the app, and on SIGTERM stops accepting, lets in-flight requests finish, then closes the store. */
export async function startServer(options: ServerOptions = {}): Promise<{ url: string; port: number; close(): Promise<void>; connections(): Promise<number> }> {
  const logger = options.logger ?? pino();
  const trustProxy = options.trustProxy ?? trustProxyOf(process.env.RAGTRAIL_TRUST_PROXY);
  const maxWaiting = options.maxWaitingWork ?? maxWaitingOf(process.env.RAGTRAIL_MAX_WAITING_WORK);
  let importLimits;
  try { importLimits = importLimitsFromEnv(process.env); } catch (error) { throw new ListenError((error as Error).message); }
  const store = await openStore(options.storeUrl);
  // The log's signing key: beside a SQLite store, or the file RAGTRAIL_SIGNING_KEY names (shared by every instance).
  const signer = signerForStore(options.storeUrl ?? DEFAULT_STORE_URL, process.env);
  const ragtrail = createRagtrail({ store, ...(signer ? { signer } : {}) });
  const shutdown = new AbortController();
  // Long work (imports, verify, reports) runs in worker threads that open the same store; a
  // memory: store lives in this process only, so its work stays here.
  const storeUrl = options.storeUrl ?? DEFAULT_STORE_URL;
  // Imports run in this process's threads: the heap growth setting is the process's.
  keepHeapGrowthModest();
  const work = storeUrl.startsWith('memory:') ? inlineWork(ragtrail) : workerPool({ storeUrl, ...(maxWaiting === undefined ? {} : { maxWaiting }) });
  const app = createApp({ ragtrail, logger, shutdown: shutdown.signal, trustProxy, importLimits, work, ...(options.importLimitBytes ? { importLimitBytes: options.importLimitBytes } : {}) });
  const host = options.host ?? '127.0.0.1';
  const wanted = options.port ?? 3000;
  let server: ReturnType<typeof serve>;
  try {
    server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: wanted, hostname: host }, () => resolve(s));
      s.once('error', reject);
    });
  } catch (error) {
    await work.close();
    await ragtrail.close();
    const code = (error as { code?: string }).code;
    // The person's setup, not a fault: say what to change.
    if (code === 'EADDRINUSE') throw new ListenError(`Port ${wanted} on ${host} is in use: stop what runs there or choose another with --port`);
    if (code === 'EACCES') throw new ListenError(`Port ${wanted} on ${host} needs privileges this user lacks: choose one above 1023 with --port`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new ListenError(`${host} is not an address of this machine: choose one with --host`);
    throw error;
  }
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
  }).then(() => work.close()).then(() => ragtrail.close()).then(() => {
    process.off('SIGTERM', onSigterm);
    logger.info('server closed');
  }));
  const onSigterm = () => { logger.info('SIGTERM: draining'); void close(); };
  process.on('SIGTERM', onSigterm);
  const url = `http://${host}:${port}`;
  logger.info({ url }, 'listening');
  /** Open client connections: what a drain waits for, and what a test waits on instead of a clock. */
  const connections = () => new Promise<number>((resolve, reject) => server.getConnections((error, count) => (error ? reject(error) : resolve(count))));
  return { url, port, close, connections };
}
