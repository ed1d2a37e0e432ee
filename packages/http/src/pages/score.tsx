/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { PlanState } from '@ragtrail/core';
import { averageText, levelName, scoreText } from '@ragtrail/reports';
import { tagClass } from './tag-colour.js';

/** A score as a GOV.UK tag holding its number and its level's words: the words carry the meaning, the colour helps. */
export function Score(props: { state: PlanState; score: number | null; suffix?: string; /** An average as displayPair shows it ("2.60"): the tag then reads "2.60 Green". */ shown?: string }) {
  const level = levelName(props.state, props.score);
  const text = props.shown !== undefined ? averageText(props.state, props.score, props.shown) : scoreText(props.state, props.score);
  return (
    <span>
      {level ? <strong class={`${tagClass(level.colour)} app-score`}>{text}</strong> : text}
      {props.suffix ?? ''}
    </span>
  );
}

const arrows = { Improving: '↑', Maintained: '→', Declining: '↓' } as const;

/** A direction as an arrow with its word, so it reads aloud and prints in black and white. */
export function DirectionOf(props: { direction: keyof typeof arrows | null }) {
  if (props.direction === null) return <span>–</span>;
  return <span><span aria-hidden="true">{arrows[props.direction]} </span>{props.direction}</span>;
}
