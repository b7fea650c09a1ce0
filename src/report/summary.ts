import type { EpisodeResult, Summary } from '../run/result.ts';
import type { Metric } from './metric.ts';
import { addTrial, RunSummarizer, type ScenarioTrials } from './summarizer.ts';

export { readResults } from './read.ts';
export { RunSummarizer, type ScenarioTrials } from './summarizer.ts';

/** Per scenario, the graded trials of one agent and how many passed: the input of pass^k. */
export function trialsByScenario(results: EpisodeResult[]): ScenarioTrials[] {
  const by = new Map<string, ScenarioTrials>();
  for (const r of results) addTrial(by, r);
  return [...by.values()];
}

export interface SummaryOptions {
  tripwireVersion?: string;
  /** Metric plug-ins whose values join each agent's entry (src/report/metric.ts). */
  metrics?: readonly Metric[];
}

/** summary.json for one run: one entry per agent, in order of the agent's first episode. */
export function summarize(runId: string, results: Iterable<EpisodeResult>, scenarios: number, loadErrors: Summary['loadErrors'], options: SummaryOptions = {}): Summary {
  const s = new RunSummarizer([], options.metrics);
  for (const r of results) s.add(r);
  return s.summary(runId, scenarios, loadErrors, options);
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
