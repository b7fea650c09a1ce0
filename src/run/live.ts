import { manifestScenario } from './manifestScenario.ts';
import { existsSync, mkdirSync } from 'node:fs';
import { appendLine, writeFileAtomic } from '../report/atomic.ts';
import { basename, join, resolve } from 'node:path';
import type { Agent } from '../agent/agent.ts';
import type { Device } from '../engine/device.ts';
import type { Environment } from '../engine/environment.ts';
import { runEpisode } from '../engine/episode.ts';
import { TripwireError } from '../engine/errors.ts';
import { fileSink } from '../grading/traceWriter.ts';
import { rebuildReport } from '../report/files.ts';
import type { Registry } from '../registry/registry.ts';
import { latestPerEpisode, readResults } from '../report/summary.ts';
import { scenarioHash } from '../scenario/fingerprint.ts';
import type { LoadedScenario } from '../scenario/load.ts';
import type { TripwireConfig } from './config.ts';
import { observationOf, type EpisodeResult, type Summary } from './result.ts';
import { episodeId, newRunId, pointLatest, type RunHooks, type RunManifest } from './run.ts';
import { processSecrets, Secrets } from './secrets.ts';

export interface LiveRunOptions {
  /** Where run folders go; `<out>/latest` points at this one. */
  out: string;
  runId?: string;
  /** The scenarios sessions may ask for. */
  scenarios: LoadedScenario[];
  environments: Map<string, Environment>;
  /** Per-episode limits. */
  config?: TripwireConfig;
  /** For a live viewer. */
  hooks?: RunHooks;
  /** Where its metrics and reporters are found (default: Tripwire's own). */
  registry?: Registry;
  /** This run's secrets (default: from the environment and the config), scrubbed from all it writes. */
  secrets?: Secrets;
}

export interface LiveEpisode {
  scenarioId: string;
  agentName: string;
  /** Default: the next trial of this agent on this scenario in this run. */
  trial?: number;
  agent: Agent;
  devices?: Record<string, Device | (() => Device | Promise<Device>)>;
}

export interface LiveRun {
  runDir: string;
  runId: string;
  /** The episode id `play` will give this request, and its trial, before it starts. */
  plan(request: Omit<LiveEpisode, 'agent' | 'devices'>): { episodeId: string; trial: number };
  /** Plays one episode into the run folder; its result is appended as soon as it ends. */
  play(request: LiveEpisode): Promise<EpisodeResult>;
  /** Writes summary.json and index.html for the episodes so far. */
  close(): Promise<Summary>;
}

/**
 * A run folder that episodes arriving over time append to: Appium sessions, MCP clients, agents
 * that drive their own loop. Results, traces and the report are those of `tripwire run`.
 */
export function openRun(o: LiveRunOptions): LiveRun {
  const secrets = (o.secrets ?? new Secrets(processSecrets)).addFromEnv().addFromConfig(o.config);
  const runDir = resolve(o.out, o.runId ?? newRunId());
  const runId = basename(runDir);
  mkdirSync(join(runDir, 'traces'), { recursive: true });
  const resultsFile = join(runDir, 'results.jsonl');
  const byId = new Map(o.scenarios.map((s) => [s.scenario.id, s.scenario]));
  const used = new Set<string>();
  const agents: string[] = [];
  const hashes = new Map(o.scenarios.map(({ scenario }) => [scenario.id, scenarioHash(scenario)]));
  const infos = o.scenarios.map(({ scenario: s }) => manifestScenario(s, hashes.get(s.id)!));
  const writeManifest = () => {
    const manifest: RunManifest = { runId, agents, trials: 1, scenarios: infos };
    writeFileAtomic(join(runDir, 'run.json'), `${secrets.redact(JSON.stringify(secrets.redactValue(manifest), null, 2))}\n`);
  };
  writeManifest();
  mkdirSync(o.out, { recursive: true });
  pointLatest(resolve(o.out), runDir);

  const plan: LiveRun['plan'] = ({ scenarioId, agentName, trial }) => {
    if (!byId.has(scenarioId)) throw new TripwireError('usage', `unknown scenario "${scenarioId}"`);
    // A trial names the episode's files: 1.5 or 1e308 would make a run folder no report can read.
    if (trial !== undefined && !(Number.isSafeInteger(trial) && trial >= 1)) throw new TripwireError('usage', `a trial is a positive whole number, got ${trial}`);
    let t = trial ?? 1;
    while (trial === undefined && used.has(episodeId(agentName, scenarioId, t))) t++;
    const id = episodeId(agentName, scenarioId, t);
    if (used.has(id)) throw new TripwireError('usage', `episode ${id} has already been played in this run; choose another trial`);
    return { episodeId: id, trial: t };
  };

  return {
    runDir,
    runId,
    plan,
    async play(request) {
      const { episodeId: id, trial } = plan(request);
      used.add(id);
      const scenario = byId.get(request.scenarioId)!;
      if (!agents.includes(request.agentName)) {
        agents.push(request.agentName);
        writeManifest();
      }
      o.hooks?.onStart?.(id, { agent: request.agentName, scenarioId: scenario.id, trial });
      const result = await runEpisode({
        episodeId: id, scenario, trial, agentName: request.agentName, agent: request.agent, devices: request.devices,
        environments: Object.keys(scenario.environments).map((env) => o.environments.get(env)!),
        sink: fileSink(join(runDir, 'traces', `${id}.jsonl`), secrets), limits: o.config?.limits,
        listener: o.hooks?.onRecord && ((record) => o.hooks!.onRecord!(id, record)),
        control: o.hooks?.control?.(id),
        approve: o.hooks?.approve && ((call) => o.hooks!.approve!(id, call)),
      });
      const recorded: EpisodeResult = { ...result, scenarioHash: hashes.get(scenario.id)!, ...observationOf(scenario.tags) };
      appendLine(resultsFile, `${secrets.redact(JSON.stringify(secrets.redactValue(recorded)))}\n`);
      return recorded;
    },
    async close() {
      const results = existsSync(resultsFile) ? latestPerEpisode(readResults(resultsFile)) : [];
      return rebuildReport(runDir, results, { scenarios: infos }, { secrets, ...(o.registry ? { registry: o.registry } : {}) });
    },
  };
}
