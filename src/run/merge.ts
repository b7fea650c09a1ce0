import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { TripwireError } from '../engine/errors.ts';
import { rebuildReport } from '../report/files.ts';
import type { Registry } from '../registry/registry.ts';
import { latestPerEpisode, readResults } from '../report/summary.ts';
import type { EpisodeResult, Summary } from './result.ts';
import { newRunId, pointLatest, type RunManifest } from './run.ts';
import { processSecrets, Secrets } from './secrets.ts';

export interface MergeOutcome {
  runDir: string;
  summary: Summary;
  results: EpisodeResult[];
}

function readManifest(dir: string): RunManifest {
  const file = join(dir, 'run.json');
  if (!existsSync(file)) throw new TripwireError('usage', `${dir} is not a run folder: it has no run.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as RunManifest;
}

/** Scenario files that failed to load are the same for every shard: the first one's are kept. */
function loadErrorsOf(dir: string): Summary['loadErrors'] {
  const file = join(dir, 'summary.json');
  return existsSync(file) ? ((JSON.parse(readFileSync(file, 'utf8')) as Partial<Summary>).loadErrors ?? []) : [];
}

/** What must be equal for shards to be slices of one run. */
const planOf = (m: RunManifest) => JSON.stringify({ agents: m.agents, trials: m.trials, device: m.device ?? null, scenarios: m.scenarios, count: m.shard?.count ?? null });

/**
 * Joins the run folders of shards into one run folder whose results, traces, summary and report
 * are those the unsharded run would have written (durations aside). Refuses shards of different
 * scenario sets, agents or trials, and shards that hold the same episode.
 */
export async function mergeRuns(dirs: string[], out: string, registry?: Registry): Promise<MergeOutcome> {
  if (dirs.length === 0) throw new TripwireError('usage', 'tripwire merge <run dirs...>: name the run folders of the shards');
  const manifests = dirs.map((d) => readManifest(resolve(d)));
  const first = manifests[0]!;
  manifests.forEach((m, i) => {
    if (planOf(m) !== planOf(first)) {
      throw new TripwireError('usage', `${dirs[i]} is not a shard of the same run as ${dirs[0]}: its scenarios, agents, trials, device or shard count differ`);
    }
  });
  const owner = new Map<string, string>();
  const results: EpisodeResult[] = [];
  const indexes = new Set<number>();
  dirs.forEach((dir, i) => {
    const index = manifests[i]!.shard?.index;
    if (index !== undefined && indexes.has(index)) throw new TripwireError('usage', `two folders are shard ${index}/${first.shard!.count}: ${dir} overlaps another`);
    if (index !== undefined) indexes.add(index);
    const file = join(resolve(dir), 'results.jsonl');
    for (const r of existsSync(file) ? latestPerEpisode(readResults(file)) : []) {
      const other = owner.get(r.episodeId);
      if (other) throw new TripwireError('usage', `episode ${r.episodeId} is in both ${other} and ${dir}: the shards overlap`);
      owner.set(r.episodeId, dir);
      results.push(r);
    }
  });

  // The unsharded run's order: agents as given, scenarios as listed, then trials.
  const order = new Map(first.scenarios.map((s, i) => [s.id, i]));
  results.sort((a, b) => first.agents.indexOf(a.agent) - first.agents.indexOf(b.agent) || (order.get(a.scenarioId) ?? 0) - (order.get(b.scenarioId) ?? 0) || a.trial - b.trial);

  // Shards were written redacted; the environment's secrets are scrubbed again in case a shard ran without them.
  const secrets = new Secrets(processSecrets).addFromEnv();
  const runDir = resolve(out, newRunId());
  mkdirSync(join(runDir, 'traces'), { recursive: true });
  for (const r of results) {
    const trace = join(resolve(owner.get(r.episodeId)!), 'traces', `${r.episodeId}.jsonl`);
    if (existsSync(trace)) copyFileSync(trace, join(runDir, 'traces', `${r.episodeId}.jsonl`));
  }
  writeFileSync(join(runDir, 'results.jsonl'), results.map((r) => `${secrets.redact(JSON.stringify(secrets.redactValue(r)))}\n`).join(''));
  const { shard: _shard, ...rest } = first;
  const manifest: RunManifest = { ...rest, runId: basename(runDir) };
  writeFileSync(join(runDir, 'run.json'), `${secrets.redact(JSON.stringify(secrets.redactValue(manifest), null, 2))}\n`);
  const summary = await rebuildReport(runDir, results, first, { loadErrors: loadErrorsOf(resolve(dirs[0]!)), secrets, ...(registry ? { registry } : {}) });
  pointLatest(resolve(out), runDir);
  return { runDir, summary, results };
}
