import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const binPath = fileURLToPath(new URL('../src/bin.ts', import.meta.url));

/** Runs the real binary as a child process, the way `pnpm ragtrail` does. */
export function ragtrail(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', binPath, ...args], {
      cwd: repoRoot,
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

/** The SQLite store is another package; tests that need a store shared between processes wait for it. */
export async function sqliteAvailable(): Promise<boolean> {
  try {
    // Through openStore, so this checks exactly what the binary will use.
    const { openStore } = await import('@ragtrail/stores');
    // A real file: openStore refuses sqlite::memory: (memory: is the store that keeps nothing).
    const dir = mkdtempSync(join(tmpdir(), 'ragtrail-probe-'));
    try {
      await (await openStore(`sqlite:${join(dir, 'probe.db')}`)).close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return true;
  } catch (error) {
    console.warn(`[apps/tui] the SQLite store does not open: ${(error as Error).message}`);
    return false;
  }
}
