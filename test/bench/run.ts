// Runs every benchmark file (packages/*/bench/*.bench.ts, apps/*/bench/*.bench.ts, and the peer
// comparisons under test/peers once installed), each in its own Node process so one bench's heap and
// JIT state do not colour the next. Their stdout (one JSON result per line) passes through; progress
// goes to stderr.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const only = process.argv[2];
const files: string[] = [];
for (const top of ['packages', 'apps']) {
  const base = join(root, top);
  if (!existsSync(base)) continue;
  for (const pkg of readdirSync(base).sort()) {
    const dir = join(base, pkg, 'bench');
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) if (f.endsWith('.bench.ts') && (!only || f.includes(only))) files.push(join(dir, f));
  }
}
// Benches across packages (cold starts on SQLite and PostgreSQL) live beside this runner.
for (const f of readdirSync(import.meta.dirname).sort())
  if (f.endsWith('.bench.ts') && (!only || f.includes(only))) files.push(join(import.meta.dirname, f));
// Peer comparisons install their own dependencies (outside the workspace, so `pnpm install` never
// builds them): they run here once installed, and `pnpm bench:peers` installs and runs them.
const emmett = join(root, 'test', 'peers', 'emmett');
if (!only || 'emmett.bench.ts'.includes(only)) {
  if (existsSync(join(emmett, 'node_modules', '@event-driven-io', 'emmett-sqlite'))) files.push(join(emmett, 'emmett.bench.ts'));
  else process.stderr.write('bench: the Emmett comparison is not installed here; `pnpm bench:peers` installs and runs it\n');
}
let failed = 0;
for (const file of files) {
  process.stderr.write(`bench: ${file.slice(root.length + 1)}\n`);
  const run = spawnSync(process.execPath, ['--conditions=@ragtrail/source', '--import', 'tsx', file], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (run.status !== 0) {
    failed++;
    process.stderr.write(`bench: ${file} failed (exit ${run.status ?? run.signal})\n`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
