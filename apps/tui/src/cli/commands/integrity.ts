import type { Command } from 'commander';
import { json, line, type Io } from '../io.js';
import { integer, jsonFlag, optionsOf } from '../options.js';
import { readTextFile } from '../read-text-file.js';
import { withRagtrail } from '../session.js';
import { writeOut } from '../write-out.js';
import { UserError } from '../user-error.js';

async function consistency(io: Io, o: { store?: string; out?: string; json?: boolean }, from: string): Promise<void> {
  const text = await readTextFile(from, 'the earlier checkpoint');
  const proof = await withRagtrail(o, io, (rt) => rt.consistencyProof(text));
  const body = `${JSON.stringify(proof, null, 2)}\n`;
  if (o.out) await writeOut(io, o.out, { body, contentType: 'application/json', fileName: 'consistency.json' }, o.json);
  else io.stdout.write(body);
}

/** Signed checkpoints, the log's public key and inclusion proofs (docs/integrity.md). */
export function registerIntegrity(program: Command, io: Io): void {
  program
    .command('checkpoint')
    .description("sign the log's head now and record the checkpoint in the log; prints it (or writes it to --out)")
    .option('--out <file>', 'write the signed checkpoint to this file')
    .option(...jsonFlag)
    .action(async (_o, cmd: Command) => {
      const o = optionsOf<{ out?: string; json?: boolean }>(cmd);
      const signed = await withRagtrail(o, io, (rt) => rt.takeCheckpoint('on request'));
      if (o.out) await writeOut(io, o.out, { body: signed.note, contentType: 'text/plain', fileName: 'checkpoint.txt' }, o.json);
      else if (o.json) json(io, signed);
      else io.stdout.write(signed.note);
    });

  program
    .command('key')
    .description("the log's signing key")
    .command('show')
    .description('print the public key in the signed-note verifier-key form an auditor passes to ragtrail-verify --key')
    .option(...jsonFlag)
    .action(async (_o, cmd: Command) => {
      const o = optionsOf<{ json?: boolean }>(cmd);
      const key = await withRagtrail(o, io, (rt) => rt.publicKey());
      if (o.json) json(io, key);
      else line(io, key.verifierKey);
    });

  program
    .command('proof')
    .description('an inclusion proof that one event of a plan is in the log (the event, its leaf index, the audit path and a signed checkpoint), or with --from a consistency proof that today\'s log extends an earlier checkpoint')
    .option('--plan <id>', 'the plan')
    .option('--revision <n>', "the event's revision in the plan", integer)
    .option('--from <file>', 'an earlier checkpoint, or a report carrying one: prove that today\'s log extends it')
    .option('--out <file>', 'write the proof JSON (what ragtrail-verify --proof reads) to this file')
    .option(...jsonFlag)
    .action(async (_o, cmd: Command) => {
      const o = optionsOf<{ plan?: string; revision?: number; from?: string; out?: string; json?: boolean }>(cmd);
      if (o.from !== undefined) return consistency(io, o, o.from);
      if (o.plan === undefined || o.revision === undefined) throw new UserError('Give --plan ID --revision N for an inclusion proof, or --from FILE for a consistency proof');
      const { plan, revision } = o;
      const proof = await withRagtrail(o, io, (rt) => rt.proof(plan, revision));
      const body = `${JSON.stringify(proof, null, 2)}\n`;
      if (o.out) await writeOut(io, o.out, { body, contentType: 'application/json', fileName: 'proof.json' }, o.json);
      else if (o.json) io.stdout.write(body);
      else {
        line(io, `Event ${proof.event.type} at revision ${proof.event.revision} of plan ${plan} (hash ${proof.eventHash})`);
        line(io, `is leaf ${proof.leafIndex} of the ${proof.treeSize} events in the log; audit path, leaf level first:`);
        for (const hash of proof.path) line(io, `  ${hash}`);
        line(io, 'Signed checkpoint:');
        io.stdout.write(proof.checkpoint ?? '');
        line(io, 'Add --json (or --out FILE) for the proof file ragtrail-verify --proof reads.');
      }
    });
}
