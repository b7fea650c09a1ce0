import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from './atomic.ts';
import { basename, join } from 'node:path';
import { renderIndex } from './html.ts';
import { renderEpisode } from './episode.ts';
import { DEFAULT_LAYOUT, EpisodeList, type ListLayout } from './pages.ts';
import type { EpisodeResult, Summary } from '../run/result.ts';
import { processSecrets, type Redactor } from '../run/secrets.ts';
import { RunSummarizer } from './summarizer.ts';
import { tripwireVersion } from '../run/version.ts';
import type { TraceRecord } from '../grading/trace.ts';

export interface ScenarioInfo {
  id: string;
  title: string;
  risk: string;
  instruction: string;
}

/** Reads a trace file; a line cut short by an interruption is dropped, not fatal. */
export function readTrace(file: string): TraceRecord[] {
  const records: TraceRecord[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
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

/**
 * Writes summary.json, index.html and (for a large run) the pages of its episode list, from the
 * run's results and traces. The results are taken one at a time, each with its trace read, rendered
 * and let go: a run of any size is reported in the memory of one page. Everything is redacted before
 * it is encoded, and once more as text.
 */
export function writeReport(
  runDir: string,
  results: Iterable<EpisodeResult>,
  scenarios: ScenarioInfo[],
  loadErrors: Summary['loadErrors'],
  secrets: Redactor = processSecrets,
  layout: ListLayout = DEFAULT_LAYOUT,
): Summary {
  const runId = basename(runDir);
  const summarizer = new RunSummarizer();
  const byId = new Map(scenarios.map((s) => [s.id, secrets.redactValue(s)]));
  const list = new EpisodeList(runDir, runId, layout, (text) => secrets.redact(text));
  for (const result of results) {
    summarizer.add(result);
    const file = join(runDir, 'traces', `${result.episodeId}.jsonl`);
    const trace = existsSync(file) ? secrets.redactValue(readTrace(file)) : undefined;
    const r = secrets.redactValue(result);
    list.add(r, renderEpisode(r, trace, byId.get(r.scenarioId)));
  }
  const summary = secrets.redactValue(summarizer.summary(runId, scenarios.length, loadErrors, { tripwireVersion: tripwireVersion() }));
  writeFileAtomic(join(runDir, 'summary.json'), `${secrets.redact(JSON.stringify(summary, null, 2))}\n`);
  const links = existsSync(join(runDir, 'compare.html')) ? [{ href: 'compare.html', label: 'comparison with an earlier run' }] : [];
  const page = renderIndex({
    summary, episodes: list.count, list: list.finish(), links,
    trials: (agent) => secrets.redactValue(summarizer.trials(agent)),
    scenarios: secrets.redactValue(summarizer.scenarios()),
  });
  writeFileAtomic(join(runDir, 'index.html'), secrets.redact(page));
  return summary;
}
