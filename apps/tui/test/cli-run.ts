import { randomUUID } from 'node:crypto';
import { createRagtrail } from '@ragtrail/core';
import { memoryStoreNamed } from '@ragtrail/stores';
import { runCli } from '../src/cli/program.js';
import { captureIo, seedPlan, steppingClock } from './fixtures.js';

/** A fresh named memory store holding the seeded plan, as the `--store` URL the CLI takes. */
export async function seededStoreUrl(): Promise<string> {
  const url = `memory:${randomUUID()}`;
  await seedPlan(createRagtrail({ store: memoryStoreNamed(url.slice('memory:'.length)), now: steppingClock() }));
  return url;
}

/** Runs the CLI in-process, as a user would type `ragtrail ...args`, and hands back its exit code and what it wrote. */
export async function runCliCaptured(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const c = captureIo({});
  const code = await runCli(args, c.io);
  return { code, out: c.out(), err: c.err() };
}
