// The pages run under tsx started from the repository root (`ragtrail serve`, `demo --serve`, the
// apps/api program), where this package's tsconfig does not apply and esbuild would fall back to
// React's classic JSX ("React is not defined", a 500 on every page). Each page file names its JSX
// runtime itself; this names the file that forgot, where the served pages would only show a 500.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

it('every page file declares the hono/jsx automatic runtime', () => {
  const dir = fileURLToPath(new URL('../src/pages/', import.meta.url));
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.tsx')))
    expect(readFileSync(dir + f, 'utf8').split('\n')[0], f).toBe('/** @jsxRuntime automatic @jsxImportSource hono/jsx */');
});
