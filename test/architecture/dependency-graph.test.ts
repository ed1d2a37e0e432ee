// The declared graph is the one docs/architecture.md draws: the allow-list is parsed from the page,
// so the page and this test cannot drift apart, and an import a package.json does not declare fails.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { declaredViolations, importsOf, parseRules, readWorkspace, undeclaredImports, type WorkspacePackage } from './workspace-graph.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const rules = parseRules(readFileSync(`${root}docs/architecture.md`, 'utf8'));
const workspace = readWorkspace(root);

describe('the workspace dependency graph', () => {
  it('reads the rules the page states: core on nothing, a store on core only, no package on an app', () => {
    const rule = (who: string) => rules.find((r) => r.who === who);
    expect(rule('packages/core')).toEqual({ who: 'packages/core', uses: [], devUses: [] });
    expect(rule('packages/store-*')?.uses).toEqual(['packages/core']);
    expect(rule('packages/verifier')?.uses).toEqual([]);
    for (const r of rules.filter((x) => x.who.startsWith('packages/'))) expect([...r.uses, ...r.devUses].filter((u) => u.startsWith('apps/')), r.who).toEqual([]);
    expect(rule('apps/*')?.uses).toEqual(['packages/*']);
  });

  it('declares only the workspace dependencies the page allows, and every package has a row', () => {
    expect(workspace.length).toBeGreaterThanOrEqual(8);
    expect(declaredViolations(workspace, rules)).toEqual([]);
  });

  it('imports, in src, test and bench, only the workspace packages each package.json declares', () => {
    expect(undeclaredImports(root, workspace)).toEqual([]);
  });
});

describe('the checks themselves', () => {
  const pkg = (dir: string, name: string, runtime: string[] = [], dev: string[] = []): WorkspacePackage => ({ dir, name, runtime: new Set(runtime), dev: new Set(dev) });
  const fake = [
    pkg('packages/core', '@ragtrail/core'), pkg('packages/store-sqlite', '@ragtrail/store-sqlite', ['@ragtrail/core']),
    pkg('packages/http', '@ragtrail/http', ['@ragtrail/core']), pkg('apps/api', '@ragtrail/api', ['@ragtrail/http']),
  ];

  it('names a store that depends on another store, a package on an app, an app on an app, and a package with no row', () => {
    const bad = [
      pkg('packages/core', '@ragtrail/core'),
      pkg('packages/store-sqlite', '@ragtrail/store-sqlite', ['@ragtrail/core'], ['@ragtrail/store-eventstoredb']),
      pkg('packages/store-eventstoredb', '@ragtrail/store-eventstoredb', ['@ragtrail/core', '@ragtrail/api']),
      pkg('apps/api', '@ragtrail/api'), pkg('apps/tui', '@ragtrail/tui', ['@ragtrail/api']),
      pkg('packages/mystery', '@ragtrail/mystery'),
    ];
    expect(declaredViolations(bad, rules)).toEqual([
      'packages/store-sqlite may not depend on packages/store-eventstoredb (devDependencies); allowed: packages/core',
      'packages/store-eventstoredb may not depend on apps/api (dependencies); allowed: packages/core',
      'apps/tui may not depend on apps/api (dependencies); allowed: packages/*',
      `packages/mystery has no row in "## Who may depend on whom" (docs/architecture.md)`,
    ]);
    expect(declaredViolations(fake, rules)).toEqual([]);
  });

  it('sees static, side-effect and literal dynamic imports, with subpaths', () => {
    const text = [
      "import { a } from '@ragtrail/core/testing';",
      "import type { B } from \"@ragtrail/stores\";",
      "import '@ragtrail/reports';",
      "const { startServer } = await import('@ragtrail/http');",
      "import { z } from 'zod';",
    ].join('\n');
    expect([...importsOf(text)].sort()).toEqual(['@ragtrail/core', '@ragtrail/http', '@ragtrail/reports', '@ragtrail/stores']);
  });
});
