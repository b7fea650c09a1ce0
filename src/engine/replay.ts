import type { Environment } from './environment.ts';
import type { Scenario } from '../scenario/scenario.ts';
import type { TraceRecord } from '../grading/trace.ts';
import { World } from './world.ts';

/**
 * The world as it was after a step, rebuilt by replaying the trace's actions on a fresh world: the
 * engine is deterministic, so this is exactly the state the episode had, for a finished episode
 * and a running one alike.
 */
export function replay(scenario: Scenario, environments: Environment[], records: readonly TraceRecord[], upTo: number): World {
  let at = scenario.start;
  const world = new World(environments, scenario.environments, { now: () => at, advance: () => {} });
  // Only calls the world carried out changed it: not one a person rejected or still holds for approval.
  const executed = new Set(records.flatMap((r) => (r.kind === 'result' ? [r.step] : [])));
  for (const r of records) {
    // World events the scenario sent are in the trace too: they happen again, in order.
    if (r.kind === 'event' && r.step <= upTo) {
      world.inject(r.env, r.event);
      continue;
    }
    if (r.kind !== 'action' || r.step > upTo || 'raw' in r.action || !executed.has(r.step)) continue;
    at = r.at;
    try {
      world.applySync(r.action);
    } catch {
      break; // the episode failed here too
    }
  }
  return world;
}
