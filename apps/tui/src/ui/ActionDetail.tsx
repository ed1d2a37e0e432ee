/** @jsxRuntime automatic @jsxImportSource react */
import { Box, Text } from 'ink';
import { entryAt, entryPeriods, findLevel } from '@ragtrail/core';
import type { PlanData } from '../sources/source.js';
import { pad, sparkline } from '../view/symbols.js';
import { auditPane, evidencePane } from '../view/action-panes.js';
import { wrap } from '../view/wrap.js';
import { useAsync } from './use-async.js';
import { useTheme } from './theme.js';
import { ErrorLine } from './ErrorLine.js';

/**
 * One action: its score history as a sparkline, recent updates, its evidence and who changed
 * what, in sentences. The audit trail takes every row the rest leaves, newest records first to go in.
 */
export function ActionDetail({ data, planId, actionId, version, room }: { data: PlanData; planId: string; actionId: string; version: number; room: number }) {
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
  const line = width - 1;
  const title = wrap(`${action.ref} ${action.title}`, line);
  const updates = periods.slice(-3).reverse().map((p) => `  ${p} ${entryAt(plan, actionId, p)!.score} ${entryAt(plan, actionId, p)!.update || '(no update)'}`);
  const evidenceLines = evidencePane(evidence.evidence, { planId, ref: action.ref, width: line, room: 3 });
  // Rows before the audit: title, lead, scores, "Updates" and its lines, the evidence, "Audit trail".
  const used = title.length + 2 + 1 + Math.max(1, updates.length) + evidenceLines.length + 1;
  const auditLines = auditPane(audit.records, audit.total, { planId, ref: action.ref, scheme: plan.scheme, width: line, room: Math.max(1, room - used) });
  return (
    <Box flexDirection="column">
      {title.map((text, i) => <Text key={`t-${i}`} bold>{text}</Text>)}
      <Text dimColor>{pad(`Lead ${action.lead?.name ?? '–'} · due ${action.dueDate ?? (action.dueText || '–')} · owners ${action.owners.join(', ') || '–'}`, line)}</Text>
      <Text>
        {'Scores '}
        <Text color={colour && level ? level.colour : undefined}>{sparkline(plan.scheme, evidence.trajectory.map((t) => t.score))}</Text>
        {pad(` ${evidence.trajectory.map((t) => t.score).join(' ')}${latest ? ` · now ${latest.label} (${latest.score}), held ${evidence.heldPeriods} period(s)` : ' · not scored yet'}`, line - 7 - evidence.trajectory.length)}
      </Text>
      <Text bold>Updates</Text>
      {updates.length === 0 ? <Text>  none yet</Text> : null}
      {updates.map((text) => <Text key={text}>{pad(text, line)}</Text>)}
      {evidenceLines.map((text, i) => <Text key={`e-${i}`} bold={i === 0}>{text}</Text>)}
      <Text bold>{`Audit trail (${audit.total})`}</Text>
      {auditLines.map((text, i) => <Text key={`a-${i}`} dimColor={text.startsWith('  …')}>{text}</Text>)}
    </Box>
  );
}
