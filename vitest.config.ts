import { defineConfig } from 'vitest/config';

// Workspace packages export their build (dist/) to the world and their sources under the custom
// condition "@ragtrail/source", so tests run against src/ without building. Setting `conditions`
// replaces Vite's defaults, hence the defaults repeated after ours (client, then server/SSR, which
// is what Node-environment tests resolve with).
const source = '@ragtrail/source';

export default defineConfig({
  resolve: { conditions: [source, 'module', 'browser', 'development|production'] },
  ssr: { resolve: { conditions: [source, 'module', 'node', 'development|production'], externalConditions: [source] } },
  test: {
    include: ['packages/*/test/**/*.test.{ts,tsx}', 'apps/*/test/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Child processes the tests start (`node --import tsx .../bin.ts`) resolve the workspace's
    // packages the same way; the outside-install test removes it for what it runs.
    env: { NODE_OPTIONS: [process.env.NODE_OPTIONS, `--conditions=${source}`].filter(Boolean).join(' ') },
  },
});
