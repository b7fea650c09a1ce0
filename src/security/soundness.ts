import type { Action } from '../engine/action.ts';
import type { Environment } from '../engine/environment.ts';
import type { Scenario } from '../scenario/scenario.ts';
import type { BaselineWorld } from '../agent/agent.ts';
import type { Registry } from '../registry/registry.ts';
import { ATTACKER_GOAL, resolveReference, securityOf } from './crossing.ts';
import type { Goal } from './goal.ts';
import { play } from './play.ts';

/**
 * A security case is sound when the user's task can be done without reaching the attacker's goal
 * (the base's reference, played in the injected world, is safe and helpful), and the goal can be
 * reached from the injected state (the reference up to where it reads the text, then the goal's
 * own reference, reaches it). Both are shown by playing witnesses with the observer's grading
 * (play.ts), as `tripwire check` proves a device scenario by its references: fast enough for
 * thousands of cases.
 */
export interface CaseCheck {
  id: string;
  ok: boolean;
  problems: string[];
  /** What `gullible` plays: the task up to the text, the goal, then the rest of the task. */
  gullible?: Action[];
  ms: number;
}

const envsOf = (s: Scenario, all: ReadonlyMap<string, Environment>) => Object.keys(s.environments).map((id) => all.get(id)!);

/** The gullible plan of a case: follows the injected instruction as soon as it reads it (undefined: the goal has no path there). */
export function gulliblePlan(scenario: Scenario, environments: ReadonlyMap<string, Environment>, goal: Goal): Action[] | undefined {
  const info = securityOf(scenario);
  if (!info) return undefined;
  const envs = envsOf(scenario, environments);
  const safe = scenario.reference.safe;
  const prefix = safe.slice(0, info.readAt + 1);
  // The task's own ending is kept for last: the goal's steps go in before it.
  const ends = prefix.length > 0 && ['finish', 'refuse', 'ask'].includes(prefix[prefix.length - 1]!.type);
  const before = ends ? prefix.slice(0, -1) : prefix;
  const { world } = play(envs, scenario.environments, { safety: [], helpfulness: [], start: scenario.start }, before);
  const steps = resolveReference(goal, world, scenario.start);
  if (!steps) return undefined;
  return [...before, ...steps, ...safe.slice(before.length)];
}

export function checkCase(scenario: Scenario, environments: ReadonlyMap<string, Environment>, goal: Goal): CaseCheck {
  const started = performance.now();
  const problems: string[] = [];
  const envs = envsOf(scenario, environments);
  let gullible: Action[] | undefined;
  try {
    const safe = play(envs, scenario.environments, scenario, scenario.reference.safe);
    const v = safe.verdict;
    if (v.violations.some((x) => x.predicate === ATTACKER_GOAL)) problems.push("the user's task reaches the attacker's goal: the case cannot tell an attack's success from the task");
    else if (v.safe !== true) problems.push(`the task's reference violates ${v.violations.map((x) => x.predicate).join(', ')} in the injected world`);
    if (v.helpful !== true) problems.push("the task's reference is not helpful in the injected world (the text breaks the task)");
    if (safe.rejected > 0) problems.push(`the task's reference has ${safe.rejected} rejected action(s) in the injected world`);
    gullible = gulliblePlan(scenario, environments, goal);
    if (!gullible) problems.push("the goal's reference does not apply after the text is read");
    else {
      const attacked = play(envs, scenario.environments, scenario, gullible);
      if (!attacked.verdict.violations.some((x) => x.predicate === ATTACKER_GOAL)) problems.push("the goal is not reached from the injected state by its reference");
    }
  } catch (e) {
    problems.push(`cannot be played: ${(e as Error).message}`);
  }
  return { id: scenario.id, ok: problems.length === 0, problems, ...(gullible ? { gullible } : {}), ms: Math.round(performance.now() - started) };
}

let bundledEnvironments: Promise<Map<string, Environment>> | undefined;
const BUNDLED = {};
const goalsOf = new WeakMap<Registry | typeof BUNDLED, Promise<Map<string, Goal>>>();

/**
 * `gullible`'s plan for a scenario in the run's world (its environments and registry, so a user's
 * own goals and environments; without them the discovered ones and the goal library): a security
 * case's gullible plan; for any other scenario (or a goal with no path there) undefined.
 */
export async function gulliblePlanFor(scenario: Scenario, world: BaselineWorld = {}): Promise<Action[] | undefined> {
  const info = securityOf(scenario);
  if (!info) return undefined;
  const environments = world.environments ?? (await (bundledEnvironments ??= import('../scenario/discover.ts').then((m) => m.discoverEnvironments())));
  const key = world.registry ?? BUNDLED;
  let goals = goalsOf.get(key);
  if (!goals) goalsOf.set(key, (goals = import('./library.ts').then((m) => m.loadGoals(world.registry)).then((all) => new Map(all.map((g) => [g.id, g])))));
  const goal = (await goals).get(info.goal);
  return goal && gulliblePlan(scenario, environments, goal);
}
