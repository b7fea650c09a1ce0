import { createHash } from 'node:crypto';
import type { AgentSummary, EpisodeResult, PassK, Rates, Summary } from '../run/result.ts';
import type { JudgeSummary } from './judgeSummary.ts';
import type { Metric, MetricTally } from './metric.ts';
import { FAILURE_MODES, RISK_CATEGORIES } from '../scenario/taxonomy.ts';
import { passHatK, wilson } from './stats.ts';

/**
 * summary.json computed as results arrive, one at a time: what it keeps grows with agents, scenarios
 * and risk categories, never with episodes, so a run of 20,000 episodes need not hold them. The
 * batch `summarize` is this fed with an array: one way to count, whichever way the results come.
 */

interface Tally {
  episodes: number;
  graded: number;
  errors: number;
  safe: number;
  helpful: number;
  both: number;
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

interface AgentTally {
  all: Tally;
  byRisk: Map<string, Tally>;
  byFailureMode: Map<string, Tally>;
  invalidActions: number;
  tokens: { prompt: number; completion: number };
  cost: number | undefined;
  maxTrial: number;
  /** In order of each scenario's first episode. */
  trials: Map<string, ScenarioTrials>;
  /** One tally per metric plug-in, in the run's order of metrics. */
  metrics: MetricTally<unknown>[];
  judge: { episodes: number; byJudge: boolean; judged: number; agreeing: number; errors: number; patternOnly: number; disagreements: number };
}

const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;
/** A rate over nothing graded is null, never 0: nothing was measured (DESIGN: rates are null when nothing is graded). */
const rate = (n: number, of: number): number | null => (of === 0 ? null : round4(n / of));
const empty = (): Tally => ({ episodes: 0, graded: 0, errors: 0, safe: 0, helpful: 0, both: 0 });
const graded = (r: EpisodeResult): boolean => r.safe !== null;

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

function add(t: Tally, r: EpisodeResult): void {
  t.episodes += 1;
  if (r.status === 'error') t.errors += 1;
  if (!graded(r)) return;
  t.graded += 1;
  if (r.safe === true) t.safe += 1;
  if (r.helpful === true) t.helpful += 1;
  if (r.safe === true && r.helpful === true) t.both += 1;
}

function count(tallies: Map<string, Tally>, key: string, r: EpisodeResult): void {
  let t = tallies.get(key);
  if (!t) tallies.set(key, (t = empty()));
  add(t, r);
}

/** Keys in taxonomy order (then any unknown ids), so summary.json does not depend on episode order. */
function ordered(tallies: Map<string, Tally>, order: readonly string[]): Record<string, Rates> {
  const keys = [...order.filter((k) => tallies.has(k)), ...[...tallies.keys()].filter((k) => !order.includes(k)).sort()];
  return Object.fromEntries(keys.map((k) => [k, rates(tallies.get(k)!)]));
}

export function addTrial(by: Map<string, ScenarioTrials>, r: EpisodeResult): void {
  let s = by.get(r.scenarioId);
  if (!s) by.set(r.scenarioId, (s = { scenarioId: r.scenarioId, n: 0, safe: 0, helpful: 0, safeAndHelpful: 0, errors: 0 }));
  if (r.status === 'error') s.errors += 1;
  if (!graded(r)) return;
  s.n += 1;
  if (r.safe === true) s.safe += 1;
  if (r.helpful === true) s.helpful += 1;
  if (r.safe === true && r.helpful === true) s.safeAndHelpful += 1;
}

export function passKFrom(per: ScenarioTrials[], k: number): PassK | undefined {
  if (k < 2) return undefined;
  const of = (key: 'safe' | 'helpful' | 'safeAndHelpful') => passHatK(per.map((s) => ({ n: s.n, c: s[key] })), k) ?? 0;
  return { k, safety: of('safe'), helpfulness: of('helpful'), safeAndHelpful: of('safeAndHelpful') };
}

function judgeOf(j: AgentTally['judge']): { judge?: JudgeSummary } {
  if (j.episodes === 0) return {};
  return {
    judge: {
      episodes: j.episodes,
      grading: j.byJudge ? 'judge' : 'patterns',
      judged: j.judged,
      errors: j.errors,
      agreement: j.judged ? Math.round((j.agreeing / j.judged) * 1000) / 1000 : null,
      patternOnly: j.patternOnly,
      disagreements: j.disagreements,
    },
  };
}

export class RunSummarizer {
  readonly #agents = new Map<string, AgentTally>();
  readonly #metrics: readonly Metric[];
  /** Per scenario its content hash and taxonomy, for the fingerprint and the coverage matrix. */
  readonly #scenarios = new Map<string, Pick<EpisodeResult, 'scenarioId' | 'risk' | 'failureModes' | 'scenarioHash'>>();
  #episodes = 0;

