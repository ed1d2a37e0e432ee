import { notFound } from '../../shared/errors.js';
import type { DomainEvent } from '../../events/catalogue.js';
import type { PlanState } from '../state.js';
import type { CommandData } from './schemas.js';
import { requirePlan } from './guards.js';

export function importFigures(data: CommandData<'ImportFigures'>, state: PlanState): DomainEvent[] {
  requirePlan(state);
  data.priorities.forEach((p, i) => {
    if (!state.priorities.has(p.priorityId)) throw notFound(`priorities.${i}.priorityId`, `No priority ${p.priorityId} in this plan`);
  });
  return [{ type: 'FiguresImported', data }];
}
