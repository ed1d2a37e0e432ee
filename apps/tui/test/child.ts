import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const binPath = fileURLToPath(new URL('../src/bin.ts', import.meta.url));
// Resolved from the repository, so a child started in a folder of its own still finds it.
const tsx = pathToFileURL(createRequire(join(repoRoot, 'package.json')).resolve('tsx')).href;

/** Runs the real binary as a child process, the way `pnpm ragtrail` does (in `cwd`, the repository by default). */
export function ragtrail(args: string[], env: Record<string, string> = {}, cwd = repoRoot): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsx, binPath, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', RAGTRAIL_ACTOR: '', RAGTRAIL_STORE: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}
