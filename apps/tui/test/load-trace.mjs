// A module hook for tests: prints "LOADED <url>" on stderr for every module the program resolves.
// Imported with --import, it registers itself; in the hooks thread it is the hook.
import { register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) register(import.meta.url);

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  process.stderr.write(`LOADED ${resolved.url}\n`);
  return resolved;
}
