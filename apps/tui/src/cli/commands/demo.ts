import type { Command } from 'commander';
import type { Actor } from '@ragtrail/core';
import { resolveActor } from '../actor.js';
import { json, line, type Io } from '../io.js';
import { integer, jsonFlag, optionsOf, programOf, type GlobalOptions } from '../options.js';
import { storeUrlOf, withRagtrail } from '../session.js';
import { serveUntilStopped } from './serve.js';

/** The demo is set up by the tool itself unless someone says who they are. */
const demoLoader: Actor = { id: 'cli:demo', name: 'ragtrail demo', role: 'admin' };

export function registerDemo(program: Command, io: Io): void {
  program
    .command('demo')
    .description('load the demo plans built from the seeds, issue an admin and a viewer token, and show what to try next')
    .option('--serve', 'then start the HTTP app and keep it running')
    .option('--port <n>', 'port for --serve', integer, 3000)
    .option('--host <host>', 'interface for --serve', '127.0.0.1')
    .option(...jsonFlag)
    .action(async (_o, cmd: Command) => {
      const o = optionsOf<{ serve?: boolean; port: number; host: string; json?: boolean }>(cmd);
      const program = programOf(cmd).opts<GlobalOptions>();
      const actor = resolveActor({ ...(program.actor ? { actor: program.actor } : {}), ...(program.role ? { role: program.role } : {}) }, io.env) ?? demoLoader;
      const storeUrl = storeUrlOf(o, io);
      const { loadDemo, demoPlanIds } = await import('@ragtrail/spreadsheets');
      const outcome = await withRagtrail(o, io, async (rt) => {
        const wanted = Object.values(demoPlanIds) as string[];
        const present = new Set<string>();
        for (const planId of wanted) if (await rt.planExists(planId)) present.add(planId);
        const { planIds } = await loadDemo(rt, { actor });
        const admin = await rt.issueToken({ name: 'Demo administrator', role: 'admin' }, { actor });
        const viewer = await rt.issueToken({ name: 'Demo inspector', role: 'viewer' }, { actor });
        const plans = (await rt.plans()).filter((p) => planIds.includes(p.planId));
        return { storeUrl, plans: plans.map((p) => ({ planId: p.planId, title: p.title, actions: p.actions, alreadyLoaded: present.has(p.planId) })), tokens: { admin: admin.token, viewer: viewer.token } };
      });
      if (o.json) json(io, outcome);
      else {
        line(io, `Store: ${storeUrl}`);
        for (const p of outcome.plans)
          line(io, `${p.alreadyLoaded ? 'Already loaded, kept as it is' : 'Loaded'}: ${p.planId} (${p.title}, ${p.actions} actions)`);
        line(io);
        line(io, `Admin token (shown once):  ${outcome.tokens.admin}`);
        line(io, `Viewer token (shown once): ${outcome.tokens.viewer}`);
        line(io);
        const first = outcome.plans[0]?.planId ?? 'PLAN_ID';
        line(io, 'Next:');
        line(io, `  pnpm ragtrail summary --plan ${first}`);
        line(io, `  pnpm ragtrail exceptions --plan ${first}`);
        line(io, `  pnpm ragtrail audit --plan ${first} --limit 20`);
        line(io, `  RAGTRAIL_ACTOR="Your Name:officer" pnpm ragtrail tui`);
        line(io, '  pnpm ragtrail verify');
      }
      if (o.serve) await serveUntilStopped(io, { storeUrl, port: o.port, host: o.host }, o.json);
    });
}
