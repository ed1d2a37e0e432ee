// The workspace's published packages, built and packed as a release would pack them.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));

export interface WorkspacePackage {
  name: string;
  version: string;
  dir: string;
}

/** Every package under packages/ and apps/ that is not private: what a release publishes. */
export function publishedPackages(): WorkspacePackage[] {
  return ['packages', 'apps'].flatMap((group) =>
    readdirSync(join(root, group)).flatMap((name) => {
      const dir = join(root, group, name);
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; version: string; private?: boolean };
      return pkg.private ? [] : [{ name: pkg.name, version: pkg.version, dir }];
    }),
  );
}

/**
 * pnpm as the README runs it. Under `pnpm test` the running pnpm is reused (npm_execpath); run on
 * its own, npx finds the pinned version once. pnpm (not npm) packs because it rewrites the
 * `workspace:*` ranges into the versions being released.
 */
let pnpmPath: string | undefined;
function pnpm(args: string[], cwd: string): string {
  const running = process.env.npm_execpath;
  pnpmPath ??= running && /pnpm/.test(running) ? running : execFileSync('npx', ['-y', '-p', 'pnpm@9.15.9', '-c', 'command -v pnpm'], { encoding: 'utf8', env: cleanEnv() }).trim();
  return execFileSync(process.execPath, [pnpmPath, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: cleanEnv() });
}

/** The environment without the workspace's source condition, so what runs sees only the build. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { NODE_OPTIONS: _workspaceConditions, ...env } = process.env;
  return { ...env, ...extra };
}

/**
 * Compiles every package to dist/ (incremental: quick when `pnpm test` has just built). Type
 * errors are the typecheck's to report (`pnpm test` runs `tsc -b` first and stops on them); tsc
 * still writes the JavaScript, so what is checked here is the build as it stands.
 */
export function build(): void {
  const configs = publishedPackages().map((p) => join(p.dir, 'tsconfig.build.json'));
  spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b', ...configs], { cwd: root, stdio: 'ignore', env: cleanEnv() });
  const missing = publishedPackages().filter((p) => !existsSync(join(p.dir, 'dist')));
  if (missing.length) throw new Error(`tsc -b wrote no dist/ for ${missing.map((p) => p.name).join(', ')}: run npx tsc -b to see why`);
}

/** Packs every published package into `dest`; returns each package's tarball path by name. */
export function packAll(dest: string): Map<string, string> {
  mkdirSync(dest, { recursive: true });
  const tarballs = new Map<string, string>();
  for (const p of publishedPackages()) {
    pnpm(['pack', '--pack-destination', dest], p.dir);
    tarballs.set(p.name, join(dest, `${p.name.replace('@', '').replace('/', '-')}-${p.version}.tgz`));
  }
  return tarballs;
}
