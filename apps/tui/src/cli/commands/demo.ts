import type { Command } from 'commander';
import type { Actor } from '@ragtrail/core';
import { json, line, type Io } from '../io.js';
import { integer, jsonFlag, optionsOf, programOf, type GlobalOptions } from '../options.js';
import { storeUrlOf } from '../session.js';
import { serveUntilStopped } from './serve.js';

/** The tokens are issued by the tool itself unless someone says who they are; the history has its own demo: people. */
const demoLoader: Actor = { id: 'demo:loader', name: 'ragtrail demo', role: 'admin' };
/** How a person runs the command line from a clone, without installing anything globally. */
const run = 'npx -y pnpm@9.15.9 ragtrail';

export function registerDemo(program: Command, io: Io): void {
  program
    .command('demo')
    .description('load the demo plans as a history (Dec 2016 to Jul 2018) into a store with nothing recorded later, issue an admin and a viewer token, and show what to try next')
    .option('--serve', 'then start the HTTP app and keep it running')
    .option('--port <n>', 'port for --serve', integer, 3000)
    .option('--host <host>', 'interface for --serve', '127.0.0.1')
    .option(...jsonFlag)
    .action(async (_o, cmd: Command) => {
      const o = optionsOf<{ serve?: boolean; port: number; host: string; json?: boolean }>(cmd);
      const program = programOf(cmd).opts<GlobalOptions>();
      const [{ resolveActor }, { createRagtrail, signerForStore }, { DEFAULT_STORE_URL, openStore }] = await Promise.all([import('../actor.js'), import('@ragtrail/core'), import('@ragtrail/stores')]);
      const actor = resolveActor({ ...(program.actor ? { actor: program.actor } : {}), ...(program.role ? { role: program.role } : {}) }, io.env) ?? demoLoader;
      const storeUrl = await storeUrlOf(o, io);
      const { loadDemo, createDemoClock } = await import('@ragtrail/spreadsheets');
      // The history is stamped by a clock the loader moves through its months; loadDemo then releases it to the real time.
      const clock = createDemoClock();
      const store = await openStore(storeUrl);
      const signer = signerForStore(storeUrl, io.env);
      const rt = createRagtrail({ store, now: clock.now, ...(signer ? { signer } : {}) });
      const outcome = await (async () => {
        try {
          const { planIds, loaded } = await loadDemo(rt, clock);
          const admin = await rt.issueToken({ name: 'Demo administrator', role: 'admin' }, { actor });
          const viewer = await rt.issueToken({ name: 'Demo inspector', role: 'viewer' }, { actor });
          const plans = (await rt.plans()).filter((p) => planIds.includes(p.planId));
          return { storeUrl, plans: plans.map((p) => ({ planId: p.planId, title: p.title, actions: p.actions, alreadyLoaded: !loaded.includes(p.planId) })), tokens: { admin: admin.token, viewer: viewer.token } };
        } finally {
          await rt.close();
        }
      })();
      if (o.json) json(io, outcome);
      else {
        line(io, `Store: ${storeUrl}`);
        for (const p of outcome.plans)
          line(io, `${p.alreadyLoaded ? 'Already loaded, kept as it is' : 'Loaded with its history'}: ${p.planId} (${p.title}, ${p.actions} actions)`);
        line(io, 'Demo events are recorded by demo: people with reasons that begin "Demo history:".');
        line(io);
        line(io, `Admin token (shown once):  ${outcome.tokens.admin}`);
        line(io, `Viewer token (shown once): ${outcome.tokens.viewer}`);
        line(io);
        const first = outcome.plans[0]?.planId ?? 'PLAN_ID';
        const store = storeUrl === DEFAULT_STORE_URL ? '' : ` --store ${storeUrl}`;
        line(io, 'Next, from this folder:');
        line(io, `  ${run} summary --plan ${first} --period 2017-04${store}`);
        line(io, `  ${run} summary --plan ${first} --period 2017-04 --as-of 2017-05-10${store}   # before the correction`);
        line(io, `  ${run} audit --plan ${first} --limit 20${store}`);
        line(io, `  RAGTRAIL_ACTOR="Your Name:officer" ${run} tui${store}`);
        line(io, `  ${run} verify${store}`);
        line(io, o.serve
          ? `Pages: open http://${o.host}:${o.port}/login and paste the viewer token (or the admin token) to sign in.`
          : `Pages: ${run} serve${store}, then open http://127.0.0.1:3000/login and paste the viewer token to sign in.`);
      }
      if (o.serve) await serveUntilStopped(io, { storeUrl, port: o.port, host: o.host }, o.json);
    });
}
