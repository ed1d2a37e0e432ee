import type { Command } from 'commander';
import { json, line, type Io } from '../io.js';
import { actorOf, jsonFlag, optionsOf } from '../options.js';
import { progressBar } from '../progress.js';
import { roles } from '../choices.js';
import { withRagtrail } from '../session.js';
import { UserError } from '../user-error.js';
import { verifyCheckpointFile } from './verify-checkpoint.js';

export function registerAdmin(program: Command, io: Io): void {
  program
    .command('verify')
    .description("check every event's hash chain and the checkpoints the store keeps (or, with --checkpoint, that today's log extends a checkpoint held elsewhere): exit 0 when all hold, 1 naming what broke")
    .option('--plan <id>', 'only this plan')
    .option('--checkpoint <file>', 'a signed checkpoint, or a board report / evidence pack (md or html) carrying one')
    .option(...jsonFlag)
    .action(async (_o, cmd: Command) => {
      const o = optionsOf<{ plan?: string; checkpoint?: string; json?: boolean }>(cmd);
      if (o.checkpoint !== undefined) return verifyCheckpointFile(io, o, o.checkpoint);
      const bar = await progressBar(io, o, 'Verifying');
      const result = await withRagtrail(o, io, (rt) =>
        rt.verify({ ...(o.plan ? { planId: o.plan } : {}), onProgress: (done, total) => bar.update(done, total, 'streams') }),
      ).finally(() => bar.stop());
      if (o.json) json(io, result);
      else {
        if (!result.firstBreak) line(io, `Every chain holds: ${result.events} events in ${result.streams} streams.`);
        const cps = result.checkpoints;
        if (cps?.ok && cps.checked > 0) line(io, `The log extends the store's latest checkpoint (${cps.checkpointSize} of ${cps.logSize} events; ${cps.checked} checkpoints kept).`);
        if (cps && !cps.ok) line(io, `Checkpoint broken: ${cps.message}`);
        if (result.catalogue && !result.catalogue.ok) line(io, `Stream list broken: ${result.catalogue.message}`);
        const models = result.readModels;
        if (models?.ok && models.catalogue.checked + models.snapshots.checked > 0) line(io, `The read models match the log (${models.catalogue.checked} plan listings, ${models.snapshots.checked} snapshots).`);
        for (const problem of models?.problems ?? []) line(io, `Read model wrong: ${problem}`);
      }
      const b = result.firstBreak;
      if (b) {
        if (!o.json) line(io, `Broken: ${b.stream} at revision ${b.revision} (event ${b.eventId}): ${b.problem}: ${b.message}`);
        throw new UserError(`the log is broken at ${b.stream}@${b.revision}: restore it from a backup or a migrated copy`);
      }
      if (result.checkpoints?.ok === false) throw new UserError(`the log no longer extends the store's own checkpoint: ${result.checkpoints.message}`);
      if (result.catalogue?.ok === false) throw new UserError(`the store's list of streams does not match its events: ${result.catalogue.message}`);
      // The read models are caches beside the log: verify drops each wrong entry, so the next read folds from the log.
      const wrong = result.readModels?.problems.length ?? 0;
      if (result.readModels?.ok === false) throw new UserError(`${wrong} read model entr${wrong === 1 ? 'y does' : 'ies do'} not match the log: dropped, so the next read rebuilds from the log; run verify again to confirm`);
    });

  program
    .command('migrate')
    .description('copy the whole log into an empty store, chains intact, and verify both')
    .requiredOption('--from <url>', 'source store URL')
    .requiredOption('--to <url>', 'target store URL (must be empty)')
    .option(...jsonFlag)
    .action(async (_o, cmd: Command) => {
      const o = optionsOf<{ from: string; to: string; json?: boolean }>(cmd);
      if (o.from === o.to) throw new UserError('--from and --to name the same store: migrate into a different, empty store');
      const bar = await progressBar(io, o, 'Migrating');
      // A migration copies the log itself, store to store: the one command that opens stores, not a ragtrail.
      const [{ migrateLog }, { openStore }] = await Promise.all([import('@ragtrail/core'), import('@ragtrail/stores')]);
      const from = await openStore(o.from);
      try {
        const to = await openStore(o.to);
        try {
          const report = await migrateLog(from, to, (p) => bar.update(p.done, p.total, p.phase));
          bar.stop();
          if (o.json) json(io, report);
          else line(io, `Copied ${report.events} events in ${report.streams} streams; target verified: ${report.target.ok ? 'every chain holds' : 'BROKEN'}.`);
          if (!report.target.ok) throw new UserError(`the copy does not verify at ${report.target.firstBreak.stream}@${report.target.firstBreak.revision}`);
        } finally {
          await to.close();
        }
      } finally {
        bar.stop();
        await from.close();
      }
    });

  const token = program.command('token').description('bearer tokens for the HTTP app');
  token
    .command('create')
    .description('issue a token (admin); its secret is printed once and stored only as a hash')
    .requiredOption('--name <name>', 'who or what the token is for')
    .option('--role <role>', `the role the token acts in: ${roles.join(', ')}; the acting admin is --actor "Name:admin" or RAGTRAIL_ACTOR`)
    .option(...jsonFlag)
    .action(async (_o, cmd: Command) => {
      const o = optionsOf<{ name: string; json?: boolean }>(cmd);
      // The program reads --role wherever it stands; here it names the token's role, so the acting
      // admin's role must come from --actor "Name:admin" or RAGTRAIL_ACTOR.
      const roleText = cmd.opts<{ role?: string }>().role ?? o.role;
      if (!roleText) throw new UserError(`Give the token a role: --role ${roles.join('|')}`);
      const { Role } = await import('@ragtrail/core');
      const role = Role.safeParse(roleText);
      if (!role.success) throw new UserError(`Unknown role "${roleText}": use one of ${roles.join(', ')}`);
      const actor = await actorOf(cmd, io, { roleMeansSomethingElse: true });
      const issued = await withRagtrail(o, io, (rt) => rt.issueToken({ name: o.name, role: role.data }, { actor }));
      if (o.json) json(io, issued);
      else {
        line(io, `Token for ${issued.name} (${issued.role}), id ${issued.tokenId}:`);
        line(io, issued.token);
        line(io, 'Keep it now: it is not shown again.');
      }
    });
  token
    .command('list')
    .description('list issued tokens (never their secrets)')
    .option(...jsonFlag)
    .action(async (_o, cmd: Command) => {
      const o = optionsOf<{ json?: boolean }>(cmd);
      const tokens = await withRagtrail(o, io, (rt) => rt.tokens());
      if (o.json) json(io, tokens);
      else if (tokens.length === 0) line(io, 'No tokens issued.');
      else tokens.forEach((t) => line(io, `${t.tokenId}  ${t.name} (${t.role})  issued ${t.issuedAt.slice(0, 10)} by ${t.issuedBy}${t.revoked ? '  REVOKED' : ''}`));
    });
  token
    .command('revoke')
    .description('revoke a token (admin)')
    .argument('<tokenId>', 'the token id (see `ragtrail token list`)')
    .option(...jsonFlag)
    .action(async (tokenId: string, _o, cmd: Command) => {
      const o = optionsOf<{ json?: boolean }>(cmd);
      const actor = await actorOf(cmd, io);
      await withRagtrail(o, io, (rt) => rt.revokeToken(tokenId, { actor }));
      if (o.json) json(io, { tokenId, revoked: true });
      else line(io, `Revoked token ${tokenId}.`);
    });
}
