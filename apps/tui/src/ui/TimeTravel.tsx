/** @jsxRuntime automatic @jsxImportSource react */
import { useMemo, useState } from 'react';
import { Box, Text } from 'ink';
import { PlanReplay, type RecordedEvent } from '@ragtrail/core';
import type { PlanData } from '../sources/source.js';
import { pad } from '../view/symbols.js';
import { momentAsOf, momentKey, momentText, travelMoment } from '../view/travel-moment.js';
import { wrap } from '../view/wrap.js';
import { Dashboard } from './Dashboard.js';
import { useKeys } from './keys.js';
import { useTheme } from './theme.js';
import { useAsync } from './use-async.js';

/** What an event did, in a line: "EntryRecorded P1.1 2017-04 score 3". */
function describe(event: RecordedEvent, refOf: (actionId: string) => string): string {
  const d = event.data as Record<string, unknown>;
  const parts: string[] = [event.type];
  if (typeof d.actionId === 'string') parts.push(refOf(d.actionId));
  else if (typeof d.ref === 'string') parts.push(d.ref);
  if (typeof d.period === 'string') parts.push(d.period);
  if (event.type === 'EntryRecorded') parts.push(`score ${event.data.score}`);
  if (event.type === 'EntryCorrected') parts.push(`score ${event.data.before.score}→${event.data.after.score}`);
  if (event.type === 'PriorityAdded' || event.type === 'PlanCreated') parts.push(event.data.title);
  return parts.join(' ');
}

export interface TimeTravelProps {
  data: PlanData;
  planId: string;
  events: readonly RecordedEvent[];
  room: number;
  onTyping: (typing: boolean) => void;
}

/**
 * The auditor's replay: step through the log an event or a period at a time, or jump to a date,
 * and see the dashboard exactly as it stood, with the event just applied. The plan's log is replayed
 * here; its outcomes' exceptions (off-target indicators, milestones overdue or missed) come from the
 * core as known at the same moment, so the board's exceptions are the ones it saw then.
 */
export function TimeTravel({ data, planId, events, room, onTyping }: TimeTravelProps) {
  const { width, colour } = useTheme();
  const replay = useMemo(() => new PlanReplay(events), [events]);
  const [cursor, setCursor] = useState(events.length);
  const [date, setDate] = useState<string | null>(null);
  /** The date or instant the last jump asked for: the moment shown until the next step. */
  const [asked, setAsked] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const frame = useMemo(() => replay.frame(cursor), [replay, cursor]);
  const moment = travelMoment(events, frame.cursor, asked);
  const asOf = momentAsOf(moment);
  const key = `${momentKey(moment)}|${frame.period ?? ''}`;
  // Asked only where the replay names a period (before that there is no board and no plan to ask about).
  const outcomes = useAsync(async () => {
    if (!frame.summary || frame.period === null) return { key, list: [] };
    const answer = await data.exceptions(planId, { period: frame.period, ...(asOf === undefined ? {} : { asOf }) });
    return { key, list: answer.outcomes };
  }, [data, planId, key]);
  // An answer for an earlier moment is never shown for this one.
  const current = outcomes.data?.key === key ? outcomes.data.list : null;
  const moreCommand = `ragtrail exceptions --plan ${planId} --period ${frame.period ?? ''}${asOf === undefined ? '' : ` --as-of ${asOf}`}`;

  const go = (c: number) => {
    setError(null);
    setAsked(null);
    setCursor(Math.max(0, Math.min(events.length, c)));
  };
  useKeys((input, key) => {
    if (date !== null) {
      if (key.escape) {
        setDate(null);
        onTyping(false);
      } else if (key.return) {
        try {
          const at = replay.cursorAt(date.trim());
          go(at);
          setAsked(date.trim());
        } catch (e) {
          setError((e as Error).message);
        }
        setDate(null);
        onTyping(false);
      } else if (key.backspace || key.delete) setDate(date.slice(0, -1));
      else if (input && !key.ctrl) setDate(date + input);
      return;
    }
    if (key.leftArrow || input === 'h') go(cursor - 1);
    else if (key.rightArrow || input === 'l') go(cursor + 1);
    else if (input === '[' || key.pageUp) go(replay.stepPeriod(cursor, -1));
    else if (input === ']' || key.pageDown) go(replay.stepPeriod(cursor, 1));
    else if (input === 'g' || key.home) go(0);
    else if (input === 'G' || key.end) go(events.length);
    else if (input === 'd') {
      setDate('');
      onTyping(true);
    }
  });

  const e = frame.event;
  const momentLines = wrap(
    outcomes.error && !current ? `! Outcomes could not be read: ${outcomes.error.message}` : `${momentText(moment)}${current ? '' : ' (reading outcomes…)'}`,
    width - 1,
  );
  const errorLines = error ? wrap(`! ${error}`, width - 1) : [];
  const prompt = date !== null ? wrap(`Jump to date (YYYY-MM-DD or ISO instant): ${date}_`, width - 1) : [];
  // The dashboard gets the rows left under the header, the event line, the prompt, the error, the moment and the keys.
  const boardRoom = room - 3 - prompt.length - errorLines.length - momentLines.length;
  const refOf = (id: string) => frame.state.actions.get(id)?.ref ?? id;
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold color={colour ? 'magenta' : undefined}>{'TIME TRAVEL '}</Text>
        {`event ${frame.cursor}/${events.length}${e ? ` (revision ${e.revision}) · recorded ${e.recordedAt.slice(0, 16).replace('T', ' ')}` : ' · before the plan existed'}`}
      </Text>
      <Text>{pad(e ? `just applied: ${describe(e, refOf)} by ${e.actor.name} (${e.actor.role})${e.reason ? `, “${e.reason}”` : ''}` : 'just applied: nothing yet', width - 1)}</Text>
      {prompt.map((text, i) => <Text key={`prompt-${i}`}>{text}</Text>)}
      {errorLines.map((text, i) => <Text key={`error-${i}`} color={colour ? 'red' : undefined}>{text}</Text>)}
      {frame.summary ? momentLines.map((text, i) => <Text key={`moment-${i}`} dimColor>{text}</Text>) : null}
      {frame.summary ? (
        <Dashboard summary={frame.summary} exceptions={frame.exceptions} outcomes={current ?? []} selected={null} room={boardRoom} moreCommand={moreCommand} />
      ) : (
        <Text>{frame.state.status === 'active' ? 'No period named yet: the plan has no reviews or entries at this point.' : 'The plan did not exist yet.'}</Text>
      )}
      <Text dimColor>←→/hl event · [ ] period · g/G start/end · d date · esc leave</Text>
    </Box>
  );
}
