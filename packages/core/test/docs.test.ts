import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { permissions } from '../src/index.js';
import { eventCatalogue } from '../src/internal.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const read = (path: string) => readFileSync(`${root}${path}`, 'utf8');
/** The fenced blocks of a Markdown file in a language, in order. */
const blocks = (markdown: string, lang: string) => [...markdown.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);

describe('documentation that users rely on', () => {
  it('the embedding example in the core README is the example file, and it runs and prints what the README shows', () => {
    const readme = read('packages/core/README.md');
    const [code] = blocks(readme, 'ts');
    expect(code).toBe(read('packages/core/examples/embed.ts'));
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'packages/core/examples/embed.ts'], { cwd: root, encoding: 'utf8' });
    const [shown] = blocks(readme, 'text');
    expect(out.trim()).toBe(shown!.trim());
    expect(out).toContain('Overall: 3.0 now; 2.0 as the board saw it at sign-off');
    expect(out).toContain('chain verified: true');
  });

  it('the event catalogue documents every event type at its current version, with who may cause it', () => {
    const doc = read('docs/events.md');
    for (const [type, { version }] of Object.entries(eventCatalogue)) expect(doc).toContain(`### ${type} (v${version})`);
    for (const [command, roles] of Object.entries(permissions)) expect(doc).toContain(`\`${command}\` (${roles.join(', ')})`);
  });
});
