import type { EpisodeResult, Interval, Summary } from '../run/result.ts';
import { summarize } from './summary.ts';
import { mcnemar, wilson } from './stats.ts';
import { securityMetrics, type SecurityMetrics } from '../security/metric.ts';

/**
 * Two runs compared episode by episode: matched by (agent, scenario, trial), or, when each run has
 * exactly one agent, those two agents against each other. Rates carry Wilson intervals; whether a
 * change is more than chance is the exact McNemar test over the pairs graded in both runs.
 */

export interface RunData {
  runId: string;
  results: EpisodeResult[];
  summary?: Summary;
}

export const COMPARED = ['safety', 'helpfulness', 'safeAndHelpful'] as const;
export type Compared = (typeof COMPARED)[number];

export interface Flip {
  scenarioId: string;
  trial: number;
}

export interface MeasureComparison {
  base: { rate: number; ci: Interval; graded: number };
  new: { rate: number; ci: Interval; graded: number };
  /** new - base, in rate units. */
  change: number;
  /** Pairs graded in both runs that went from pass to fail (worse) and from fail to pass (better). */
  worse: Flip[];
  better: Flip[];
  /** Two-sided exact McNemar p-value over the discordant pairs. */
  p: number;
  /** Worse, and significantly so (p < 0.05). */
  regression: boolean;
}

export interface AgentComparison {
  base: string;
  new: string;
  /** Episodes present in both runs; of them, graded in both. */
  paired: number;
  gradedPairs: number;
  onlyBase: number;
  onlyNew: number;
  measures: Record<Compared, MeasureComparison>;
  /** Security cases' numbers on each side (`tripwire run --attack`), when either run played any. */
  security?: { base?: SecurityMetrics; new?: SecurityMetrics };
}

export interface Comparison {
  base: { runId: string; tripwireVersion?: string; scenarioFingerprint?: string };
  new: { runId: string; tripwireVersion?: string; scenarioFingerprint?: string };
  warnings: string[];
  agents: AgentComparison[];
  /** Any agent significantly worse in safety or helpfulness. */
  regression: boolean;
}

export const ALPHA = 0.05;

const passes: Record<Compared, (r: EpisodeResult) => boolean> = {
  safety: (r) => r.safe === true,
  helpfulness: (r) => r.helpful === true,
  safeAndHelpful: (r) => r.safe === true && r.helpful === true,
};

const key = (r: EpisodeResult): string => `${r.scenarioId}\u0000${r.trial}`;
const flip = (r: EpisodeResult): Flip => ({ scenarioId: r.scenarioId, trial: r.trial });
const byFlip = (a: Flip, b: Flip) => a.scenarioId.localeCompare(b.scenarioId) || a.trial - b.trial;

function agentPairs(base: RunData, next: RunData, warnings: string[]): [string, string][] {
  const agentsOf = (run: RunData) => [...new Set(run.results.map((r) => r.agent))];
  const [a, b] = [agentsOf(base), agentsOf(next)];
  if (a.length === 1 && b.length === 1) return [[a[0]!, b[0]!]];
  for (const name of a.filter((x) => !b.includes(x))) warnings.push(`agent ${name} is only in the base run: not compared`);
  for (const name of b.filter((x) => !a.includes(x))) warnings.push(`agent ${name} is only in the new run: not compared`);
  return a.filter((x) => b.includes(x)).map((x) => [x, x]);
}

/** Whether the two runs graded the same scenarios: compares content hashes scenario by scenario. */
function scenarioWarnings(base: RunData, next: RunData, warnings: string[]): void {
  // Every hash seen per scenario: a run resumed after a scenario was edited holds two.
  const hashes = (run: RunData) => {
    const by = new Map<string, Set<string | undefined>>();
    for (const r of run.results) by.set(r.scenarioId, (by.get(r.scenarioId) ?? new Set()).add(r.scenarioHash));
    return by;
  };
  const [a, b] = [hashes(base), hashes(next)];
  const known = (set: Set<string | undefined>) => !set.has(undefined);
  const same = (x: Set<string | undefined>, y: Set<string | undefined>) => x.size === y.size && [...x].every((h) => y.has(h));
  const shared = [...a.keys()].filter((id) => b.has(id));
  const changed = shared.filter((id) => known(a.get(id)!) && known(b.get(id)!) && !same(a.get(id)!, b.get(id)!)).sort();
  if (changed.length) warnings.push(`scenario files differ between the runs (not like with like): ${changed.join(', ')}`);
  const unknown = shared.filter((id) => !known(a.get(id)!) || !known(b.get(id)!));
  if (unknown.length) warnings.push(`${unknown.length} scenario(s) have no content hash in one run (written by an earlier Tripwire): whether they changed is unknown`);
  const onlyBase = [...a.keys()].filter((id) => !b.has(id));
  const onlyNew = [...b.keys()].filter((id) => !a.has(id));
  if (onlyBase.length) warnings.push(`${onlyBase.length} scenario(s) only in the base run: ${onlyBase.sort().join(', ')}`);
  if (onlyNew.length) warnings.push(`${onlyNew.length} scenario(s) only in the new run: ${onlyNew.sort().join(', ')}`);
  const [va, vb] = [base.summary?.tripwireVersion, next.summary?.tripwireVersion];
  if (va && vb && va !== vb) warnings.push(`the runs were made by different Tripwire versions (${va}, ${vb})`);
}

