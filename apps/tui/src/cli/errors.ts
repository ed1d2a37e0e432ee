import { ConcurrencyError, DomainError, ValidationError } from '@ragtrail/core';

import { UserError } from './user-error.js';

export { UserError };

// The command's input fields by the flags a person typed: "data.newDueDate" was given as --due.
const flagsByField: Record<string, string> = { newDueDate: '--due', dueDate: '--due', reviewDate: '--date', priorityId: '--priority', actionId: '--id', planId: '--id' };
const fieldAsTyped = (field: string): string => {
  const inData = /^data\.(\w+)$/.exec(field)?.[1];
  return inData === undefined ? field : flagsByField[inData] ?? `--${inData.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
};

/** The one line a person sees for an error, and whether it was theirs to fix (exit 1) or ours. */
export function describeError(error: unknown): { message: string; internal: boolean } {
  if (error instanceof ValidationError) {
    const issues = error.issues.map((i) => `${fieldAsTyped(i.field)}: ${i.message}`).join('; ');
    return { message: issues, internal: false };
  }
  if (error instanceof DomainError) return { message: error.message, internal: false };
  if (error instanceof UserError || error instanceof ConcurrencyError) return { message: error.message, internal: false };
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof Error && typeof code === 'string' && ['ENOENT', 'EACCES', 'EISDIR', 'ENOTDIR', 'EEXIST', 'EADDRINUSE', 'ECONNREFUSED'].includes(code)) {
    const path = (error as { path?: string }).path;
    const what: Record<string, string> = {
      ENOENT: 'no such file or directory', EACCES: 'permission denied', EISDIR: 'is a directory, not a file', ENOTDIR: 'a part of the path is not a directory',
      EEXIST: 'already exists', EADDRINUSE: 'the port is already in use: choose another with --port', ECONNREFUSED: 'nothing is listening there: is the HTTP app running?',
    };
    return { message: path ? `${path}: ${what[code]}` : `${what[code]}`, internal: false };
  }
  if (error instanceof Error) {
    // Errors the core and the stores raise as plain Errors are written for people ("The target store is not empty ...").
    return { message: error.message.split('\n')[0] ?? String(error), internal: !(error.constructor === Error) };
  }
  return { message: String(error), internal: true };
}
