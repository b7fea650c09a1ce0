import { createHash } from 'node:crypto';
import type { AgentSummary, EpisodeResult, PassK, Rates, Summary } from '../run/result.ts';
import { FAILURE_MODES, RISK_CATEGORIES } from '../scenario/taxonomy.ts';
import { passHatK, wilson } from './stats.ts';

export { readResults } from './read.ts';

interface Tally {
  episodes: number;
  graded: number;
  errors: number;
  safe: number;
  helpful: number;
  both: number;
}

const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;
const rate = (n: number, of: number): number => (of === 0 ? 0 : round4(n / of));
const empty = (): Tally => ({ episodes: 0, graded: 0, errors: 0, safe: 0, helpful: 0, both: 0 });

/** Rates are over graded episodes only; `graded` and `errors` say what each is over and what it leaves out. */
function rates(t: Tally): Required<Rates> {
  return {
    episodes: t.episodes,
    graded: t.graded,
    errors: t.errors,
    safety: rate(t.safe, t.graded),
    helpfulness: rate(t.helpful, t.graded),
    safeAndHelpful: rate(t.both, t.graded),
    safetyCI: wilson(t.safe, t.graded),
    helpfulnessCI: wilson(t.helpful, t.graded),
    safeAndHelpfulCI: wilson(t.both, t.graded),
  };
}

const graded = (r: EpisodeResult): boolean => r.safe !== null;
const passes = { safety: (r: EpisodeResult) => r.safe === true, helpfulness: (r: EpisodeResult) => r.helpful === true, safeAndHelpful: (r: EpisodeResult) => r.safe === true && r.helpful === true };

function add(t: Tally, r: EpisodeResult): void {
  t.episodes += 1;
  if (r.status === 'error') t.errors += 1;
  if (!graded(r)) return;
  t.graded += 1;
  if (passes.safety(r)) t.safe += 1;
  if (passes.helpfulness(r)) t.helpful += 1;
  if (passes.safeAndHelpful(r)) t.both += 1;
}

function count(tallies: Map<string, Tally>, key: string, r: EpisodeResult): void {
  const t = tallies.get(key) ?? empty();
  add(t, r);
  tallies.set(key, t);
}

/** Keys in taxonomy order (then any unknown ids), so summary.json does not depend on episode order. */
function ordered(tallies: Map<string, Tally>, order: readonly string[]): Record<string, Rates> {
  const keys = [...order.filter((k) => tallies.has(k)), ...[...tallies.keys()].filter((k) => !order.includes(k)).sort()];
  return Object.fromEntries(keys.map((k) => [k, rates(tallies.get(k)!)]));
}

export interface ScenarioTrials {
  scenarioId: string;
  /** Graded trials, and how many of them passed each measure. */
  n: number;
  safe: number;
  helpful: number;
  safeAndHelpful: number;
  errors: number;
}

/** Per scenario, the graded trials of one agent and how many passed: the input of pass^k. */
export function trialsByScenario(results: EpisodeResult[]): ScenarioTrials[] {
  const by = new Map<string, ScenarioTrials>();
  for (const r of results) {
    const s = by.get(r.scenarioId) ?? { scenarioId: r.scenarioId, n: 0, safe: 0, helpful: 0, safeAndHelpful: 0, errors: 0 };
    if (r.status === 'error') s.errors += 1;
    if (graded(r)) {
      s.n += 1;
      if (passes.safety(r)) s.safe += 1;
      if (passes.helpfulness(r)) s.helpful += 1;
      if (passes.safeAndHelpful(r)) s.safeAndHelpful += 1;
    }
    by.set(r.scenarioId, s);
  }
  return [...by.values()];
}

/** pass^k for k = the most trials any scenario had (undefined for single trials). */
export function passKOf(results: EpisodeResult[]): PassK | undefined {
  const k = Math.max(0, ...results.map((r) => r.trial));
  if (k < 2) return undefined;
  const per = trialsByScenario(results);
  const of = (key: 'safe' | 'helpful' | 'safeAndHelpful') => passHatK(per.map((s) => ({ n: s.n, c: s[key] })), k) ?? 0;
  return { k, safety: of('safe'), helpfulness: of('helpful'), safeAndHelpful: of('safeAndHelpful') };
}

function summarizeAgent(agent: string, results: EpisodeResult[]): AgentSummary {
  const all = empty();
  const byRisk = new Map<string, Tally>();
  const byFailureMode = new Map<string, Tally>();
  let invalidActions = 0;
  const tokens = { prompt: 0, completion: 0 };
  let cost: number | undefined;
  for (const r of results) {
    add(all, r);
    invalidActions += r.invalidActions ?? 0;
    tokens.prompt += r.tokens?.prompt ?? 0;
    tokens.completion += r.tokens?.completion ?? 0;
    if (r.cost !== undefined) cost = (cost ?? 0) + r.cost;
    count(byRisk, r.risk, r);
    for (const mode of new Set(r.failureModes ?? [])) count(byFailureMode, mode, r);
  }
  const passK = passKOf(results);
  return {
    agent,
    ...rates(all),
    invalidActions,
    tokens,
    ...(cost !== undefined ? { cost: Math.round(cost * 1e6) / 1e6 } : {}),
    ...(passK ? { passK } : {}),
    byRisk: ordered(byRisk, RISK_CATEGORIES),
    byFailureMode: ordered(byFailureMode, FAILURE_MODES),
  };
}

/**
 * One hash over the (scenario id, content hash) pairs of the scenarios a run played: two runs with
 * equal fingerprints graded the same scenarios. Undefined when a result carries no hash (older runs).
 */
export function scenarioFingerprint(results: EpisodeResult[]): string | undefined {
  const pairs = new Map<string, string | undefined>();
  for (const r of results) pairs.set(r.scenarioId, r.scenarioHash);
  if (pairs.size === 0 || [...pairs.values()].some((h) => h === undefined)) return undefined;
  const lines = [...pairs].map(([id, hash]) => `${id} ${hash}`).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

export interface SummaryOptions {
  tripwireVersion?: string;
}

/** summary.json for one run: one entry per agent, in order of the agent's first episode. */
export function summarize(runId: string, results: EpisodeResult[], scenarios: number, loadErrors: Summary['loadErrors'], options: SummaryOptions = {}): Summary {
  const perAgent = new Map<string, EpisodeResult[]>();
  for (const r of results) {
    const list = perAgent.get(r.agent) ?? [];
    list.push(r);
    perAgent.set(r.agent, list);
  }
  const fingerprint = scenarioFingerprint(results);
  return {
    runId,
    ...(options.tripwireVersion ? { tripwireVersion: options.tripwireVersion } : {}),
    scenarios,
    ...(fingerprint ? { scenarioFingerprint: fingerprint } : {}),
    agents: [...perAgent].map(([agent, list]) => summarizeAgent(agent, list)),
    loadErrors,
  };
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
