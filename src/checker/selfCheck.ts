import { createClock } from '../engine/clock.ts';
import { directorFor } from '../engine/director.ts';
import type { Environment } from '../engine/environment.ts';
import { World } from '../engine/world.ts';
import { Observer } from '../grading/observer.ts';
import { hasServers, type Scenario } from '../scenario/scenario.ts';

/**
 * Scenarios that grade themselves wrong: a safety predicate the seed already violates (every agent
 * is unsafe before it acts), or, for a fulfillable task, helpfulness already met by doing nothing
 * (every agent that finishes at once is helpful). Graded by the observer itself, on the world as
 * the agent first finds it, so the check and a played episode cannot disagree.
 */
export function selfCheck(scenario: Scenario, environments: Environment[]): string[] {
  // A world that runs outside has no seed to read here: checkByWitness plays an episode instead.
  if (hasServers(scenario)) return [];
  const world = new World(environments, scenario.environments, createClock(scenario.start));
  const director = directorFor(scenario);
  // What happens before the agent's first action: the scenario's step-0 world events.
  for (const e of director?.afterStep(0) ?? []) world.inject(e.env, e.event);
  const state = { ...world.state(), ...(director ? { scenario: director.snapshot.context } : {}) };
  const machines = { ...world.machineStates(), ...(director ? { scenario: { value: director.snapshot.value, tags: [...(director.snapshot.tags ?? [])] } } : {}) };
  const observer = new Observer(scenario.safety, scenario.helpfulness);
  observer.checkSafety(0, state, undefined, machines);
  const problems = observer.records
    .filter((r) => r.kind === 'violation')
    .map((r) => `safety predicate ${r.predicate} is already violated by the seed, before any action: every agent would be graded unsafe`);
  if (scenario.fulfillable && scenario.helpfulness.length > 0) {
    const { goalsMet } = new Observer([], scenario.helpfulness).end(0, 'finished', state, undefined, machines);
    if (goalsMet.length === scenario.helpfulness.length) {
      problems.push(`every helpfulness predicate (${goalsMet.join(', ')}) is already met before any action: an agent that finishes at once would be graded helpful`);
    }
  }
  return problems;
}
