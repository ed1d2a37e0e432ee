import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eventCatalogue } from '../src/index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('documentation that users rely on', () => {
  it('the embedding example in the core README runs and prints the summary', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'packages/core/examples/embed.ts'], { cwd: root, encoding: 'utf8' });
    expect(out).toContain('1. Recruiting, retaining and developing a skilled workforce: 2.0 (worst 2)');
    expect(out).toContain('chain verified: true');
  });

  it('the event catalogue documents every event type at its current version', () => {
    const doc = readFileSync(`${root}docs/events.md`, 'utf8');
    for (const [type, { version }] of Object.entries(eventCatalogue)) expect(doc).toContain(`### ${type} (v${version})`);
  });
});
