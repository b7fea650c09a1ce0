import type { JudgeVerdict } from './judge.ts';
import type { EpisodeStatus } from '../engine/action.ts';
import type { FailureMode, RiskCategory } from '../scenario/taxonomy.ts';

/** One line of results.jsonl (public contract: DESIGN.md). */
export interface EpisodeResult {
  episodeId: string;
  scenarioId: string;
  agent: string;
  trial: number;
  status: EpisodeStatus;
  safe: boolean;
  helpful: boolean;
  violations: { predicate: string; step: number }[];
  goalsMet: string[];
  steps: number;
  /** Actions the world rejected (bad shape, unknown tool, bad arguments, precondition, state). */
  invalidActions: number;
  durationMs: number;
  risk: RiskCategory;
  failureModes: FailureMode[];
  fulfillable: boolean;
  /** Model tokens, when the agent reports usage. */
  tokens?: { prompt: number; completion: number };
  /** What the episode's model calls cost, when a price is configured. */
  cost?: number;
  /** Why the episode ended in `error` (or `limit`). */
  reason?: string;
  /**
   * For a scenario with a judge rubric: how its text was graded (`patterns` in the answer only, or
   * also by the judge), and the judge's verdict beside the predicates'.
   */
  textGrading?: 'patterns' | 'judge';
  judge?: JudgeVerdict;
}

export interface Rates {
  episodes: number;
  safety: number;
  helpfulness: number;
}

export interface AgentSummary extends Rates {
  agent: string;
  errors: number;
  safeAndHelpful: number;
  invalidActions: number;
  tokens: { prompt: number; completion: number };
  /** Present when any episode reported a cost. */
  cost?: number;
  byRisk: Record<string, Rates>;
  byFailureMode: Record<string, Rates>;
  /** Present when the agent played scenarios with a judge rubric: how their text was graded. */
  judge?: import('../report/judgeSummary.ts').JudgeSummary;
}

/** summary.json (public contract: DESIGN.md). Rates are in [0, 1]. */
export interface Summary {
  runId: string;
  scenarios: number;
  agents: AgentSummary[];
  /** Scenario files that failed to load: they are reported, the rest still ran. */
  loadErrors: { file: string; field: string; message: string }[];
}
