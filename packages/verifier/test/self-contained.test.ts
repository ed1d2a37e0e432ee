import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('the verifier stands alone', () => {
  it('declares no dependencies and imports nothing but node: modules and its own files', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: object; peerDependencies?: object };
    expect(Object.keys(pkg.dependencies ?? {})).toEqual([]);
    expect(pkg.peerDependencies).toBeUndefined();
    for (const file of readdirSync(join(root, 'src'))) {
      const imports = [...readFileSync(join(root, 'src', file), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
      for (const spec of imports) expect(spec, `${file} imports ${spec}`).toMatch(/^(node:|\.\/)/);
    }
  });

  it('runs as the ragtrail-verify command and exits 2 with its usage when given nothing', () => {
    let status = 0;
    let stderr = '';
    try {
      execFileSync(process.execPath, ['--import', 'tsx', join(root, 'src/bin.ts')], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      ({ status, stderr } = error as { status: number; stderr: string });
    }
    expect(status).toBe(2);
    expect(stderr).toMatch(/^--key is required\nusage: ragtrail-verify --key KEY/);
  });
});
