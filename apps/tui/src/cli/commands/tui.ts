import type { Command } from 'commander';
import { UserError } from '../user-error.js';
import type { Io } from '../io.js';
import { optionsOf, programOf, type GlobalOptions } from '../options.js';
import { openRagtrail, storeUrlOf } from '../session.js';
import type { PlanData } from '../../sources/source.js';

async function dataFor(o: { api?: string; token?: string } & GlobalOptions, cmd: Command, io: Io): Promise<PlanData> {
  if (o.api) {
    const token = o.token ?? io.env.RAGTRAIL_TOKEN;
    if (!token) throw new UserError('--api needs a bearer token: add --token T (or set RAGTRAIL_TOKEN); `ragtrail token create` issues one');
    const { httpData } = await import('../../sources/http.js');
    return httpData(o.api, token);
  }
  const program = programOf(cmd).opts<GlobalOptions>();
  const [{ resolveActor }, { directData }] = await Promise.all([import('../actor.js'), import('../../sources/direct.js')]);
  const actor = resolveActor({ ...(program.actor ? { actor: program.actor } : {}), ...(program.role ? { role: program.role } : {}) }, io.env);
  const url = await storeUrlOf(o, io);
  return directData(await openRagtrail(url), actor, url);
}

export function registerTui(program: Command, io: Io): void {
  program
    .command('tui')
    .description('the interactive terminal UI: dashboard, action detail, record a month, time travel')
    .option('--plan <id>', 'open this plan (default: the only one, else a picker)')
    .option('--api <url>', 'use a running HTTP app instead of a store, e.g. http://localhost:3000')
    .option('--token <secret>', 'bearer token for --api (env RAGTRAIL_TOKEN)')
    .action(async (_o, cmd: Command) => {
      const o = optionsOf<{ plan?: string; api?: string; token?: string }>(cmd);
      if (!process.stdin.isTTY || !process.stdout.isTTY)
        throw new UserError('ragtrail tui needs an interactive terminal; in scripts use `ragtrail summary --plan ID` (or --json)');
      const data = await dataFor(o, cmd, io);
      try {
        // Ink and React load only for this command, so scripted commands start quickly.
        const { runUi } = await import('../../ui/run.js');
        await runUi(data, { ...(o.plan ? { planId: o.plan } : {}), env: io.env });
      } finally {
        await data.close();
      }
    });
}
