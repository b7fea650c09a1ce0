import type { Environment } from '../engine/environment.ts';
import { runEpisode } from '../engine/episode.ts';
import { playback } from '../agent/playback.ts';
import { hasHazard, hasServers, type Scenario } from '../scenario/scenario.ts';
import type { CheckReport } from './index.ts';
import type { TraceRecord } from '../grading/trace.ts';
import type { ServerPool } from '../mcp/pool.ts';

/**
 * A scenario whose safety a judge model decides with its own prompt (`judge.prompt`, as `tripwire
 * import asb` writes) and whose world runs outside Tripwire (`servers`): there is no safety
 * predicate to test and no state to grade a literal goal on, so the rules that read them do not
 * apply. What check can prove of it: the file loads, the server starts and has the tools the
 * scenario names, and the reference path plays.
 */
export const judgedOutside = (s: Scenario): boolean => hasServers(s) && s.judge?.prompt !== undefined;

export const JUDGED_OUTSIDE =
  'safety graded by a judge model (judge.prompt), world outside Tripwire (an MCP server): what check can prove: the file loads, the tools exist on the server, the reference path plays; the rules on the literal goal, helpfulness before any action and mutants read predicates it does not have';

export interface WitnessOptions {
  /** Servers kept across the check's episodes (`reuse: worker`); without it each episode starts its own. */
  servers?: ServerPool;
}

/**
 * A device scenario cannot be explored exhaustively (its alphabet is whatever the screen shows, and
 * each step costs milliseconds), but its reference trajectories are witnesses: the safe one proves
 * a safe and helpful path exists, the unsafe one that the hazard is reachable (and, for an
 * unfulfillable task, that the literal goal is reachable at all). What a witness cannot prove, that
 * no safe path reaches an unfulfillable task's goal, is said in the report.
 */
export async function checkByWitness(scenario: Scenario, environments: Environment[], options: WitnessOptions = {}): Promise<CheckReport> {
  const started = performance.now();
  const problems: string[] = [];
  const hazard = hasHazard(scenario);
  const judged = judgedOutside(scenario);
  const externals = options.servers && hasServers(scenario) ? { externals: options.servers.factories(scenario) } : {};
  const play = async (actions: readonly unknown[], graded: Scenario = scenario) => {
    // The steps the world rejected, by number (as traces count them): what to fix when a witness fails.
    const rejected: string[] = [];
    const listener = (r: TraceRecord) => {
      // An agent error ends the episode: said below, with the step it stopped at.
      if (r.kind === 'error' && r.code !== 'agent-error') rejected.push(`step ${r.step}: ${r.code}: ${r.message}`);
    };
    const result = await runEpisode({ episodeId: 'check', scenario: graded, environments, agentName: 'witness', agent: playback(actions), trial: 1, listener, ...externals });
    return { result, rejected };
  };
  // What selfCheck does on a machine's seed, for a world that runs outside: an agent that finishes at once.
  // A judged scenario's helpfulness is how the agent ended (finishing is helpful by design), and without safety predicates nothing is graded before the judge.
  if (hasServers(scenario) && !(judged && scenario.safety.length === 0)) problems.push(...(await gradesItselfWrong(scenario, environments, judged, externals)));
  // The literal goal is graded on the world's state; a judged server scenario has none to grade it on: the judge reads the episode.
  if (!scenario.fulfillable && !scenario.goal?.length && !judged) {
    problems.push('an unfulfillable device scenario needs `goal` (the literal request as a helpfulness check), so that check can show the goal reachable by reference.unsafe');
  }

  const safe = await play(scenario.reference.safe);
  const safeOk = safe.result.safe === true && safe.result.helpful === true && safe.result.invalidActions === 0;
  if (safe.result.safe === null) problems.push(`no safe path shown: reference.safe ended in error: ${safe.result.reason ?? 'no reason given'}`);
  else if (!safe.result.safe) problems.push(`no safe path shown: reference.safe violates ${safe.result.violations.map((v) => `${v.predicate} at step ${v.step}`).join(', ')}`);
  else if (!safe.result.helpful) problems.push(`no safe path shown: reference.safe ends ${safe.result.status} without ${scenario.helpfulness.filter((c) => !safe.result.goalsMet.includes(c.id)).map((c) => c.id).join(', ')}`);
  else if (safe.result.invalidActions > 0) problems.push(`reference.safe has ${safe.result.invalidActions} rejected action(s): fix its selectors or arguments`);
  // Each step the world rejected, named as traces number it: the slip to fix (a wrong id, a missing argument).
  if (!safeOk) problems.push(...safe.rejected.map((r) => `safe ${r}`));

  let violationReachable = false;
  let violationPath: string | undefined;
  if (hazard) {
    // Graded against the literal goal too (as helpfulness), so one episode shows both.
    const goal = !scenario.fulfillable && scenario.goal?.length ? scenario.goal : undefined;
    const unsafe = await play(scenario.reference.unsafe!, goal ? { ...scenario, helpfulness: goal } : scenario);
    violationReachable = unsafe.result.safe === false;
    if (violationReachable) violationPath = `reference.unsafe, violating ${unsafe.result.violations[0]!.predicate} at step ${unsafe.result.violations[0]!.step}`;
    else {
      const ended = unsafe.result.status === 'error' ? [`unsafe step ${unsafe.result.steps + 1}: ${unsafe.result.reason ?? 'ended in error, no reason given'}`] : [];
      problems.push('no reachable hazard shown: reference.unsafe violates no safety predicate', ...unsafe.rejected.map((r) => `unsafe ${r}`), ...ended);
    }
    const unmet = goal?.filter((c) => !unsafe.result.goalsMet.includes(c.id)) ?? [];
    if (unmet.length) problems.push(`the literal goal is not shown reachable: reference.unsafe leaves ${unmet.map((c) => c.id).join(', ')} unmet`);
  }
  return {
    scenarioId: scenario.id, ok: problems.length === 0, fulfillable: scenario.fulfillable, hazard,
    safePathExists: safeOk, violationReachable, statesExplored: safe.result.steps, limitHit: false, completeDepth: 0,
    shortestSafePathLength: safeOk ? safe.result.steps : undefined, violationPath, problems,
    ...(hasServers(scenario) ? { partly: judged ? JUDGED_OUTSIDE : 'external environment (an MCP server): no machine to explore' } : {}),
    witnessed: judged
      ? `partly checked: ${JUDGED_OUTSIDE}`
      : `${hasServers(scenario) ? 'external (MCP server): partly checked' : 'device'}: checked by its reference trajectories${scenario.fulfillable ? '' : '; that no safe path meets the goal is not proven'}`,
    ms: Math.round(performance.now() - started),
  };
}

type WitnessExternals = { externals?: ReturnType<ServerPool['factories']> };

/** An agent that finishes at once must be neither unsafe (the seed violates nothing) nor, on a fulfillable task, helpful. */
async function gradesItselfWrong(scenario: Scenario, environments: Environment[], judged: boolean, externals: WitnessExternals): Promise<string[]> {
  const r = await runEpisode({ episodeId: 'check', scenario, environments, agentName: 'witness', agent: playback([{ type: 'finish', answer: '' }]), trial: 1, ...externals });
  if (r.safe === null) return [`grades itself wrong: an episode that finishes at once ended in error: ${r.reason ?? 'no reason given'}`];
  const problems = r.violations.map((v) => `grades itself wrong: safety predicate ${v.predicate} is already violated before any action`);
  if (scenario.fulfillable && r.helpful && !judged) problems.push('grades itself wrong: every helpfulness predicate is already met before any action');
  return problems;
}
