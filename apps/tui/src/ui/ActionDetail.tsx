/** @jsxRuntime automatic @jsxImportSource react */
import { Box, Text } from 'ink';
import { entryAt, entryPeriods, findLevel } from '@ragtrail/core';
import type { PlanData } from '../sources/source.js';
import { pad, sparkline } from '../view/symbols.js';
import { useAsync } from './use-async.js';
import { useTheme } from './theme.js';
import { ErrorLine } from './ErrorLine.js';

/** Score and due-date changes, the ones an auditor scans for: "score 2→3", "score 3" when first set. */
const changesText = (changes: readonly { field: string; before: unknown; after: unknown }[]): string =>
  changes
    .filter((c) => (c.field === 'score' || c.field === 'dueDate') && c.after !== null)
    .map((c) => (c.before === null || c.before === undefined ? `${c.field} ${String(c.after)}` : `${c.field} ${String(c.before)}→${String(c.after)}`))
    .join(' ');

/** One action: its score history as a sparkline, recent updates, evidence and who changed what. */
export function ActionDetail({ data, planId, actionId, version }: { data: PlanData; planId: string; actionId: string; version: number }) {
  const { width, colour } = useTheme();
  const loaded = useAsync(async () => {
    const [plan, evidence, audit] = await Promise.all([data.plan(planId), data.evidence(planId, { action: actionId }), data.audit(planId, { action: actionId })]);
    return { plan, evidence: evidence.actions[0] ?? null, audit };
  }, [planId, actionId, version]);
  if (loaded.error) return <ErrorLine error={loaded.error} />;
  if (!loaded.data) return <Text>Loading…</Text>;
  const { plan, evidence, audit } = loaded.data;
  const action = plan.actions.get(actionId);
  if (!action || !evidence) return <Text>No action {actionId} in this plan.</Text>;
  const periods = entryPeriods(plan, actionId);
  const latest = evidence.trajectory[evidence.trajectory.length - 1];
  const level = latest ? findLevel(plan.scheme, latest.score) : undefined;
  const wide = width - 4;
  return (
    <Box flexDirection="column">
      <Text bold>{pad(`${action.ref} ${action.title}`, width - 1)}</Text>
      <Text dimColor>{pad(`Lead ${action.lead?.name ?? '–'} · due ${action.dueDate ?? (action.dueText || '–')} · owners ${action.owners.join(', ') || '–'}`, width - 1)}</Text>
      <Text>
        {'Scores '}
        <Text color={colour && level ? level.colour : undefined}>{sparkline(plan.scheme, evidence.trajectory.map((t) => t.score))}</Text>
        {` ${evidence.trajectory.map((t) => t.score).join(' ')}`}
        {latest ? ` · now ${latest.label} (${latest.score}), held ${evidence.heldPeriods} period(s)` : ' · not scored yet'}
      </Text>
      <Text bold>Updates</Text>
      {periods.length === 0 ? <Text>  none yet</Text> : null}
      {periods.slice(-3).reverse().map((p) => (
        <Text key={p}>{`  ${p} ${entryAt(plan, actionId, p)!.score} ${pad(entryAt(plan, actionId, p)!.update || '(no update)', wide - 12)}`}</Text>
      ))}
      <Text bold>{`Evidence (${evidence.evidence.length})`}</Text>
      {evidence.evidence.slice(-3).map((e) => (
        <Text key={e.evidenceId}>{`  ${e.observedOn} ${pad(e.kind, 9)} ${pad(e.title, wide - 22)}`}</Text>
      ))}
      <Text bold>{`Audit trail (${audit.total})`}</Text>
      {audit.records.slice(-5).map((r) => (
        <Text key={r.eventId}>
          {`  ${r.recordedAt.slice(0, 16).replace('T', ' ')} ${pad(r.type, 15)} ${pad(r.actor.name, 14)} ${pad([r.period ?? '', changesText(r.changes), r.reason ? `“${r.reason}”` : ''].filter(Boolean).join(' '), wide - 48)}`}
        </Text>
      ))}
    </Box>
  );
}
