import { Command, CommanderError } from 'commander';
import type { Io } from './io.js';
import { registerAdmin } from './commands/admin.js';
import { registerQueries } from './commands/queries.js';
import { registerStructure } from './commands/structure.js';
import { registerWrites } from './commands/writes.js';
import { registerExtras } from './commands/extras.js';
import { registerOutcomes } from './commands/outcomes.js';
import { registerIntegrity } from './commands/integrity.js';

export function buildProgram(io: Io): Command {
  const program = new Command('ragtrail')
    .description('Event-sourced RAG tracking of improvement plans: record, review, replay and verify.')
    .option('--store <url>', 'event store: sqlite:PATH, memory: or esdb://HOST:2113?tls=false (env RAGTRAIL_STORE; default sqlite:./data/ragtrail.db)')
    .option('--actor <name>', 'who is acting: "Name" with --role, or "Name:role" (env RAGTRAIL_ACTOR="Name:role")')
    .option('--role <role>', 'the acting role: viewer, officer, reviewer, board or admin')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .configureHelp({ showGlobalOptions: true })
    .showHelpAfterError('(add --help for usage)');
  // Subcommands copy these settings when they are created, so set them before registering.
  registerExtras(program, io);
  registerQueries(program, io);
  registerWrites(program, io);
  registerStructure(program, io);
  registerAdmin(program, io);
  registerOutcomes(program, io);
  registerIntegrity(program, io);
  return program;
}

/**
 * Runs one command line and returns the exit code: 0 done, 1 a mistake the person can fix (one
 * line on stderr saying what), 2 misuse (unknown command or option, missing argument).
 */
export async function runCli(args: readonly string[], io: Io): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...args], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    // The error rules know the core's errors: loaded only when something went wrong.
    const { describeError } = await import('./errors.js');
    const { message, internal } = describeError(error);
    io.stderr.write(`ragtrail: ${message}\n`);
    if (internal && io.env.RAGTRAIL_DEBUG) io.stderr.write(`${(error as Error).stack ?? ''}\n`);
    else if (internal) io.stderr.write('(an unexpected error: set RAGTRAIL_DEBUG=1 to see where)\n');
    return 1;
  }
}
