import { readsFreeText } from '../grading/says.ts';
import type { Action } from '../engine/action.ts';
import { discoverEnvironments } from '../scenario/discover.ts';
import type { Environment } from '../engine/environment.ts';
import { hasServers, type Scenario } from '../scenario/scenario.ts';
import { ScenarioLoadError } from '../scenario/load.ts';
import { explain, formatPath } from './explain.ts';
import { baselineQuestion, buildModel } from './model.ts';
import { unexplored } from './partial.ts';
import { explore, withoutStacks, type Witness } from './search.ts';

export { selfCheck } from './selfCheck.ts';

/**
 * The model checker: proves a scenario sound before it runs. A scenario passes when a safe and
 * helpful path exists (refusing or asking, for an unfulfillable one), a violation is reachable
 * (when it has a hazard), and, for an unfulfillable scenario, no explored path reaches its
 * literal goal without a violation.
 */
export const DEFAULT_MAX_STATES = 2000;

export interface CheckReport {
  scenarioId: string;
  ok: boolean;
  fulfillable: boolean;
  hazard: boolean;
  safePathExists: boolean;
  violationReachable: boolean;
  statesExplored: number;
  /** Actions on the shortest safe path, its ending included. */
  shortestSafePathLength?: number;
  safePath?: string;
  violationPath?: string;
  limitHit: boolean;
  /** Every path of up to this many tool actions was explored. */
  completeDepth: number;
  /** Why the check fails, one line per problem; empty when it passes. */
  problems: string[];
  /** Why the scenario was not checked (a device's screen actions are not model-checked yet). */
  skipped?: string;
  /** Explored without what the checker cannot simulate (a simulated user, world events, a director): what was left out. */
  partly?: string;
  /** Checked by its reference trajectories instead of exploration, and what that leaves unproven. */
  witnessed?: string;
  ms: number;
}

const scenarioEnvironments = (s: Scenario, environments: Map<string, Environment>) =>
  Object.keys(s.environments).map((id) => {
    const env = environments.get(id);
    if (!env) throw new ScenarioLoadError([{ file: s.id, field: `environments.${id}`, message: 'unknown environment' }]);
    return env;
  });

const maxStatesOf = (s: Scenario, override?: number) => override ?? s.check?.maxStates ?? DEFAULT_MAX_STATES;

/**
 * A device (the phone) acts through screen actions on element indexes: its alphabet is the screen
 * in front, not values from the seed, and each of its steps costs milliseconds. Not checked yet.
 */
const devices = (s: Scenario, environments: Map<string, Environment>) => scenarioEnvironments(s, environments).filter((e) => e.view !== undefined);

/**
 * Predicates that read the agent's final answer (`finish`): free text is no alphabet to explore,
 * so such a scenario is checked, and its baselines played, by its reference trajectories.
 */
export const readsAnswer = (s: Scenario) => readsFreeText([s.safety, s.helpfulness, s.goal ?? []].flat().map((c) => c.check));

function skipped(scenario: Scenario, reason: string): CheckReport {
  const hazard = scenario.safety.length > 0 && scenario.reference.unsafe !== undefined;
  return {
    scenarioId: scenario.id, ok: true, fulfillable: scenario.fulfillable, hazard, safePathExists: false, violationReachable: false,
    statesExplored: 0, limitHit: false, completeDepth: 0, problems: [], skipped: reason, ms: 0,
  };
}

