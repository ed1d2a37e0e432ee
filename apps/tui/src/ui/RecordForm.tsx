/** @jsxRuntime automatic @jsxImportSource react */
import { useState, type ReactNode } from 'react';
import { Box, Text } from 'ink';
import { DomainError, recordingPeriod, scoreAt, StatedDirection, ValidationError, type PlanState } from '@ragtrail/core';
import type { PlanData } from '../sources/source.js';
import { isDown, isUp, useKeys } from './keys.js';
import { useTheme } from './theme.js';

const FIELDS = ['period', 'score', 'update', 'direction', 'reason', 'save'] as const;
type Field = (typeof FIELDS)[number];
const DIRECTIONS = [null, ...StatedDirection.options] as const;

/** Which field an error from the core is about ("data.score", "score", "reason"), or null for the whole form. */
function errorsByField(error: unknown): { byField: Partial<Record<Field, string>>; general: string | null } {
  const byField: Partial<Record<Field, string>> = {};
  const issues = error instanceof ValidationError ? error.issues : error instanceof DomainError ? [{ field: error.field ?? '', message: error.message }] : [];
  let general: string | null = issues.length === 0 ? (error instanceof Error ? error.message : String(error)) : null;
  for (const issue of issues) {
    const name = issue.field.split('.').pop() as Field;
    if ((FIELDS as readonly string[]).includes(name) && name !== 'save') byField[name] = issue.message;
    else general = issue.message;
  }
  return { byField, general };
}

/** Record a month for one action: score from the plan's scheme, update, direction and, when the rules ask, a reason. */
export function RecordForm({ data, plan, actionId, onDone, onCancel }: { data: PlanData; plan: PlanState; actionId: string; onDone: (message: string) => void; onCancel: () => void }) {
  const { colour } = useTheme();
  const action = plan.actions.get(actionId)!;
  const levels = plan.scheme.levels;
  const [field, setField] = useState<Field>('score');
  const [period, setPeriod] = useState(() => recordingPeriod(plan, new Date()));
  // Start from the score the action holds now (this period's, else the last one carried forward).
  const held = levels.findIndex((l) => l.value === scoreAt(plan, actionId, period)?.entry.score);
  const [score, setScore] = useState(held >= 0 ? held : 0);
  const [update, setUpdate] = useState('');
  const [direction, setDirection] = useState(0);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ byField: Partial<Record<Field, string>>; general: string | null }>({ byField: {}, general: null });
  const [saving, setSaving] = useState(false);

  const move = (by: number) => setField((f) => FIELDS[Math.max(0, Math.min(FIELDS.length - 1, FIELDS.indexOf(f) + by))]!);
  const text: Partial<Record<Field, [string, (v: string) => void]>> = { period: [period, setPeriod], update: [update, setUpdate], reason: [reason, setReason] };

  const save = async () => {
    setSaving(true);
    try {
      const level = levels[score]!;
      await data.recordEntry(plan.planId, { action: action.ref, period, score: level.value, update, direction: DIRECTIONS[direction] ?? null }, reason.trim() || null);
      onDone(`Recorded ${action.ref} ${period}: ${level.label} (${level.value})`);
    } catch (error) {
      setErrors(errorsByField(error));
      setSaving(false);
    }
  };

  useKeys((input, key) => {
    if (saving) return;
    if (key.escape) return onCancel();
    if (key.tab || key.downArrow) return move(key.shift ? -1 : 1);
    if (key.upArrow) return move(-1);
    if (key.return) return field === 'save' ? void save() : move(1);
    const editing = text[field];
    if (editing) {
      const [value, set] = editing;
      if (key.backspace || key.delete) set(value.slice(0, -1));
      else if (input && !key.ctrl && !key.meta) set(value + input);
      return;
    }
    if (field === 'score') {
      if (key.leftArrow || isUp(input, key)) setScore((s) => Math.max(0, s - 1));
      else if (key.rightArrow || isDown(input, key)) setScore((s) => Math.min(levels.length - 1, s + 1));
      else {
        const typed = levels.findIndex((l) => String(l.value) === input);
        if (typed >= 0) setScore(typed);
      }
    }
    if (field === 'direction') {
      if (key.leftArrow) setDirection((d) => (d + DIRECTIONS.length - 1) % DIRECTIONS.length);
      else if (key.rightArrow || input === ' ') setDirection((d) => (d + 1) % DIRECTIONS.length);
    }
  });

  const row = (name: Field, label: string, value: ReactNode) => (
    <Box flexDirection="column" key={name}>
      <Text>
        <Text inverse={field === name}>{`${field === name ? '>' : ' '} ${label.padEnd(10)}`}</Text> {value}
      </Text>
      {errors.byField[name] ? <Text color={colour ? 'red' : undefined}>{`    ! ${errors.byField[name]}`}</Text> : null}
    </Box>
  );
  const cursor = (name: Field) => (field === name ? '_' : '');
  return (
    <Box flexDirection="column">
      <Text bold>{`Record a month: ${action.ref} ${action.title}`.slice(0, 79)}</Text>
      {row('period', 'Period', `${period}${cursor('period')}`)}
      {row('score', 'Score', (
        <Text>
          {levels.map((l, i) => (
            <Text key={l.value} inverse={i === score} color={colour ? l.colour : undefined}>{i === score ? `[${l.value} ${l.label}]` : ` ${l.value} ${l.label} `}</Text>
          ))}
        </Text>
      ))}
      <Text dimColor>{`    ${levels[score]!.meaning}`.slice(0, 79)}</Text>
      {row('update', 'Update', `${update}${cursor('update')}`)}
      {row('direction', 'Direction', `‹ ${DIRECTIONS[direction] ?? 'not stated'} ›`)}
      {row('reason', 'Reason', `${reason}${cursor('reason')}`)}
      {row('save', 'Save', saving ? 'saving…' : 'press enter to record')}
      {errors.general ? <Text color={colour ? 'red' : undefined}>{`! ${errors.general}`}</Text> : null}
      <Text dimColor>tab/↑↓ field · ←→ choose · enter next/save · esc cancel</Text>
    </Box>
  );
}
