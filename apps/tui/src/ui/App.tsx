/** @jsxRuntime automatic @jsxImportSource react */
import { useEffect, useState } from 'react';
import { Box, Text, useApp } from 'ink';
import { addMonths, commandWords, holderOf, mayIssue, permissions, rolesInWords, type Actor } from '@ragtrail/core';
import type { PlanData } from '../sources/source.js';
import { wrap } from '../view/wrap.js';
import { ActionDetail } from './ActionDetail.js';
import { Dashboard } from './Dashboard.js';
import { ErrorLine } from './ErrorLine.js';
import { Help } from './Help.js';
import { IndicatorsView } from './IndicatorsView.js';
import { isDown, isUp, useKeys } from './keys.js';
import { PlanPicker } from './PlanPicker.js';
import { PriorityView } from './PriorityView.js';
import { RecordForm } from './RecordForm.js';
import { TimeTravel } from './TimeTravel.js';
import { ThemeContext, type Theme } from './theme.js';
import { useAsync } from './use-async.js';

/** Months from one YYYY-MM to another: a quarterly plan's periods are three apart. */
const monthsBetween = (from: string, to: string): number => {
  const index = (p: string) => Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7));
  return index(to) - index(from);
};

/** Why this person cannot record an entry here, in words that say what to do instead; null when they can. */
function recordRefusal(actor: Actor | null, origin: string): string | null {
  const overHttp = /^https?:/.test(origin);
  if (!actor) return overHttp
    ? 'Cannot record: the token acts as no one. Use an officer\'s token (ragtrail token create --role officer).'
    : 'Cannot record: no acting person. Quit and start again with --actor "Your Name:officer" or RAGTRAIL_ACTOR="Your Name:officer".';
  if (mayIssue(actor.role, 'RecordEntry')) return null;
  const fix = overHttp ? 'use a token with one of those roles' : 'start again with --actor "Your Name:officer"';
  return `Cannot record: ${holderOf(actor.role)} may not ${commandWords.RecordEntry}; that needs ${rolesInWords(permissions.RecordEntry)}: ${fix}.`;
}

type Screen =
  | { name: 'picker' }
  | { name: 'dashboard' }
  | { name: 'priority'; index: number }
  | { name: 'action'; actionId: string }
  | { name: 'record'; actionId: string }
  | { name: 'travel' }
  | { name: 'indicators' }
  | { name: 'help' };

export interface AppProps {
  data: PlanData;
  planId?: string;
  theme: Theme;
}

export function App({ data, planId: initialPlan, theme }: AppProps) {
  return (
    <ThemeContext.Provider value={theme}>
      <Screens data={data} {...(initialPlan ? { planId: initialPlan } : {})} theme={theme} />
    </ThemeContext.Provider>
  );
}

