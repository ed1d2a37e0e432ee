/** @jsxRuntime automatic @jsxImportSource react */
import { render } from 'ink';
import type { PlanData } from '../sources/source.js';
import { App } from './App.js';
import { themeFor } from './theme.js';

/** Runs the interactive UI on the process's terminal until the person quits. */
export async function runUi(data: PlanData, options: { planId?: string; env: Record<string, string | undefined> }): Promise<void> {
  const theme = themeFor(options.env, { columns: process.stdout.columns, rows: process.stdout.rows });
  const app = render(<App data={data} {...(options.planId ? { planId: options.planId } : {})} theme={theme} />, { exitOnCtrlC: true });
  await app.waitUntilExit();
}
