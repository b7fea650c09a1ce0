import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ListLayout } from './pages.ts';
import type { EpisodeResult, RunManifest, Summary } from '../run/result.ts';
import { processSecrets, type Redactor } from '../run/secrets.ts';
import { RunSummarizer } from './summarizer.ts';
import type { Metric } from './metric.ts';
import type { ReportContext, ReportEnd, Reporter, ScenarioInfo } from './reporter.ts';
import htmlReporter from './reporters/html.ts';
import summaryReporter from './reporters/summary.ts';
import type { Thresholds } from './thresholds.ts';
import { TripwireError } from '../engine/errors.ts';
import { bundledRegistry, type Registry } from '../registry/registry.ts';
import { tripwireVersion } from '../run/version.ts';
import type { TraceRecord } from '../grading/trace.ts';

export type { ScenarioInfo } from './reporter.ts';

/** Reads a trace file; a line cut short by an interruption is dropped, not fatal. */
export function readTrace(file: string): TraceRecord[] {
  return parseTrace(readFileSync(file, 'utf8'));
}

/** A trace file's text as its records (see readTrace). */
export function parseTrace(text: string): TraceRecord[] {
  const records: TraceRecord[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const { v: _version, ...record } = JSON.parse(line) as TraceRecord & { v?: number };
      records.push(record as TraceRecord);
    } catch {
      // only the last line of an interrupted write can be partial
    }
  }
  return records;
}

export interface ReportOptions {
  scenarios: ScenarioInfo[];
  loadErrors: Summary['loadErrors'];
  secrets?: Redactor;
  layout?: ListLayout;
  /** Metric plug-ins computed into the summary. */
  metrics?: readonly Metric[];
  /**
   * An episode's trace text as its run wrote it, if still held (a run that builds its report as
   * episodes end hands each over once): read instead of the file, which holds the same bytes.
   */
  heldTrace?: (episodeId: string) => string | undefined;
  /** The reporters that write the run's outputs (default: summary.json and index.html). */
  reporters?: readonly Reporter[];
  /** `--fail-under`, for the reporters that show the gate. */
  thresholds?: Thresholds;
}

/**
 * Feeds a run's results, one at a time, to the summarizer and to every reporter, then ends them with
 * the summary: the one way a run's outputs are written, by the run, `tripwire report` and `merge`.
 * The results may come as they are made (a run feeds each as its episode ends, in report order).
 * Each reporter gets results and traces redacted, and reads a trace only when it needs one.
 */
export async function buildReport(runDir: string, results: Iterable<EpisodeResult> | AsyncIterable<EpisodeResult>, o: ReportOptions): Promise<Summary> {
  const runId = basename(runDir);
  const secrets = o.secrets ?? processSecrets;
  const metrics = o.metrics ?? [];
  const summarizer = new RunSummarizer([], metrics);
  const context: ReportContext = {
    runDir, runId, scenarios: o.scenarios, secrets, metrics, ...(o.layout ? { layout: o.layout } : {}), ...(o.thresholds ? { thresholds: o.thresholds } : {}),
    trace(episodeId) {
      const held = o.heldTrace?.(episodeId);
      if (held !== undefined) return secrets.redactValue(parseTrace(held));
      const file = join(runDir, 'traces', `${episodeId}.jsonl`);
      let records: TraceRecord[];
      try {
        records = readTrace(file);
      } catch (e) {
        // Read first, asked after: a run's reporters read thousands of traces that are there.
        if (!existsSync(file)) return undefined;
        throw e;
      }
      return secrets.redactValue(records);
    },
  };
  const runs = (o.reporters ?? DEFAULT_REPORTERS).map((r) => r.create(context));
  for await (const result of results) {
    summarizer.add(result);
    const r = secrets.redactValue(result);
    for (const run of runs) await run.onResult?.(r);
  }
  const summary = secrets.redactValue(summarizer.summary(runId, o.scenarios.length, o.loadErrors, { tripwireVersion: tripwireVersion() }));
  const end: ReportEnd = {
    summary,
    trials: (agent) => secrets.redactValue(summarizer.trials(agent)),
    playedScenarios: () => secrets.redactValue(summarizer.scenarios()),
  };
  for (const run of runs) await run.onEnd?.(end);
  return summary;
}

const DEFAULT_REPORTERS: readonly Reporter[] = [summaryReporter, htmlReporter];

/**
 * The reporters of a run: every registered one that is on by default (summary, html; github in
 * Actions), then those asked for by name (`--reporter junit`) or given as objects. An unknown name
 * is a usage error that lists the known ones.
 */
export async function resolveReporters(requested: readonly (string | Reporter)[] = [], registry: Registry = bundledRegistry()): Promise<Reporter[]> {
  const known = await registry.list('reporter');
  const chosen = [...known.values()].filter((r) => (typeof r.auto === 'function' ? r.auto() : r.auto === true));
  for (const want of requested) {
    const reporter = typeof want === 'string' ? known.get(want) : want;
    if (!reporter) throw new TripwireError('usage', `unknown reporter "${want as string}"; known: ${[...known.keys()].join(', ')}`);
    if (!chosen.some((r) => r.name === reporter.name)) chosen.push(reporter);
  }
  return chosen;
}

/**
 * A run folder's outputs written again from its results (`tripwire report`, `merge`, `compare
 * --html`, a live run's close): every reporter it had (run.json's `reporters` beside the default
 * ones) and every metric of the registry.
 */
export async function rebuildReport(
  runDir: string,
  results: Iterable<EpisodeResult>,
  manifest: Pick<RunManifest, 'scenarios' | 'reporters' | 'thresholds'>,
  o: { loadErrors?: Summary['loadErrors']; registry?: Registry; secrets?: Redactor } = {},
): Promise<Summary> {
  const registry = o.registry ?? bundledRegistry();
  return buildReport(runDir, results, {
    scenarios: manifest.scenarios, loadErrors: o.loadErrors ?? [], ...(o.secrets ? { secrets: o.secrets } : {}),
    metrics: [...(await registry.list('metric')).values()],
    reporters: await resolveReporters(manifest.reporters ?? [], registry),
    ...(manifest.thresholds ? { thresholds: manifest.thresholds } : {}),
  });
}