  /**
   * @param agentOrder agents listed first in this order (the run's); others in order of their first episode.
   * @param metrics metric plug-ins, each fed every result of every agent; their values go under their names.
   */
  constructor(agentOrder: readonly string[] = [], metrics: readonly Metric[] = []) {
    this.#metrics = metrics;
    for (const a of agentOrder) this.#agents.set(a, this.#fresh());
  }

  #fresh(): AgentTally {
    return {
      all: empty(), byRisk: new Map(), byFailureMode: new Map(), invalidActions: 0, tokens: { prompt: 0, completion: 0 }, cost: undefined,
      maxTrial: 0, trials: new Map(), metrics: this.#metrics.map((m) => m.tally()), judge: { episodes: 0, byJudge: false, judged: 0, agreeing: 0, errors: 0, patternOnly: 0, disagreements: 0 },
    };
  }

  get episodes(): number {
    return this.#episodes;
  }

  add(r: EpisodeResult): void {
    this.#episodes++;
    let a = this.#agents.get(r.agent);
    if (!a) this.#agents.set(r.agent, (a = this.#fresh()));
    add(a.all, r);
    a.invalidActions += r.invalidActions ?? 0;
    a.tokens.prompt += r.tokens?.prompt ?? 0;
    a.tokens.completion += r.tokens?.completion ?? 0;
    if (r.cost !== undefined) a.cost = (a.cost ?? 0) + r.cost;
    count(a.byRisk, r.risk, r);
    for (const mode of new Set(r.failureModes ?? [])) count(a.byFailureMode, mode, r);
    a.maxTrial = Math.max(a.maxTrial, r.trial);
    addTrial(a.trials, r);
    for (const m of a.metrics) m.add(r);
    if (r.textGrading !== undefined) {
      const j = a.judge;
      j.episodes++;
      if (r.textGrading === 'judge') j.byJudge = true;
      if (r.judge && r.judge.agrees !== null) {
        j.judged++;
        if (r.judge.agrees) j.agreeing++;
      }
      if (r.judge?.error !== undefined) j.errors++;
      if (r.textGrading === 'patterns') j.patternOnly++;
      if (r.judge && (r.judge.agrees === false || r.judge.agreesHelpful === false)) j.disagreements++;
    }
    // The last episode of a scenario speaks for it, at the place of its first.
    this.#scenarios.set(r.scenarioId, { scenarioId: r.scenarioId, risk: r.risk, failureModes: r.failureModes, scenarioHash: r.scenarioHash });
  }

  /** Per scenario, one agent's graded trials and how many passed: the input of pass^k. */
  trials(agent: string): ScenarioTrials[] {
    return [...(this.#agents.get(agent)?.trials.values() ?? [])];
  }

  /** Each scenario played, once: for the coverage matrix. */
  scenarios(): Pick<EpisodeResult, 'scenarioId' | 'risk' | 'failureModes'>[] {
    return [...this.#scenarios.values()];
  }

  /** One hash over the (scenario id, content hash) pairs; undefined when a result carries no hash. */
  fingerprint(): string | undefined {
    const pairs = [...this.#scenarios.values()];
    if (pairs.length === 0 || pairs.some((s) => s.scenarioHash === undefined)) return undefined;
    const lines = pairs.map((s) => `${s.scenarioId} ${s.scenarioHash}`).sort();
    return createHash('sha256').update(lines.join('\n')).digest('hex');
  }

  #agentSummary(agent: string, a: AgentTally): AgentSummary {
    const passK = passKFrom([...a.trials.values()], a.maxTrial);
    const metrics: Record<string, unknown> = {};
    this.#metrics.forEach((m, i) => {
      const value = a.metrics[i]!.value();
      if (value !== undefined) metrics[m.name] = value;
    });
    return {
      agent,
      ...rates(a.all),
      invalidActions: a.invalidActions,
      tokens: { ...a.tokens },
      ...(a.cost !== undefined ? { cost: Math.round(a.cost * 1e6) / 1e6 } : {}),
      ...(passK ? { passK } : {}),
      byRisk: ordered(a.byRisk, RISK_CATEGORIES),
      byFailureMode: ordered(a.byFailureMode, FAILURE_MODES),
      ...metrics,
      ...judgeOf(a.judge),
    };
  }

  summary(runId: string, scenarios: number, loadErrors: Summary['loadErrors'], options: { tripwireVersion?: string } = {}): Summary {
    const fingerprint = this.fingerprint();
    return {
      runId,
      ...(options.tripwireVersion ? { tripwireVersion: options.tripwireVersion } : {}),
      scenarios,
      ...(fingerprint ? { scenarioFingerprint: fingerprint } : {}),
      agents: [...this.#agents].filter(([, a]) => a.all.episodes > 0).map(([agent, a]) => this.#agentSummary(agent, a)),
      loadErrors,
    };
  }
}
