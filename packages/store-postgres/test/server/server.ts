// A real PostgreSQL server for the tests: initdb into a temporary folder, pg_ctl on a free port with
// its socket in that folder, stopped and deleted after. The binaries refuse to run as root, so a
// root test run hands them to an unprivileged user (postgres, or one it creates).
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findPostgresBinaries, type PostgresBinaries } from './binaries.js';

export interface TestServer {
  /** `postgres://ragtrail@127.0.0.1:PORT/postgres` */
  url: string;
  port: number;
  binaries: PostgresBinaries;
  /** PID of the postmaster now running. */
  pid(): number;
  /** `kill -9` of the postmaster and every backend: what a power cut does to the server. */
  crash(): void;
  /** Starts it again on the same folder and port (crash recovery replays the WAL). */
  start(): void;
  stop(): void;
}

const ROLE = 'ragtrail';
const runningAsRoot = () => process.getuid?.() === 0;

function unprivilegedUser(): { name: string; uid: number; gid: number } {
  const lookup = (name: string) => {
    const r = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    if (r.status !== 0) return undefined;
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
    return { name, uid: Number(r.stdout.trim()), gid };
  };
  const existing = lookup('postgres') ?? lookup('ragtrail-pg');
  if (existing) return existing;
  execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'ragtrail-pg']);
  return lookup('ragtrail-pg')!;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * npm's binaries live in the checkout, which the unprivileged user may not be able to enter (a clone
 * under /root): then they are copied once to a world-readable folder in the temp directory.
 */
function reachableBy(user: { name: string }, binaries: PostgresBinaries): PostgresBinaries {
  if (spawnSync('runuser', ['-u', user.name, '--', join(binaries.bin, 'initdb'), '--version']).status === 0) return binaries;
  const native = dirname(binaries.bin);
  const copy = join(tmpdir(), `ragtrail-pg-native-${createHash('sha256').update(native).digest('hex').slice(0, 12)}`);
  if (!existsSync(join(copy, 'bin', 'initdb'))) {
    cpSync(native, `${copy}.partial`, { recursive: true, verbatimSymlinks: true });
    renameSync(`${copy}.partial`, copy);
    chmodSync(copy, 0o755);
  }
  return { ...binaries, bin: join(copy, 'bin') };
}

export async function startTestServer(options: { prefer?: 'system' | 'npm' } = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'ragtrail-pg-'));
  const data = join(dir, 'data');
  const user = runningAsRoot() ? unprivilegedUser() : undefined;
  const binaries = user ? reachableBy(user, findPostgresBinaries(options.prefer)) : findPostgresBinaries(options.prefer);
  if (user) {
    chownSync(dir, user.uid, user.gid);
    chmodSync(dir, 0o700);
  }
  const run = (tool: string, args: string[]) => {
    const [cmd, argv] = user ? ['runuser', ['-u', user.name, '--', join(binaries.bin, tool), ...args]] : [join(binaries.bin, tool), args];
    const r = spawnSync(cmd, argv, { encoding: 'utf8', cwd: dir });
    if (r.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed (${r.status}): ${r.stderr || r.stdout}`);
    return r.stdout;
  };
  run('initdb', ['-D', data, '-U', ROLE, '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);

  let port = await freePort();
  const log = join(dir, 'server.log');
  const pgCtlStart = () => {
    try {
      run('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, 'start']);
    } catch (error) {
      const tail = existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-8).join('\n') : '';
      throw new Error(`${(error as Error).message}\nserver log:\n${tail}`);
    }
  };
  try {
    pgCtlStart();
  } catch {
    port = await freePort(); // another program took the port between the probe and the start
    pgCtlStart();
  }
  const pid = () => Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children = (parent: number) =>
    readdirSync('/proc')
      .filter((p) => /^\d+$/.test(p))
      .filter((p) => {
        try {
          return Number(readFileSync(`/proc/${p}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')[1]) === parent;
        } catch {
          return false; // it ended while we looked
        }
      })
      .map(Number);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stop);
    if (existsSync(join(data, 'postmaster.pid'))) {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // Already gone (a crash test's last kill): nothing to stop.
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // A worker that ends without afterAll (a crash of the test run itself) still stops its server.
  process.on('exit', stop);

  return {
    url: `postgres://${ROLE}@127.0.0.1:${port}/postgres`,
    port,
    binaries,
    pid,
    crash() {
      const postmaster = pid();
      // Frozen first, so it forks no backend between the listing and the kill.
      process.kill(postmaster, 'SIGSTOP');
      const backends = children(postmaster);
      process.kill(postmaster, 'SIGKILL');
      for (const backend of backends) {
        try {
          process.kill(backend, 'SIGKILL');
        } catch {
          // It ended on its own once the postmaster died.
        }
      }
      // A restart is refused while any of them still holds the shared memory: wait until all are gone.
      const gone = (p: number) => {
        try {
          return /\) Z /.test(readFileSync(`/proc/${p}/stat`, 'utf8'));
        } catch {
          return true;
        }
      };
      const until = Date.now() + 30_000;
      while (![postmaster, ...backends].every(gone)) {
        if (Date.now() > until) throw new Error('the killed PostgreSQL processes did not end within 30 s');
        spawnSync('sleep', ['0.02']);
      }
      // A killed postmaster can linger as a zombie until whoever adopted it reaps it, and PostgreSQL
      // reads a zombie's PID as a live server; every process is dead, so its lock files are stale.
      for (const stale of [join(data, 'postmaster.pid'), join(dir, `.s.PGSQL.${port}.lock`), join(dir, `.s.PGSQL.${port}`)]) rmSync(stale, { force: true });
    },
    start() {
      pgCtlStart();
    },
    stop,
  };
}
