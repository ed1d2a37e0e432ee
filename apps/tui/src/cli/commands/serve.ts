import type { Command } from 'commander';
import { line, type Io } from '../io.js';
import { integer, optionsOf } from '../options.js';
import { storeUrlOf } from '../session.js';

/** Starts the HTTP app and keeps it up until the process is asked to stop. */
export async function serveUntilStopped(io: Io, options: { storeUrl: string; port: number; host: string }): Promise<void> {
  const { startServer } = await import('@ragtrail/api');
  const server = await startServer(options);
  line(io, `ragtrail HTTP app on ${server.url} (store ${options.storeUrl}); Ctrl-C stops it.`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
}

export function registerServe(program: Command, io: Io): void {
  program
    .command('serve')
    .description('start the HTTP app (JSON API, OpenAPI, pages for inspectors) on the store')
    .option('--port <n>', 'port to listen on', integer, 3000)
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .action(async (_o, cmd: Command) => {
      const o = optionsOf<{ port: number; host: string }>(cmd);
      await serveUntilStopped(io, { storeUrl: storeUrlOf(o, io), port: o.port, host: o.host });
    });
}
