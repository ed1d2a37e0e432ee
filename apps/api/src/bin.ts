#!/usr/bin/env node
// The HTTP server as a program: settings from the environment, the app from @ragtrail/http.
// SIGTERM is startServer's own (it drains, then closes the store); Ctrl-C does the same here.
import { ListenError, startServer } from '@ragtrail/http';
import { readSettings } from './settings.js';

async function main(): Promise<number> {
  let settings;
  try {
    settings = readSettings(process.env);
  } catch (error) {
    process.stderr.write(`ragtrail-api: ${(error as Error).message}\n`);
    return 2;
  }
  try {
    const server = await startServer({ storeUrl: settings.RAGTRAIL_STORE, port: settings.PORT, host: settings.HOST });
    process.once('SIGINT', () => void server.close());
    return 0;
  } catch (error) {
    // A port in use or a bad store URL is the person's to fix: say so without a stack.
    if (error instanceof ListenError || (error as { name?: string }).name === 'DomainError') {
      process.stderr.write(`ragtrail-api: ${(error as Error).message}\n`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main();
