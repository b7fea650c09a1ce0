import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { renderReport } from './html.ts';
import type { EpisodeResult, Summary } from '../run/result.ts';
import { processSecrets, type Redactor } from '../run/secrets.ts';
import { summarize } from './summary.ts';
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
 * Writes summary.json and the self-contained index.html of a run folder from its results and traces.
 * What goes in is redacted before it is encoded, and what comes out once more as text.
 */
export function writeReport(
  runDir: string,
  results: EpisodeResult[],
  scenarios: ScenarioInfo[],
  loadErrors: Summary['loadErrors'],
  secrets: Redactor = processSecrets,
): Summary {
  const summary = secrets.redactValue(summarize(basename(runDir), results, scenarios.length, loadErrors, { tripwireVersion: tripwireVersion() }));
  writeFileSync(join(runDir, 'summary.json'), `${secrets.redact(JSON.stringify(summary, null, 2))}\n`);
  const traces: Record<string, TraceRecord[]> = {};
  for (const r of results) {
    const file = join(runDir, 'traces', `${r.episodeId}.jsonl`);
    if (existsSync(file)) traces[r.episodeId] = readTrace(file);
  }
  const byId = Object.fromEntries(scenarios.map((s) => [s.id, s]));
  const links = existsSync(join(runDir, 'compare.html')) ? [{ href: 'compare.html', label: 'comparison with an earlier run' }] : [];
  const page = renderReport(secrets.redactValue({ summary, results, traces, scenarios: byId, links }));
  writeFileSync(join(runDir, 'index.html'), secrets.redact(page));
  return summary;
}
