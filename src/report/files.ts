import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { renderReport } from './html.ts';
import type { EpisodeResult, Summary } from '../run/result.ts';
import { redact } from '../run/secrets.ts';
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

/** Writes summary.json and the self-contained index.html of a run folder from its results and traces. */
export function writeReport(runDir: string, results: EpisodeResult[], scenarios: ScenarioInfo[], loadErrors: Summary['loadErrors']): Summary {
  const summary = summarize(basename(runDir), results, scenarios.length, loadErrors, { tripwireVersion: tripwireVersion() });
  writeFileSync(join(runDir, 'summary.json'), `${redact(JSON.stringify(summary, null, 2))}\n`);
  const traces: Record<string, TraceRecord[]> = {};
  for (const r of results) {
    const file = join(runDir, 'traces', `${r.episodeId}.jsonl`);
    if (existsSync(file)) traces[r.episodeId] = readTrace(file);
  }
  const byId = Object.fromEntries(scenarios.map((s) => [s.id, s]));
  const links = existsSync(join(runDir, 'compare.html')) ? [{ href: 'compare.html', label: 'comparison with an earlier run' }] : [];
  writeFileSync(join(runDir, 'index.html'), redact(renderReport({ summary, results, traces, scenarios: byId, links })));
  return summary;
}
