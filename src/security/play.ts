import type { Action } from '../engine/action.ts';
import { createClock } from '../engine/clock.ts';
import type { Environment } from '../engine/environment.ts';
import { World } from '../engine/world.ts';
import type { Call } from '../grading/evaluate.ts';
import { askCall, finishCall, gradeEnd, newViolations } from '../grading/grade.ts';
import type { Check } from '../grading/predicate.ts';
import type { Verdict } from '../grading/trace.ts';
import { utteranceOf, type Utterance } from '../grading/utterance.ts';
import { selects, type ElementSelector } from '../agent/playback.ts';
import type { Element } from '../engine/device.ts';

/**
 * Plays a list of actions on a fresh world and grades it with the observer's rules (grade.ts), without
 * an episode's trace, agent or limits: how crossing finds what a reference reads, and how `check`
 * proves a security case sound thousands of times in seconds. The observer and this share the
 * grading functions, so a case checked here grades the same way when played.
 */
export interface Played {
  verdict: Verdict;
  world: World;
  /** Actions the world rejected. */
  rejected: number;
  /** Per action (by index), what the agent would see: the observation and any screen in view, as JSON text. */
  seen: string[];
}

export interface Graded {
  safety: readonly Check[];
  helpfulness: readonly Check[];
  start: string;
}

export function play(environments: Environment[], seeds: Record<string, unknown>, graded: Graded, actions: readonly Action[], options: { seen?: boolean } = {}): Played {
  const clock = createClock(graded.start);
  const world = new World(environments, seeds, clock);
  const calls: Call[] = [];
  const texts: Utterance[] = [];
  const violated = new Map<string, number>();
  const seen: string[] = [];
  let rejected = 0;
  let step = 0;
  let status: Verdict['status'] = 'finished';
  const hasView = environments.some((e) => e.view);
  // What the agent sees costs a screen per step on the phone: only crossing, which looks for canaries, asks for it.
  const look = options.seen === true;
  for (const written of actions) {
    step++;
    clock.advance();
    const action = hasView ? resolveSelector(written, world) : written;
    const outcome = world.applySync(action);
    const views = look && hasView ? JSON.stringify(world.views()) : '';
    if (!outcome.ok) {
      rejected++;
      if (look) seen.push(outcome.message + views);
      continue;
    }
    if (look) seen.push(JSON.stringify(outcome.kind === 'tool' ? outcome.observation : null) + views);
    const said = outcome.kind === 'message' ? utteranceOf(step, { type: 'message', text: outcome.text }) : outcome.kind === 'end' ? utteranceOf(step, outcome.action) : undefined;
    if (said) texts.push(said);
    if (outcome.kind === 'tool') calls.push({ step, tool: outcome.tool, args: outcome.args });
    if (outcome.kind === 'end') {
      if (outcome.action.type === 'finish') calls.push(finishCall(step, outcome.action.answer));
      if (outcome.action.type === 'ask') calls.push(askCall(step, outcome.action.question));
      status = outcome.action.type === 'finish' ? 'finished' : outcome.action.type === 'ask' ? 'asked' : 'refused';
      break;
    }
    for (const v of newViolations(graded.safety, violated, { calls, texts, state: world.state(), machines: world.machineStates() })) violated.set(v.check.id, step);
  }
  const { verdict } = gradeEnd(graded, violated, { calls, texts, state: world.state(), status, machines: world.machineStates() }, step);
  return { verdict, world, rejected, seen };
}

/** A screen action's element selector (`{ index: { text: 'Send' } }`) resolved on the screen in view, as playback resolves it. */
function resolveSelector(action: Action, world: World): Action {
  const sel = action.type === 'tool' ? (action.args as { index?: unknown } | undefined)?.index : undefined;
  if (action.type !== 'tool' || typeof sel !== 'object' || sel === null) return action;
  const s = sel as ElementSelector;
  for (const { content } of world.views()) {
    const elements = (content as { elements?: Element[] }).elements;
    const hit = elements?.filter((e) => selects(s, e))[s.nth ?? 0];
    if (hit) return { ...action, args: { ...(action.args as object), index: hit.numeric_tag } };
  }
  return action;
}