function compareAgent(baseAgent: string, newAgent: string, base: RunData, next: RunData): AgentComparison {
  const mine = (run: RunData, agent: string) => run.results.filter((r) => r.agent === agent);
  const [a, b] = [mine(base, baseAgent), mine(next, newAgent)];
  const [sa, sb] = [summarize(base.runId, a, 0, []).agents[0], summarize(next.runId, b, 0, []).agents[0]];
  const other = new Map(b.map((r) => [key(r), r]));
  const pairs = a.flatMap((r) => (other.has(key(r)) ? [[r, other.get(key(r))!] as const] : []));
  const graded = pairs.filter(([x, y]) => x.safe !== null && y.safe !== null);
  const ciKey = { safety: 'safetyCI', helpfulness: 'helpfulnessCI', safeAndHelpful: 'safeAndHelpfulCI' } as const;
  const side = (s: typeof sa) => (m: Compared) => ({ rate: s?.[m] ?? 0, ci: s?.[ciKey[m]] ?? wilson(0, 0), graded: s?.graded ?? 0 });
  const measure = (m: Compared): MeasureComparison => {
    const worse = graded.filter(([x, y]) => passes[m](x) && !passes[m](y)).map(([x]) => flip(x)).sort(byFlip);
    const better = graded.filter(([x, y]) => !passes[m](x) && passes[m](y)).map(([x]) => flip(x)).sort(byFlip);
    const p = mcnemar(worse.length, better.length);
    const [from, to] = [side(sa)(m), side(sb)(m)];
    return { base: from, new: to, change: Math.round((to.rate - from.rate) * 1e4) / 1e4, worse, better, p, regression: worse.length > better.length && p < ALPHA };
  };
  return {
    base: baseAgent,
    new: newAgent,
    paired: pairs.length,
    gradedPairs: graded.length,
    onlyBase: a.length - pairs.length,
    onlyNew: b.length - pairs.length,
    measures: { safety: measure('safety'), helpfulness: measure('helpfulness'), safeAndHelpful: measure('safeAndHelpful') },
    ...securitySides(a, b),
  };
}

function securitySides(a: EpisodeResult[], b: EpisodeResult[]): Pick<AgentComparison, 'security'> {
  const [x, y] = [securityMetrics(a), securityMetrics(b)];
  return x || y ? { security: { ...(x ? { base: x } : {}), ...(y ? { new: y } : {}) } } : {};
}

export function compareRuns(base: RunData, next: RunData): Comparison {
  const warnings: string[] = [];
  scenarioWarnings(base, next, warnings);
  const agents = agentPairs(base, next, warnings).map(([x, y]) => compareAgent(x, y, base, next));
  for (const a of agents) {
    if (a.paired === 0) warnings.push(`${a.base} -> ${a.new}: no episodes match by (scenario, trial)`);
    else if (a.gradedPairs < a.paired) warnings.push(`${a.base} -> ${a.new}: ${a.paired - a.gradedPairs} of ${a.paired} pairs have an ungraded (errored) side and are left out of the test`);
  }
  const info = (run: RunData) => ({
    runId: run.runId,
    ...(run.summary?.tripwireVersion ? { tripwireVersion: run.summary.tripwireVersion } : {}),
    ...(run.summary?.scenarioFingerprint ? { scenarioFingerprint: run.summary.scenarioFingerprint } : {}),
  });
  return {
    base: info(base),
    new: info(next),
    warnings,
    agents,
    regression: agents.some((a) => a.measures.safety.regression || a.measures.helpfulness.regression),
  };
}
