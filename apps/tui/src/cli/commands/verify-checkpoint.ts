import { UserError } from '../user-error.js';
import { json, line, type Io } from '../io.js';
import { readTextFile } from '../read-text-file.js';
import { withRagtrail } from '../session.js';

/**
 * `ragtrail verify --checkpoint FILE`: the checkpoint's signature, then a consistency proof that
 * today's log extends it unchanged. Exit 1 names what broke, and the first event that differs where
 * the per-stream chains can tell.
 */
export async function verifyCheckpointFile(io: Io, options: { store?: string; json?: boolean }, file: string): Promise<void> {
  const text = await readTextFile(file, 'the checkpoint file');
  const verdict = await withRagtrail(options, io, (rt) => rt.verifyCheckpoint(text));
  if (options.json) json(io, verdict);
  if (verdict.ok) {
    if (!options.json) line(io, `The log (${verdict.logSize} events) extends, unchanged, the checkpoint of ${verdict.checkpointSize} events signed by ${verdict.origin}.`);
    return;
  }
  if (!options.json) {
    line(io, `Broken: ${verdict.message}`);
    const b = verdict.firstBreak;
    if (b) line(io, `First event that differs: ${b.stream} at revision ${b.revision} (event ${b.eventId}): ${b.problem}: ${b.message}`);
  }
  throw new UserError(verdict.problem === 'bad-signature' ? verdict.message : `the log does not extend the checkpoint in ${file}: ${verdict.problem}`);
}