function Screens({ data, planId: initialPlan, theme }: AppProps) {
  const { exit } = useApp();
  const [planId, setPlanId] = useState<string | null>(initialPlan ?? null);
  const [stack, setStack] = useState<Screen[]>([{ name: initialPlan ? 'dashboard' : 'picker' }]);
  const [selected, setSelected] = useState(0);
  const [version, setVersion] = useState(0);
  const [flash, setFlash] = useState<string | null>(null);
  const [typing, setTyping] = useState(false);
  /** The period the dashboard shows; null follows the plan's latest reviewed period. */
  const [period, setPeriod] = useState<string | null>(null);
  const screen = stack[stack.length - 1]!;

  const plans = useAsync(() => data.plans(), [version]);
  const who = useAsync(() => data.whoAmI(), []);
  const board = useAsync(async () => {
    if (!planId) return null;
    const query = period ? { period } : {};
    return { summary: await data.summary(planId, query), exceptions: await data.exceptions(planId, query) };
  }, [planId, version, period]);

  // Someone else recording in the plan refreshes what is on screen (a burst of events, once).
  useEffect(() => {
    if (!planId || !data.watch) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = data.watch(planId, () => {
      clearTimeout(timer);
      timer = setTimeout(() => setVersion((v) => v + 1), 50);
    });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [data, planId]);

  // One plan needs no picker.
  useEffect(() => {
    if (!planId && plans.data?.length === 1) {
      setPlanId(plans.data[0]!.planId);
      setStack([{ name: 'dashboard' }]);
    }
  }, [plans.data, planId]);

  const push = (s: Screen) => {
    setFlash(null);
    setStack((st) => [...st, s]);
  };
  const pop = () => setStack((st) => (st.length > 1 ? st.slice(0, -1) : st));
  const priorities = board.data?.summary.priorities ?? [];

  useKeys((input, key) => {
    if (screen.name === 'record' || typing) return;
    if (input === 'q') return exit();
    if (input === '?') return screen.name === 'help' ? pop() : push({ name: 'help' });
    if (key.escape) return pop();
    if (input === 'p') return setStack([{ name: 'picker' }]);
    if (!planId) return;
    if (input === 't' && screen.name !== 'travel') return push({ name: 'travel' });
    if (input === 'i' && (screen.name === 'dashboard' || screen.name === 'priority')) return push({ name: 'indicators' });
    if (input === 'r' && screen.name === 'action') {
      // Say why before opening a form that could only fail on save.
      const refusal = recordRefusal(who.data, data.origin);
      return refusal ? setFlash(refusal) : push({ name: 'record', actionId: screen.actionId });
    }
    if (screen.name === 'dashboard') {
      const shown = board.data?.summary;
      if (shown && input === '[') setPeriod(shown.previousPeriod);
      else if (shown && input === ']') setPeriod(addMonths(shown.period, monthsBetween(shown.previousPeriod, shown.period)));
      else if (input === '.') setPeriod(null);
      else if (isDown(input, key)) setSelected((s) => Math.min(priorities.length - 1, s + 1));
      else if (isUp(input, key)) setSelected((s) => Math.max(0, s - 1));
      else if (key.return && priorities[selected]) push({ name: 'priority', index: selected });
    }
  });

  const title = board.data?.summary.title ?? plans.data?.find((p) => p.planId === planId)?.title ?? '';
  const me = who.data ? `${who.data.name} (${who.data.role})` : 'read-only';
  const hints: Record<Screen['name'], string> = {
    picker: '↑↓ choose · enter open · q quit',
    dashboard: '↑↓ · enter open · [ ] period · i indicators · t time travel · p plans · ? · q',
    priority: '↑↓/jk action · enter open · i indicators · esc back · t time travel · ? · q',
    indicators: '↑↓/jk indicator · esc back · t time travel · ? help · q quit',
    action: 'r record a month · esc back · t time travel · ? help · q quit',
    record: '',
    travel: '',
    help: '',
  };

  // The flash (a saved entry, a refusal) wraps rather than being cut; the screen above gives up its rows.
  const footer = flash ? wrap(flash, theme.width - 1) : [hints[screen.name]];
  // A long plan title wraps too: the header is never cut, and the screen below gives up the rows.
  const header = wrap(`ragtrail · ${title || 'no plan'} · ${me}`, theme.width - 1);
  const room = theme.height - 1 - header.length - footer.length;
  let body;
  if (screen.name === 'help') body = <Help />;
  else if (screen.name === 'picker') {
    body = plans.error ? <ErrorLine error={plans.error} /> : plans.data ? (
      <PlanPicker plans={plans.data} onPick={(id) => { setPlanId(id); setSelected(0); setPeriod(null); setStack([{ name: 'dashboard' }]); }} />
    ) : <Text>Loading plans…</Text>;
  } else if (!planId) body = <Text>No plan chosen: press p.</Text>;
  else if (board.error) body = <ErrorLine error={board.error} />;
  else if (!board.data) body = <Text>Loading…</Text>;
  else if (screen.name === 'dashboard') body = <Dashboard summary={board.data.summary} exceptions={board.data.exceptions.exceptions} outcomes={board.data.exceptions.outcomes} selected={selected} room={room} />;
  else if (screen.name === 'priority') {
    const priority = priorities[screen.index];
    body = priority ? <PriorityView priority={priority} period={board.data.summary.period} room={room} onOpen={(actionId) => push({ name: 'action', actionId })} /> : <Text>No such priority.</Text>;
  } else if (screen.name === 'indicators') body = <IndicatorsView data={data} planId={planId} period={period} version={version} room={room} />;
  else if (screen.name === 'action') body = <ActionDetail data={data} planId={planId} actionId={screen.actionId} version={version} room={room} />;
  else if (screen.name === 'record') {
    body = (
      <RecordScreen data={data} planId={planId} actionId={screen.actionId} version={version}
        onDone={(message) => { setFlash(message); setVersion((v) => v + 1); pop(); }}
        onCancel={pop} />
    );
  } else body = <TravelScreen data={data} planId={planId} room={room} onTyping={setTyping} />;

  return (
    <Box flexDirection="column" width={theme.width}>
      {header.map((text, i) => <Text key={`header-${i}`} bold>{text}</Text>)}
      {body}
      {footer.map((text, i) => <Text key={`footer-${i}`} dimColor={!flash}>{text}</Text>)}
    </Box>
  );
}

function RecordScreen({ data, planId, actionId, version, onDone, onCancel }: { data: PlanData; planId: string; actionId: string; version: number; onDone: (m: string) => void; onCancel: () => void }) {
  const plan = useAsync(() => data.plan(planId), [planId, version]);
  useKeys((_input, key) => {
    if (key.escape && !plan.data) onCancel();
  });
  if (plan.error) return <ErrorLine error={plan.error} />;
  if (!plan.data) return <Text>Loading…</Text>;
  return <RecordForm data={data} plan={plan.data} actionId={actionId} onDone={onDone} onCancel={onCancel} />;
}

function TravelScreen({ data, planId, room, onTyping }: { data: PlanData; planId: string; room: number; onTyping: (t: boolean) => void }) {
  const history = useAsync(() => data.history(planId), [planId]);
  if (history.error) return <ErrorLine error={history.error} />;
  if (!history.data) return <Text>Loading the log…</Text>;
  return <TimeTravel data={data} planId={planId} events={history.data} room={room} onTyping={onTyping} />;
}
