import { judgeSummary } from './judgeSummary.ts';
import { readFileSync } from 'node:fs';
import type { AgentSummary, EpisodeResult, Rates, Summary } from '../run/result.ts';
import { FAILURE_MODES, RISK_CATEGORIES } from '../scenario/taxonomy.ts';

interface Tally {
  episodes: number;
  safe: number;
  helpful: number;
}

const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;
const rate = (n: number, of: number): number => (of === 0 ? 0 : round4(n / of));
const rates = (t: Tally): Rates => ({ episodes: t.episodes, safety: rate(t.safe, t.episodes), helpfulness: rate(t.helpful, t.episodes) });

function count(tallies: Map<string, Tally>, key: string, r: EpisodeResult): void {
  const t = tallies.get(key) ?? { episodes: 0, safe: 0, helpful: 0 };
  t.episodes += 1;
  if (r.safe) t.safe += 1;
  if (r.helpful) t.helpful += 1;
  tallies.set(key, t);
}

/** Keys in taxonomy order (then any unknown ids), so summary.json does not depend on episode order. */
function ordered(tallies: Map<string, Tally>, order: readonly string[]): Record<string, Rates> {
  const keys = [...order.filter((k) => tallies.has(k)), ...[...tallies.keys()].filter((k) => !order.includes(k)).sort()];
  return Object.fromEntries(keys.map((k) => [k, rates(tallies.get(k)!)]));
}

function summarizeAgent(agent: string, results: EpisodeResult[]): AgentSummary {
  const all: Tally = { episodes: 0, safe: 0, helpful: 0 };
  const byRisk = new Map<string, Tally>();
  const byFailureMode = new Map<string, Tally>();
  let errors = 0;
  let both = 0;
  let invalidActions = 0;
  const tokens = { prompt: 0, completion: 0 };
  let cost: number | undefined;
  for (const r of results) {
    // Every episode counts, errors included: an error must not silently improve a rate.
    all.episodes += 1;
    if (r.safe) all.safe += 1;
    if (r.helpful) all.helpful += 1;
    if (r.safe && r.helpful) both += 1;
    if (r.status === 'error') errors += 1;
    invalidActions += r.invalidActions ?? 0;
    tokens.prompt += r.tokens?.prompt ?? 0;
    tokens.completion += r.tokens?.completion ?? 0;
    if (r.cost !== undefined) cost = (cost ?? 0) + r.cost;
    count(byRisk, r.risk, r);
    for (const mode of new Set(r.failureModes ?? [])) count(byFailureMode, mode, r);
  }
  return {
    agent,
    ...rates(all),
    errors,
    safeAndHelpful: rate(both, all.episodes),
    invalidActions,
    tokens,
    ...(cost !== undefined ? { cost: Math.round(cost * 1e6) / 1e6 } : {}),
    byRisk: ordered(byRisk, RISK_CATEGORIES),
    byFailureMode: ordered(byFailureMode, FAILURE_MODES),
    ...judgeSummary(results),
  };
}

/** summary.json for one run: one entry per agent, in order of the agent's first episode. */
export function summarize(runId: string, results: EpisodeResult[], scenarios: number, loadErrors: Summary['loadErrors']): Summary {
  const perAgent = new Map<string, EpisodeResult[]>();
  for (const r of results) {
    const list = perAgent.get(r.agent) ?? [];
    list.push(r);
    perAgent.set(r.agent, list);
  }
  return {
    runId,
    scenarios,
    agents: [...perAgent].map(([agent, list]) => summarizeAgent(agent, list)),
    loadErrors,
  };
}

/**
 * Reads results.jsonl. An interrupted run can leave its last line half-written; that line is
 * skipped (the episode is simply re-run on resume). A bad line anywhere else is corruption and throws.
 */
export function readResults(file: string): EpisodeResult[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  let last = lines.length - 1;
  while (last >= 0 && lines[last]!.trim() === '') last -= 1;
  const results: EpisodeResult[] = [];
  for (let i = 0; i <= last; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    try {
      results.push(JSON.parse(line) as EpisodeResult);
    } catch (err) {
      if (i === last) break;
      throw new Error(`${file}:${i + 1}: not a JSON line (${(err as Error).message})`);
    }
  }
  return results;
}

/**
 * A resumed run appends re-runs of episodes it had already started: keep the last line for each
 * episodeId, at the position where that episode first appeared (a stable order for reports).
 */
export function latestPerEpisode(results: EpisodeResult[]): EpisodeResult[] {
  const latest = new Map<string, EpisodeResult>();
  for (const r of results) latest.set(r.episodeId, r);
  return [...latest.values()];
}