export function checkScenario(scenario: Scenario, environments: Map<string, Environment>, options: { maxStates?: number } = {}): CheckReport {
  if (hasServers(scenario)) return skipped(scenario, `external environment (MCP server ${Object.keys(scenario.servers!).map((id) => `"${id}"`).join(', ')}): no machine to explore; checked by its reference trajectories`);
  const device = devices(scenario, environments)[0];
  if (device) return skipped(scenario, `device environment "${device.id}": screen actions are not model-checked yet`);
  if (readsAnswer(scenario)) return skipped(scenario, "its predicates read the agent's answer (free text): checked by its reference trajectories");
  const started = performance.now();
  const maxStates = maxStatesOf(scenario, options.maxStates);
  const { model, e } = withoutStacks(() => {
    const model = buildModel(scenario, scenarioEnvironments(scenario, environments));
    const e = explore(model, 'check', maxStates);
    // No safe path: search again through violations for the helpful path that explains why.
    if (!e.safe && !e.limitHit) e.unsafeHelpful = explore(model, 'explain', maxStates).unsafeHelpful;
    return { model, e };
  });
  const problems = explain(model, e, maxStates);
  const partly = unexplored(scenario);
  return {
    scenarioId: scenario.id,
    ok: problems.length === 0,
    fulfillable: scenario.fulfillable,
    hazard: scenario.safety.length > 0 && scenario.reference.unsafe !== undefined,
    safePathExists: e.safe !== undefined,
    violationReachable: e.violation !== undefined,
    statesExplored: e.states,
    ...(e.safe ? { shortestSafePathLength: e.safe.path.length + 1, safePath: formatPath(e.safe) } : {}),
    ...(e.violation ? { violationPath: formatPath(e.violation) } : {}),
    limitHit: e.limitHit,
    completeDepth: e.completeDepth,
    problems,
    ...(partly ? { partly } : {}),
    ms: Math.round(performance.now() - started),
  };
}

/** The ending action of a witness, with words a person reading the trace can follow. */
function ending(w: Witness, scenario: Scenario): Action {
  const why = scenario.safety.map((c) => c.description).join(' ');
  if (w.status === 'refused') return { type: 'refuse', reason: `I can't do this safely as asked. ${why}`.trim() };
  if (w.status === 'asked') return { type: 'ask', question: baselineQuestion(scenario) };
  return { type: 'finish', answer: 'Done.' };
}

export type Baseline = 'oracle' | 'reckless';

/**
 * A baseline's actions: `oracle` the shortest safe and helpful path, `reckless` the shortest path
 * to the literal goal that trips the hazard on the way (else the shortest to the goal). Undefined
 * when the checker has none: the scenario has a device, or no such path was found.
 */
export function planBaseline(scenario: Scenario, baseline: Baseline, environments: Map<string, Environment>): Action[] | undefined {
  if (hasServers(scenario) || devices(scenario, environments).length || readsAnswer(scenario)) return undefined;
  const envs = scenarioEnvironments(scenario, environments);
  const run = (narrow: boolean) =>
    withoutStacks(() => explore(buildModel(scenario, envs, baseline === 'oracle' ? 'helpful' : 'hazard', narrow), baseline, maxStatesOf(scenario)));
  let w: Witness | undefined;
  if (baseline === 'oracle') w = run(false).safe;
  else {
    // The tools that touch the goal and the hazard first: the trap is usually among them.
    const narrow = run(true).reckless;
    const full = narrow && narrow.rank === 3 ? undefined : run(false).reckless;
    w = full && full.rank > (narrow?.rank ?? 0) ? full : narrow;
  }
  return w && [...w.path, ending(w, scenario)];
}

const plans = new WeakMap<Scenario, Map<Baseline, Action[] | undefined>>();
let bundled: Promise<Map<string, Environment>> | undefined;

/** planBaseline with the discovered environments, memoised per scenario (trials replay one plan). */
export async function baselinePlan(scenario: Scenario, baseline: Baseline): Promise<Action[] | undefined> {
  const cached = plans.get(scenario);
  if (cached?.has(baseline)) return cached.get(baseline);
  bundled ??= discoverEnvironments();
  const plan = planBaseline(scenario, baseline, await bundled);
  if (!plans.has(scenario)) plans.set(scenario, new Map());
  plans.get(scenario)!.set(baseline, plan);
  return plan;
}
