// cli-start: how long the installed command takes to start, against bare Node in the same run.
// Runs the compiled bin (apps/tui/dist/bin.js, as npm installs it; `pnpm bench` builds first)
// with plain node and no source condition: `ragtrail --help`, and `ragtrail plans` on a SQLite
// store holding the demo plans. Interleaved rounds after a warm-up, so a busy machine slows all
// three alike; medians. Aims: --help within 4x of `node -e 0`, plans within 6x.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const rounds = Number(process.env.CLI_START_ROUNDS ?? 15);
const dir = mkdtempSync(join(tmpdir(), 'ragtrail-cli-start-'));
const { NODE_OPTIONS: _sourceCondition, ...clean } = process.env;
const env = { ...clean, RAGTRAIL_STORE: `sqlite:${join(dir, 'demo.db')}`, NO_COLOR: '1' };

function timed(args: string[]): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return ms;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

try {
  timed([bin, 'demo']);
  const cases = { node: ['-e', '0'], help: [bin, '--help'], plans: [bin, 'plans'] };
  const times: Record<keyof typeof cases, number[]> = { node: [], help: [], plans: [] };
  for (const args of Object.values(cases)) timed(args); // warm-up: the file cache, not the JIT (each run is a new process)
  for (let i = 0; i < rounds; i++) for (const [k, args] of Object.entries(cases)) times[k as keyof typeof cases].push(timed(args));
  const node = median(times.node);
  const help = median(times.help);
  const plans = median(times.plans);
  const round = (n: number) => Math.round(n * 10) / 10;
  process.stdout.write(
    `${JSON.stringify({ name: 'cli-start', unit: 'ms', rounds, baseline: 'node -e 0', baselineValue: round(node), help: round(help), helpRatio: round(help / node), helpAim: 4, plans: round(plans), plansRatio: round(plans / node), plansAim: 6 })}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
