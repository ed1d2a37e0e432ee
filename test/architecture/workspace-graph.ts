// Reads the workspace as it is (every packages/* and apps/* package.json, every @ragtrail import in
// their sources) and the allow-list docs/architecture.md states, so a test can hold one to the other.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface WorkspacePackage {
  dir: string; // "packages/core", "apps/tui"
  name: string; // "@ragtrail/core"
  runtime: Set<string>; // workspace names in dependencies and peerDependencies
  dev: Set<string>; // workspace names in devDependencies
}

/** One row of the doc's table: who (a folder, or a folder glob such as packages/store-*) may use whom. */
export interface Rule { who: string; uses: string[]; devUses: string[] }

export const HEADING = '## Who may depend on whom';

const workspaceNames = (deps: Record<string, string> | undefined) =>
  new Set(Object.entries(deps ?? {}).filter(([, v]) => v.startsWith('workspace:')).map(([k]) => k));

export function readWorkspace(root: string): WorkspacePackage[] {
  const found: WorkspacePackage[] = [];
  for (const top of ['packages', 'apps']) {
    for (const entry of readdirSync(join(root, top)).sort()) {
      const file = join(root, top, entry, 'package.json');
      if (!existsSync(file)) continue;
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string> | string | undefined>;
      const deps = (k: string) => pkg[k] as Record<string, string> | undefined;
      found.push({
        dir: `${top}/${entry}`, name: String(pkg.name),
        runtime: new Set([...workspaceNames(deps('dependencies')), ...workspaceNames(deps('peerDependencies'))]),
        dev: workspaceNames(deps('devDependencies')),
      });
    }
  }
  return found;
}

/** Parses the table under HEADING: `| \`who\` | \`a\`, \`b\` (or "nothing") | same for tests and benches |`. */
export function parseRules(markdown: string): Rule[] {
  const start = markdown.indexOf(`\n${HEADING}\n`);
  if (start < 0) throw new Error(`docs/architecture.md has no "${HEADING}" section`);
  const rest = markdown.slice(start + HEADING.length + 2);
  const end = rest.search(/\n## /);
  const section = end < 0 ? rest : rest.slice(0, end);
  const paths = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
  return section.split('\n')
    .filter((l) => l.startsWith('| `'))
    .map((l) => {
      const cells = l.split('|').slice(1, -1).map((c) => c.trim());
      if (cells.length !== 3) throw new Error(`"${l}": a rule row has three cells (who, may depend on, may also use in tests and benches)`);
      return { who: paths(cells[0]!)[0]!, uses: paths(cells[1]!), devUses: paths(cells[2]!) };
    });
}

/** `packages/store-*` matches packages/store-sqlite; anything else matches itself. */
export const matches = (pattern: string, dir: string) =>
  pattern.endsWith('*') ? dir.startsWith(pattern.slice(0, -1)) && dir.length > pattern.length - 1 : pattern === dir;

/** Every declared workspace dependency the rules do not allow, as sentences naming both ends. */
export function declaredViolations(packages: WorkspacePackage[], rules: Rule[]): string[] {
  const dirOf = new Map(packages.map((p) => [p.name, p.dir]));
  const problems: string[] = [];
  for (const pkg of packages) {
    const rule = rules.find((r) => matches(r.who, pkg.dir));
    if (!rule) {
      problems.push(`${pkg.dir} has no row in "${HEADING}" (docs/architecture.md)`);
      continue;
    }
    const check = (names: Set<string>, allowed: string[], kind: string) => {
      for (const name of names) {
        const dir = dirOf.get(name);
        if (!dir) problems.push(`${pkg.dir} declares ${name} (${kind}), which is no workspace package`);
        else if (!allowed.some((a) => matches(a, dir))) problems.push(`${pkg.dir} may not depend on ${dir} (${kind}); allowed: ${allowed.join(', ') || 'nothing'}`);
      }
    };
    check(pkg.runtime, rule.uses, 'dependencies');
    check(pkg.dev, [...rule.uses, ...rule.devUses], 'devDependencies');
  }
  return problems;
}

const SOURCE = /\.(ts|tsx|mts|cts|js|mjs)$/;
const IMPORT = /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)['"](@ragtrail\/[a-z0-9-]+)(?:\/[^'"]*)?['"]/g;

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    if (entry === 'node_modules' || entry === 'dist') return [];
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? sourceFiles(path) : SOURCE.test(entry) ? [path] : [];
  });
}

/** The @ragtrail packages a file imports, statically or with a literal dynamic import. */
export const importsOf = (text: string) => new Set([...text.matchAll(IMPORT)].map((m) => m[1]!));

/** Every import of a workspace package its package.json does not declare (src needs a runtime dependency). */
export function undeclaredImports(root: string, packages: WorkspacePackage[]): string[] {
  const problems: string[] = [];
  for (const pkg of packages) {
    for (const folder of ['src', 'test', 'bench']) {
      for (const file of sourceFiles(join(root, pkg.dir, folder))) {
        for (const name of importsOf(readFileSync(file, 'utf8'))) {
          if (name === pkg.name) continue;
          const declared = folder === 'src' ? pkg.runtime.has(name) : pkg.runtime.has(name) || pkg.dev.has(name);
          if (!declared) problems.push(`${relative(root, file)} imports ${name}, which ${pkg.dir}/package.json does not declare${folder === 'src' && pkg.dev.has(name) ? ' in dependencies (only devDependencies)' : ''}`);
        }
      }
    }
  }
  return problems;
}
