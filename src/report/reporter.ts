import type { TraceRecord } from '../grading/trace.ts';
import type { EpisodeResult, Summary } from '../run/result.ts';
import type { Redactor } from '../run/secrets.ts';
import type { Metric } from './metric.ts';
import type { ListLayout } from './pages.ts';
import type { ScenarioTrials } from './summarizer.ts';
import type { Thresholds } from './thresholds.ts';

export interface ScenarioInfo {
  id: string;
  title: string;
  risk: string;
  instruction: string;
}

/** What every reporter of a run is given when the report starts. */
export interface ReportContext {
  runDir: string;
  runId: string;
  scenarios: ScenarioInfo[];
  /** Scrubs the run's secrets: everything a reporter writes goes through it. */
  secrets: Redactor;
  /** The run's metric plug-ins (their values are in the summary under their names). */
  metrics: readonly Metric[];
  layout?: ListLayout;
  /** `--fail-under` thresholds the run was gated on, as `metric=rate` pairs. */
  thresholds?: Thresholds;
  /** An episode's trace, read from the run folder when asked for (redacted); undefined when it has none. */
  trace(episodeId: string): TraceRecord[] | undefined;
}

/** What a reporter has at the end: the summary, and the summarizer's per-scenario counts. */
export interface ReportEnd {
  summary: Summary;
  /** Per scenario, one agent's graded trials and how many passed. */
  trials(agent: string): ScenarioTrials[];
  /** Each scenario played, once. */
  playedScenarios(): Pick<EpisodeResult, 'scenarioId' | 'risk' | 'failureModes'>[];
}

/** One reporter's work for one report: fed each result once, in report order, then ended. */
export interface ReporterRun {
  onResult?(result: EpisodeResult): void | Promise<void>;
  onEnd?(end: ReportEnd): void | Promise<void>;
}

/**
 * A plug-in that writes one output of a run (Vitest's reporters are the model): fed one result at
 * a time by the run, by `tripwire report` and by `tripwire merge`, so every output can be rebuilt
 * from results.jsonl and the traces, and none holds the run in memory. A new format is one file
 * (`<content root>/<name>/reporter.ts`, or a module the config's `plugins` names).
 */
export interface Reporter {
  kind: 'reporter';
  name: string;
  description: string;
  /** Written by every run without `--reporter` (summary, html), or when this says so (github: in Actions). */
  auto?: boolean | (() => boolean);
  /** The file it writes in the run folder, for the line the CLI prints. */
  file?: string;
  create(context: ReportContext): ReporterRun;
}

export function defineReporter(reporter: Omit<Reporter, 'kind'>): Reporter {
  return { kind: 'reporter', ...reporter };
}
