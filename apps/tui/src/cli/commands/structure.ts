import type { Command } from 'commander';
import { json, line, type Io } from '../io.js';
import { actorOf, integer, jsonFlag, optionsOf } from '../options.js';
import { withRagtrail } from '../session.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Building a plan by hand, for councils without a spreadsheet to import. */
export function registerStructure(program: Command, io: Io): void {
  const plan = program.command('plan').description('create a plan by hand');
  plan
    .command('create')
    .description('create an empty plan (admin)')
    .requiredOption('--title <text>', 'the plan title')
    .requiredOption('--organisation <name>', 'the council')
    .option('--id <id>', 'the plan id (default: made from the title)')
    .option('--scheme <id>', 'scoring scheme: development-plan-5 or ofsted-tracker-3', 'development-plan-5')
    .option('--sustain-periods <n>', 'periods an evidenced level must hold before removal', integer)
    .option(...jsonFlag)
    .action(async (_o, cmd: Command) => {
      const o = optionsOf<{ title: string; organisation: string; id?: string; scheme: string; sustainPeriods?: number; json?: boolean }>(cmd);
      const actor = await actorOf(cmd, io);
      const result = await withRagtrail(o, io, (rt) =>
        rt.createPlan({ title: o.title, organisation: o.organisation, scheme: o.scheme, ...(o.id ? { planId: o.id } : {}), ...(o.sustainPeriods ? { sustainPeriods: o.sustainPeriods } : {}) }, { actor }),
      );
      if (o.json) json(io, { planId: result.planId, revision: result.revision });
      else line(io, `Created plan ${result.planId}`);
    });

  const priority = program.command('priority').description("add to a plan's priorities");
  priority
    .command('add')
    .description('add a priority')
    .requiredOption('--plan <id>', 'plan id')
    .requiredOption('--number <n>', 'its number in the plan', integer)
    .requiredOption('--title <text>', 'its title')
    .option('--id <id>', 'the priority id (default: p<number>)')
    .option(...jsonFlag)
    .action(async (_o, cmd: Command) => {
      const o = optionsOf<{ plan: string; number: number; title: string; id?: string; json?: boolean }>(cmd);
      const actor = await actorOf(cmd, io);
      const result = await withRagtrail(o, io, (rt) => rt.execute(o.plan, 'AddPriority', { number: o.number, title: o.title, ...(o.id ? { priorityId: o.id } : {}) }, { actor }));
      const event = result.events[0];
      const priorityId = event?.type === 'PriorityAdded' ? event.data.priorityId : null;
      if (o.json) json(io, { planId: result.planId, revision: result.revision, priorityId });
      else line(io, `Added priority ${priorityId} to ${result.planId}`);
    });

  const action = program.command('action').description("add to a plan's actions");
  action
    .command('add')
    .description('add an action')
    .requiredOption('--plan <id>', 'plan id')
    .requiredOption('--ref <ref>', 'its reference, e.g. "P1.1" or "Ofsted 3"')
    .requiredOption('--title <text>', 'what is to be done')
    .option('--priority <id>', 'the priority it belongs to')
    .option('--due <YYYY-MM-DD>', 'due date')
    .option('--owner <name>', 'an owner (repeat for more)', collect)
    .option('--lead <name>', 'the lead')
    .option(...jsonFlag)
    .action(async (_o, cmd: Command) => {
      const o = optionsOf<{ plan: string; ref: string; title: string; priority?: string; due?: string; owner?: string[]; lead?: string; json?: boolean }>(cmd);
      const actor = await actorOf(cmd, io);
      const result = await withRagtrail(o, io, (rt) =>
        rt.execute(o.plan, 'AddAction', {
          ref: o.ref, title: o.title, priorityId: o.priority ?? null, dueDate: o.due ?? null, owners: o.owner ?? [], lead: o.lead ? { name: o.lead } : null,
        }, { actor }),
      );
      const event = result.events[0];
      const actionId = event?.type === 'ActionAdded' ? event.data.actionId : null;
      if (o.json) json(io, { planId: result.planId, revision: result.revision, actionId });
      else line(io, `Added action ${o.ref} (${actionId}) to ${result.planId}`);
    });
}
