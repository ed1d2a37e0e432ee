// Every export of @ragtrail/core's public entry carries a doc comment: it is what the generated API
// reference (docs/api/, `pnpm docs:api`) and editors show an embedder. The exports that had none
// when the check came in are listed in undocumented-core-exports.json; the list only shrinks.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDocs } from './exports.js';
import { root } from './packages.js';

const listFile = join(root, 'test/packaging/undocumented-core-exports.json');
const known = new Set(JSON.parse(readFileSync(listFile, 'utf8')) as string[]);

describe('@ragtrail/core public entry', () => {
  const docs = exportDocs(join(root, 'packages/core/src/index.ts'));

  it('every export has a doc comment (beyond the recorded backlog)', { timeout: 120_000 }, () => {
    const missing = docs.filter((d) => !d.documented && !known.has(d.name)).map((d) => `${d.name} (${d.file.slice(root.length)})`);
    expect(missing, 'add a /** ... */ sentence to each of these').toEqual([]);
  });

  it('the backlog names only exports that still lack one', { timeout: 120_000 }, () => {
    const stillMissing = new Set(docs.filter((d) => !d.documented).map((d) => d.name));
    const done = [...known].filter((name) => !stillMissing.has(name));
    if (done.length && process.env.UPDATE_DOC_BACKLOG) writeFileSync(listFile, `${JSON.stringify([...known].filter((n) => stillMissing.has(n)).sort(), null, 2)}\n`);
    expect(done, 'documented or gone: remove from undocumented-core-exports.json (or run with UPDATE_DOC_BACKLOG=1)').toEqual([]);
  });

  it('keeps internals out: they are on @ragtrail/core/internal', { timeout: 120_000 }, () => {
    const names = new Set(docs.map((d) => d.name));
    const internal = exportDocs(join(root, 'packages/core/src/internal.ts')).map((d) => d.name);
    expect(internal.length).toBeGreaterThan(0);
    expect(internal.filter((name) => names.has(name)), 'exported by both entries').toEqual([]);
  });
});
