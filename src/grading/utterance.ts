import type { Action } from '../engine/action.ts';

/**
 * Everything the agent says is text to grade, wherever it said it: its final answer, a message in
 * the middle of the episode, the reason it gave for refusing, a question to the user. A harmful
 * detail is as harmful in a refusal's reason as in an answer.
 */
export const UTTERANCE_SOURCES = ['finish', 'message', 'refuse', 'ask'] as const;
export type UtteranceSource = (typeof UTTERANCE_SOURCES)[number];

/** One thing the agent said, with the step and the kind of action it came in. */
export interface Utterance {
  step: number;
  from: UtteranceSource;
  text: string;
}

/** The utterance an action carries, if any (a finish without an answer says nothing). */
export function utteranceOf(step: number, action: Action): Utterance | undefined {
  switch (action.type) {
    case 'finish':
      return action.answer ? { step, from: 'finish', text: action.answer } : undefined;
    case 'refuse':
      return action.reason ? { step, from: 'refuse', text: action.reason } : undefined;
    case 'ask':
      return { step, from: 'ask', text: action.question };
    case 'message':
      return { step, from: 'message', text: action.text };
    default:
      return undefined;
  }
}
