import type { Action } from './action.ts';
import type { Agent } from './agent.ts';

/** An agent that plays a fixed list of actions, one per turn, then finishes. */
export function playback(actions: readonly unknown[]): Agent {
  let next = 0;
  return {
    act: () => ({ actions: [next < actions.length ? actions[next++] : ({ type: 'finish' } satisfies Action)] }),
  };
}
