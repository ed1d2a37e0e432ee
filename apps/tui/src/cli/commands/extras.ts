import type { Command } from 'commander';
import type { Io } from '../io.js';

/** Commands that front other packages: the terminal UI, spreadsheets, reports, the HTTP app. */
export function registerExtras(_program: Command, _io: Io): void {}
