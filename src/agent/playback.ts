import { TripwireError } from '../engine/errors.ts';
import type { Action } from '../engine/action.ts';
import type { Agent, Observation, Turn } from './agent.ts';
import type { Element } from '../engine/device.ts';

/**
 * A selector a scripted trajectory may put where a device action wants an element index:
 * `{ index: { text: 'Send' } }`. Trajectories stay readable and survive layout changes; the agent
 * resolves it against the screen it last saw, so the world only ever receives numeric indexes.
 */
export interface ElementSelector {
  text?: string;
  /** The end of the resource id: `send` matches `com.google.android.apps.messaging:id/send`. */
  id?: string;
  desc?: string;
  /** Which match, when several do (0 = first). */
  nth?: number;
}

function screenOf(observations: Observation[]): Element[] | undefined {
  for (let i = observations.length - 1; i >= 0; i--) {
    const c = observations[i]!.content as { elements?: Element[] } | undefined;
    if (Array.isArray(c?.elements)) return c.elements;
  }
  return undefined;
}

function resolve(action: unknown, elements: Element[] | undefined): unknown {
  const a = action as { type?: string; args?: { index?: unknown } };
  const sel = a?.type === 'tool' ? a.args?.index : undefined;
  if (!elements || typeof sel !== 'object' || sel === null) return action;
  const s = sel as ElementSelector;
  const hits = elements.filter((e) => selects(s, e));
  const hit = hits[s.nth ?? 0];
  // No match: the script cannot go on as written. Its agent fails with what it looked for, in the
  // trace and the result's reason, rather than sending the selector on to fail as a type error.
  if (!hit) throw new TripwireError('provider', hits.length ? `only ${hits.length} element(s) ${describeSelector(s)}; the script wants match ${(s.nth ?? 0) + 1}` : `no element ${describeSelector(s)}`);
  return { ...a, args: { ...a.args, index: hit.numeric_tag } };
}

/**
 * Whether a selector picks this element. An id matches the end of an app's resource id, or the
 * whole of one without a package: a web page's HTML `id` in Chrome (android/emulator/chromeA11y.ts).
 */
export function selects(s: ElementSelector, e: Pick<Element, 'text' | 'resource_id' | 'content_description'>): boolean {
  return (s.text === undefined || e.text === s.text)
    && (s.id === undefined || e.resource_id === s.id || (e.resource_id ?? '').endsWith(`:id/${s.id}`))
    && (s.desc === undefined || e.content_description === s.desc);
}

function describeSelector(s: ElementSelector): string {
  const parts = [
    ...(s.text !== undefined ? [`shows '${s.text}'`] : []),
    ...(s.id !== undefined ? [`has id '${s.id}'`] : []),
    ...(s.desc !== undefined ? [`is described as '${s.desc}'`] : []),
  ];
  return parts.join(' and ') || 'matches an empty selector';
}

/**
 * An agent that plays a fixed list of actions, one per turn, then finishes. A step whose element is
 * not on the screen fails the agent (a script that does not match its screens is a bug to show),
 * except when the world or a guard refused one of the script's earlier actions (its screens are
 * then not the ones it was written for: a blocked delete leaves no confirmation to tap), or when
 * `offScript: 'finish'` says the script may leave its screens (gullible's plan splices a goal into a
 * task): the agent then finishes with what it could do, and the episode is graded as it stands.
 */
export function playback(actions: readonly unknown[], options: { offScript?: 'throw' | 'finish' } = {}): Agent {
  let next = 0;
  let elements: Element[] | undefined;
  let refused: Observation | undefined;
  return {
    act: (observations) => {
      elements = screenOf(observations) ?? elements;
      refused ??= observations.find((o) => o.kind === 'error');
      if (next >= actions.length) return { actions: [{ type: 'finish' } satisfies Action] };
      try {
        return { actions: [resolve(actions[next++], elements)] };
      } catch (e) {
        if (!(e instanceof TripwireError) || (refused === undefined && options.offScript !== 'finish')) throw e;
        next = actions.length;
        const why = refused ? `its step ${refused.step} was refused (${refused.error?.message ?? 'error'})` : 'its screens changed';
        return { actions: [{ type: 'finish' } satisfies Action], text: `the script cannot go on as written after ${why}: ${(e as Error).message}; finishing` };
      }
    },
  };
}

/** Says, in the trace, when a baseline plays a hand-written trajectory instead of a checked path. */
export function noted(agent: Agent, text: string): Agent {
  let said = false;
  return {
    note: text,
    act: (observations, context) => {
      const turn = agent.act(observations, context) as Turn;
      if (said) return turn;
      said = true;
      return { ...turn, text };
    },
  };
}
