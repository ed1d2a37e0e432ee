// Compiles assets/ragtrail.scss (GOV.UK Frontend with a system font stack) to assets/ragtrail.css.
// The CSS is committed so the app serves it from source with no build step (the demo and the tests
// run from src/); test/pages-css.test.ts compiles again and fails when the two differ.
// Run: npx tsx packages/http/scripts/build-css.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from 'sass';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const stylesheetSource = join(packageDir, 'assets', 'ragtrail.scss');
export const stylesheetOutput = join(packageDir, 'assets', 'ragtrail.css');

/** The stylesheet as the build writes it: a banner naming its sources, then the compressed CSS. */
export function compilePagesCss(): string {
  const require = createRequire(import.meta.url);
  const frontendDir = dirname(require.resolve('govuk-frontend/package.json'));
  const version = (JSON.parse(readFileSync(join(frontendDir, 'package.json'), 'utf8')) as { version: string }).version;
  const { css } = compile(stylesheetSource, {
    style: 'compressed',
    loadPaths: [join(frontendDir, '..')],
    // GOV.UK Frontend warns about its own deprecations; they are not ours to act on.
    quietDeps: true,
  });
  const banner = `/*! ragtrail pages: built by packages/http/scripts/build-css.ts from assets/ragtrail.scss and GOV.UK Frontend ${version} (MIT licence, © Crown copyright); do not edit */`;
  return `${banner}\n${css.replace(/^\/\*![\s\S]*?\*\//, '').trimStart()}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const css = compilePagesCss();
  writeFileSync(stylesheetOutput, css);
  console.log(`wrote ${stylesheetOutput} (${css.length} bytes)`);
}
