import type { Command } from 'commander';
import type { Io } from '../io.js';
import { registerDemo } from './demo.js';
import { registerExport, registerImport } from './files.js';
import { registerReport } from './report.js';
import { registerServe } from './serve.js';
import { registerTui } from './tui.js';

/** Commands that front other packages: the terminal UI, spreadsheets, reports, the HTTP app. */
export function registerExtras(program: Command, io: Io): void {
  registerDemo(program, io);
  registerImport(program, io, ['tracker', 'summary', 'objectives']);
  registerExport(program, io);
  registerReport(program, io);
  registerServe(program, io);
  registerTui(program, io);
}
