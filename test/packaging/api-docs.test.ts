// Every export of @ragtrail/core, of its test kit and of its internal entry carries a doc comment
// that says what it is for: it is what the generated API reference (`pnpm docs:api`, written to
// docs/api/) and editors show an embedder, and what a contributor reads before using an internal.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDocs, type ExportDoc } from './exports.js';
import { root } from './packages.js';

const entries = {
  '@ragtrail/core': join(root, 'packages/core/src/index.ts'),
  '@ragtrail/core/testing': join(root, 'packages/core/src/testing/index.ts'),
  '@ragtrail/core/internal': join(root, 'packages/core/src/internal.ts'),
};

/** A sentence says what the export is for: a few words, not only its own name again. */
function problem(d: ExportDoc): string | null {
  if (d.doc === '') return 'no doc comment';
  const words = d.doc.split(/\s+/).filter((w) => /\w/.test(w));
  if (words.length < 4) return `"${d.doc}" is too short to say what it is for`;
  return null;
}

describe('@ragtrail/core API reference', () => {
  // One program for the three entries: they share most of their sources.
  let docs: Map<string, ExportDoc[]> | undefined;
  const of = (entry: keyof typeof entries): ExportDoc[] => {
    docs ??= exportDocs(...Object.values(entries));
    return docs.get(entries[entry])!;
  };

  for (const entry of Object.keys(entries) as (keyof typeof entries)[]) {
    it(`every export of ${entry} has a doc comment that says what it is for`, { timeout: 120_000 }, () => {
      const exported = of(entry);
      expect(exported.length).toBeGreaterThan(0);
      const missing = exported.flatMap((d) => {
        const why = problem(d);
        return why ? [`${d.name} (${d.file.slice(root.length)}): ${why}`] : [];
      });
      expect(missing, 'write a /** ... */ sentence above each of these exports').toEqual([]);
    });
  }

  it('keeps internals out of the public entry: they are on @ragtrail/core/internal only', { timeout: 120_000 }, () => {
    const publicNames = new Set(of('@ragtrail/core').map((d) => d.name));
    const internal = of('@ragtrail/core/internal').map((d) => d.name);
    expect(internal).toEqual(expect.arrayContaining(['assertAppendable', 'startFold', 'toRecordedTrusted', 'CheckpointedFold']));
    expect(internal.filter((name) => publicNames.has(name)), 'exported by both entries').toEqual([]);
    expect(publicNames.has('createRagtrail')).toBe(true);
  });
});
