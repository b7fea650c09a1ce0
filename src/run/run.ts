import { manifestScenario } from './manifestScenario.ts';
import { createJudge, judgeCache, judgeEpisode } from './judgeEpisode.ts';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { lineAppender, writeFileAtomic } from '../report/atomic.ts';
import { basename, dirname, join, resolve } from 'node:path';
import type { Agent, AnyAgentProvider } from '../agent/agent.ts';
import type { ChannelRegistry } from '../agent/channel.ts';
import type { TripwireConfig } from './config.ts';
import { createAgent, resolveAgents } from '../agent/resolveAgent.ts';
import { processSecrets, Secrets } from './secrets.ts';
import { TripwireError } from '../engine/errors.ts';
import { inShard, type Shard } from './shard.ts';
import type { DeviceProvider } from '../engine/device.ts';
import type { Environment } from '../engine/environment.ts';
import { runEpisode } from '../engine/episode.ts';
import type { LoadError, LoadedScenario } from '../scenario/load.ts';
import { createRandom } from '../engine/random.ts';
import { observationOf, type EpisodeResult, type RunManifest, type Summary } from './result.ts';
import { scenarioHash } from '../scenario/fingerprint.ts';
import { buildReport, resolveReporters } from '../report/files.ts';
import type { Reporter } from '../report/reporter.ts';
import type { Thresholds } from '../report/thresholds.ts';
import type { Metric } from '../report/metric.ts';
import { bundledRegistry, type Registry } from '../registry/registry.ts';
import { indexResults, readAt, streamResults, type ResultRef } from '../report/read.ts';
import type { ListLayout } from '../report/pages.ts';
import type { TraceRecord } from '../grading/trace.ts';
import { fileSink } from '../grading/traceWriter.ts';
import { parseDefended } from '../defense/resolve.ts';
import { defendEpisode } from '../defense/episode.ts';
import { resolveGuard } from '../guard/resolve.ts';
import { securityField } from '../security/crossing.ts';
import { ServerPool } from '../mcp/pool.ts';

export interface RunPlan {
  agents: string[];
  trials: number;
  /** The device that plays the phone (`virtual`, `appium=<url>`); none: the in-process machine. */
  device?: string;
  /** Only this slice of the episodes (`--shard i/n`); `tripwire merge` joins the slices. */
  shard?: Shard;
  /** The guard of the agents named `<agent>+guard` (`--guard`): `exec:<command>` or a config agent. */
  guard?: string;
}

export type { RunManifest };

export interface RunOptions extends RunPlan {
  scenarios: LoadedScenario[];
  environments: Map<string, Environment>;
  providers: Map<string, AnyAgentProvider>;
  concurrency: number;
  /** Where run folders go; `<out>/latest` points at the newest. */
  out: string;
  /** Continue this run folder: only missing and errored episodes run. */
  resume?: string;
  runId?: string;
  loadErrors?: LoadError[];
  /** Named agents, per-episode limits, response cache. */
  config?: TripwireConfig;
  /** The scenario paths given on the command line, kept in run.json. */
  paths?: string[];
  onProgress?: (done: number, total: number, result: EpisodeResult) => void;
  /** For a live viewer: the observer's event stream, and the pause and approval gates. */
  hooks?: RunHooks;
  /** Device providers by name, for `device` (bundled: each android folder's provider.ts). */
  devices?: Map<string, DeviceProvider>;
  /**
   * This run's secrets, scrubbed from everything it writes. Default: a registry filled here from the
   * environment and the config; pass one (from `runSecrets`) to share it with a viewer.
   */
  secrets?: Secrets;
  /** How the report lays out its episode list (inline up to a size, then in pages). */
  reportLayout?: ListLayout;
  /** The run's channels for push agents (the human agent in the viewer), given to every provider. */
  channels?: ChannelRegistry;
  /** Metric plug-ins computed into the summary (default: every metric of the registry). */
  metrics?: readonly Metric[];
  /** Where plug-ins not given here are looked up (default: Tripwire's own). */
  registry?: Registry;
  /**
   * Reporters besides those on by default (summary.json, index.html; the GitHub job summary in
   * Actions): registered names (`junit`, a config's own) or reporter objects. Names go into run.json.
   */
  reporters?: readonly (string | Reporter)[];
  /** The `--fail-under` gate, shown by the reporters that show it (the GitHub job summary). */
  thresholds?: Thresholds;
  /** `--attack ...`: what was crossed, kept in run.json so `--resume` crosses the same cases. */
  attack?: RunManifest['attack'];
  /**
   * The scenario an episode plays, written just before it starts (an adaptive attack's text from
   * the agent's own earlier episodes, src/security/adapt.ts). It may wait, with `settled`, for
   * episodes planned before it (never after: that could wait forever); a failure plays `loaded`.
   */
  prepare?: (episode: { episodeId: string; agent: string; trial: number; loaded: LoadedScenario }, run: PrepareContext) => Promise<LoadedScenario>;
}

export interface PrepareContext {
  runDir: string;
  /** Resolves when that episode's result is in results.jsonl: true, or false when it is not in this run. */
  settled(episodeId: string): Promise<boolean>;
}

export interface RunHooks {
  onStart?(episodeId: string, info: { agent: string; scenarioId: string; trial: number }): void;
  onRecord?(episodeId: string, record: TraceRecord): void;
  control?(episodeId: string): { beforeTurn(step: number): Promise<void> } | undefined;
  approve?: (episodeId: string, call: { step: number; tool: string; args: unknown; risk: readonly string[] }) => Promise<{ approved: true } | { approved: false; reason: string }>;
}

export interface RunOutcome {
  runDir: string;
  summary: Summary;
  /** Every episode's result, read from results.jsonl when asked for (a run does not hold them). */
  readonly results: EpisodeResult[];
  /** Episodes this invocation ran (on resume: only the missing and errored ones). */
  ran: number;
  /** The reporters that wrote the run's outputs. */
  reporters: Reporter[];
}

interface PlannedEpisode {
  episodeId: string;
  agent: string;
  trial: number;
  loaded: LoadedScenario;
}

/** `--device <name>[=<spec>]` resolved to its provider and checked before any episode. */
export async function resolveDevice(name: string | undefined, providers: Map<string, DeviceProvider> | undefined, config?: TripwireConfig) {
  if (!name) return undefined;
  const [kind, ...rest] = name.split('=');
  const spec = rest.length ? rest.join('=') : undefined;
  const provider = providers?.get(kind!);
  if (!provider) throw new TripwireError('usage', `unknown device "${kind}"; known: ${[...(providers?.keys() ?? [])].join(', ') || 'none'}`);
  const { create } = provider;
  if (!create) throw new TripwireError('usage', `device "${kind}" is a door (tripwire ${kind}), not a device to play episodes on; --device takes one of: ${[...providers!.values()].filter((p) => p.create).map((p) => p.name).join(', ')}`);
  const options = config?.devices[kind!] ?? {};
  await provider.check?.(spec, options);
  return { provider, spec, options, create: create.bind(provider) };
}

/** File-name-safe episode ids: `<agent>__<scenario>__t<trial>`. */
export function episodeId(agent: string, scenarioId: string, trial: number): string {
  return `${agent.replace(/[^A-Za-z0-9._-]+/g, '-')}__${scenarioId}__t${trial}`;
}

/** What `episodeId` makes: an id read back from a file is checked against it before it names a file. */
// A security case's scenario id is `<scenario>+<goal>@<attack>` (src/security/crossing.ts).
export const EPISODE_ID = /^[A-Za-z0-9._-]+__[a-z0-9][a-z0-9-]*(\+[a-z0-9][a-z0-9-]*@[a-z0-9][a-z0-9-]*)?__t[1-9][0-9]*$/;

export function newRunId(): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${Math.random().toString(16).slice(2, 6)}`;
}

/** At most this many characters of ended episodes' traces held for the report (see `held` in runBatch). */
const HELD_MAX = 32 * 1024 * 1024;

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  promise.catch(() => {});
  return { promise, resolve, reject };
}

/** An interrupted write can leave a last line without its newline; appending after it would corrupt both. */
function dropPartialLine(file: string): void {
  if (!existsSync(file)) return;
  const text = readFileSync(file, 'utf8');
  if (text === '' || text.endsWith('\n')) return;
  writeFileSync(file, text.slice(0, text.lastIndexOf('\n') + 1));
}

export function pointLatest(out: string, runDir: string): void {
  const link = join(out, 'latest');
  rmSync(link, { force: true, recursive: false });
  symlinkSync(basename(runDir), link, 'dir');
}

/**
 * Runs every (agent, scenario, trial) episode with bounded concurrency. Each result is appended to
 * results.jsonl as its episode ends, so an interrupted run loses nothing and can be resumed.
 */
export async function runBatch(o: RunOptions): Promise<RunOutcome> {
  const secrets = (o.secrets ?? new Secrets(processSecrets)).addFromEnv().addFromConfig(o.config);
  const registry = o.registry ?? bundledRegistry();
  // Resolved before any episode: an unknown reporter fails the run at once, not after it.
  const reporters = await resolveReporters(o.reporters, registry);
  const metrics = o.metrics ?? [...(await registry.list('metric')).values()];
  // `<agent>+<defense>...`: the agent under its defenses (src/defense); the agent is resolved once.
  const defenses = await registry.list('defense');
  const named = new Map(o.agents.map((name) => [name, parseDefended(name, defenses)]));
  const agents = new Map((await resolveAgents([...new Set([...named.values()].map((d) => d.base))], o.providers, o.config)).map((a) => [a.name, a]));
  const guarded = [...named.values()].some((d) => d.guarded);
  if (guarded && !o.guard) throw new TripwireError('usage', 'an agent named <agent>+guard needs a guard: --guard <agent or exec:command>');
  const guard = guarded ? await resolveGuard(o.guard!, await registry.list('guard'), o.config) : undefined;
  const device = await resolveDevice(o.device, o.devices, o.config);
  const judge = o.config?.judge && createJudge(o.config.judge, { secrets, cacheDir: judgeCache(o.config) });
  const runDir = o.resume ? resolve(o.resume) : resolve(o.out, o.runId ?? newRunId());
  const runId = basename(runDir);
  mkdirSync(join(runDir, 'traces'), { recursive: true });
  const resultsFile = join(runDir, 'results.jsonl');

  dropPartialLine(resultsFile);
  const fresh = !existsSync(resultsFile) || statSync(resultsFile).size === 0;
  const done = new Set((fresh ? [] : indexResults(resultsFile)).filter((r) => r.status !== 'error').map((r) => r.episodeId));
  const hashes = new Map<LoadedScenario['scenario'], string>();
  const plan: PlannedEpisode[] = [];
  const phone = typeof device?.provider.phone === 'function' ? device.provider.phone(device.spec, device.options) : device?.provider.phone;
  for (const agent of o.agents) {
    for (const loaded of o.scenarios) {
      // A phone scenario that does not list this device's phone (an emulator lacks its app) is not played on it.
      if (phone && device && loaded.scenario.environments[device.provider.environment] !== undefined && !loaded.scenario.devices.includes(phone)) continue;
      for (let trial = 1; trial <= o.trials; trial++) {
        const id = episodeId(agent, loaded.scenario.id, trial);
        if (!done.has(id) && inShard(id, o.shard)) plan.push({ episodeId: id, agent, trial, loaded });
      }
    }
  }
  // run.json lists every scenario with its content hash (~0.1 ms each; hundreds of scenarios made
  // the first model request wait for all of them): it is written while the first episodes start and
  // wait for their model, a few scenarios at a time, and always before any result is.
  const manifestWritten = (async () => {
    for (const [i, { scenario }] of o.scenarios.entries()) {
      if (i % 16 === 0) await new Promise((r) => setImmediate(r));
      if (!hashes.has(scenario)) hashes.set(scenario, scenarioHash(scenario));
    }
    const manifest: RunManifest = {
      runId,
      agents: o.agents,
      trials: o.trials,
      ...(o.device ? { device: o.device } : {}),
      ...(o.shard ? { shard: o.shard } : {}),
      ...(guard ? { guard: guard.name } : {}),
      ...(o.paths?.length ? { paths: o.paths.map((p) => resolve(p)) } : {}),
      ...(o.reporters?.length ? { reporters: o.reporters.map((r) => (typeof r === 'string' ? r : r.name)) } : {}),
      ...(o.thresholds ? { thresholds: o.thresholds } : {}),
      ...(o.attack ? { attack: o.attack } : {}),
      scenarios: o.scenarios.map(({ scenario: s }) => manifestScenario(s, hashes.get(s)!)),
    };
    writeFileAtomic(join(runDir, 'run.json'), `${secrets.redact(JSON.stringify(secrets.redactValue(manifest), null, 2))}\n`);
    return manifest;
  })();
  // Awaited by every episode before its result, and by the report: a failure (a full disk) fails the run.
  manifestWritten.catch(() => {});

  let finished = 0;
  // Each planned episode's end, for `prepare` (an adaptive attack waits for the agent's earlier episodes).
  const ended = new Map<string, { promise: Promise<boolean>; resolve: (v: boolean) => void }>();
  if (o.prepare) for (const p of plan) { let resolve!: (v: boolean) => void; ended.set(p.episodeId, { promise: new Promise((r) => (resolve = r)), resolve }); }
  const context: PrepareContext = { runDir, settled: (id) => (done.has(id) ? Promise.resolve(true) : (ended.get(id)?.promise ?? Promise.resolve(false))) };
  // Held open for the batch: each episode's line is written before the next step, the file opened once.
  const results = lineAppender(resultsFile);
  // The report is the results in report order (agents, scenarios, trials, as given). When that is the
  // plan's own order and results.jsonl starts empty, each result is fed to the reporters as soon as
  // it and all before it are written: the report is built while later episodes wait for their
  // model, not after the last one. It is read back from the file at the place it was written, as
  // the report reads results, so only places are held; a resume (earlier lines) or an adaptive
  // attack (its scenario chosen as it starts) builds the report after the episodes, from the file.
  const order = new Map(o.scenarios.map((s, i) => [s.scenario.id, i]));
  const reportOrder = (a: Pick<ResultRef, 'agent' | 'scenarioId' | 'trial'>, b: Pick<ResultRef, 'agent' | 'scenarioId' | 'trial'>) =>
    o.agents.indexOf(a.agent) - o.agents.indexOf(b.agent) || (order.get(a.scenarioId) ?? 0) - (order.get(b.scenarioId) ?? 0) || a.trial - b.trial;
  const asPlanned = (p: PlannedEpisode) => ({ agent: p.agent, scenarioId: p.loaded.scenario.id, trial: p.trial });
  const streamed = fresh && !o.prepare && new Set(plan.map((p) => p.episodeId)).size === plan.length
    && plan.every((p, i) => i === 0 || reportOrder(asPlanned(plan[i - 1]!), asPlanned(p)) <= 0);
  const written = streamed ? plan.map(() => deferred<ResultRef>()) : [];
  const slot = new Map(streamed ? plan.map((p, i) => [p.episodeId, written[i]!]) : []);
  let lines = 0;
  // Each ended episode's trace text, until the report has read it: the report parses it from here
  // instead of opening the file again (the same bytes). Bounded: past HELD_MAX (a slow episode
  // holding up the report order), traces are read from their files as before.
  const held = new Map<string, string>();
  let heldBytes = 0;
  async function* asWritten(): AsyncGenerator<EpisodeResult> {
    let fd: number | undefined;
    try {
      for (const w of written) {
        const ref = await w.promise;
        fd ??= openSync(resultsFile, 'r');
        yield readAt(resultsFile, ref, fd);
        const text = held.get(ref.episodeId);
        if (text !== undefined) (heldBytes -= text.length), held.delete(ref.episodeId);
      }
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
  const reportOptions = (manifest: RunManifest) => ({
    scenarios: manifest.scenarios, loadErrors: o.loadErrors ?? [], secrets, metrics, reporters,
    ...(o.reportLayout ? { layout: o.reportLayout } : {}), ...(o.thresholds ? { thresholds: o.thresholds } : {}),
    ...(streamed ? { heldTrace: (id: string) => held.get(id) } : {}),
  });
  const report = streamed ? manifestWritten.then((manifest) => buildReport(runDir, asWritten(), reportOptions(manifest))) : undefined;
  // A reporter's failure is the run's failure once every episode has ended, as when it is built after them.
  report?.catch(() => {});
  const play = async (p: PlannedEpisode, servers: ServerPool): Promise<void> => {
    const defended = named.get(p.agent)!;
    const { provider, spec, options } = agents.get(defended.base)!;
    const { scenario } = o.prepare ? await o.prepare(p, context).catch(() => p.loaded) : p.loaded;
    if (!hashes.has(scenario)) hashes.set(scenario, scenarioHash(scenario));
    const environments = Object.keys(scenario.environments).map((id) => o.environments.get(id)!);
    const sink = fileSink(join(runDir, 'traces', `${p.episodeId}.jsonl`), secrets, { keep: streamed && !judge }); // a judge appends to the file after
    let agentError: unknown;
    const played: Agent = await Promise.resolve()
      .then(() => createAgent(provider, spec, { scenarioId: scenario.id, trial: p.trial, random: createRandom(p.episodeId), options, episodeId: p.episodeId, secrets, ...(o.channels ? { channels: o.channels } : {}) }, scenario, { environments: o.environments, registry }))
      .catch((e: unknown) => {
        agentError = e;
        // An agent that cannot be created still yields a graded `error` episode, never a gap.
        return { act: () => { throw agentError; } };
      });
    const { agent, gate } = defendEpisode(played, defended, { ...(guard ? { guard } : {}), ...(o.config?.defenses ? { settings: o.config.defenses } : {}), secrets });
    o.hooks?.onStart?.(p.episodeId, { agent: p.agent, scenarioId: scenario.id, trial: p.trial });
    const onDevice = device && scenario.environments[device.provider.environment] !== undefined;
    const result = await runEpisode({
      episodeId: p.episodeId, scenario, environments, agentName: p.agent, agent, trial: p.trial, sink, limits: o.config?.limits,
      ...(scenario.servers ? { externals: servers.factories(scenario) } : {}),
      ...(onDevice ? { devices: { [device.provider.environment]: () => device.create(device.spec, { start: scenario.start, episodeId: p.episodeId, options: device.options }) } } : {}),
      listener: o.hooks?.onRecord && ((record) => o.hooks!.onRecord!(p.episodeId, record)),
      control: o.hooks?.control?.(p.episodeId),
      approve: o.hooks?.approve && ((call) => o.hooks!.approve!(p.episodeId, call)),
      ...(gate ? { gate } : {}),
    });
    await judgeEpisode(judge, scenario, result, join(runDir, 'traces', `${p.episodeId}.jsonl`), secrets);
    // A baseline that could not play what it was asked for says why, even when the episode went well.
    const note = agent.note;
    await manifestWritten;
    const recorded: EpisodeResult = { ...result, ...(note && !result.reason ? { reason: note } : {}), scenarioHash: hashes.get(scenario)!, ...observationOf(scenario.tags), ...securityField(scenario) };
    const line = `${secrets.redact(JSON.stringify(secrets.redactValue(recorded)))}\n`;
    const text = sink.text();
    if (text !== undefined && heldBytes + text.length <= HELD_MAX) (heldBytes += text.length), held.set(p.episodeId, text);
    const offset = results.line(line);
    slot.get(p.episodeId)?.resolve({ offset, length: Buffer.byteLength(line) - 1, line: lines++, episodeId: p.episodeId, agent: p.agent, scenarioId: recorded.scenarioId, trial: p.trial, status: recorded.status });
    ended.get(p.episodeId)?.resolve(true);
    o.onProgress?.(++finished, plan.length, recorded);
  };

  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(o.concurrency, plan.length)) }, async () => {
    // The worker's MCP servers kept across its episodes (`reuse: worker`), stopped when it has no more.
    const servers = new ServerPool();
    try {
      while (next < plan.length) {
        const p = plan[next++]!;
        await play(p, servers).finally(() => ended.get(p.episodeId)?.resolve(false));
      }
    } finally {
      await servers.close();
    }
  });
  // The run's guards (exec: its processes) outlive episodes; they stop with the run. (A worker still
  // playing when another failed the run opens results.jsonl again for its line.)
  await Promise.all(workers).finally(async () => {
    results.close();
    guard?.pool.close();
    // A failed run writes no report: the one under way stops at the first result it lacks.
    for (const w of written) w.reject(new TripwireError('internal', 'the run stopped before this episode was recorded'));
    // Whatever the outcome, run.json is written (or failed) before the run returns.
    return manifestWritten.catch(() => {});
  });

  // Results are read back one at a time, in report order, for the report; none is kept.
  const refs = streamed ? await Promise.all(written.map((w) => w.promise)) : indexResults(resultsFile).sort(reportOrder);
  const manifest = await manifestWritten;
  const summary = await (report ?? buildReport(runDir, streamResults(resultsFile, refs), reportOptions(manifest)));
  mkdirSync(o.out, { recursive: true });
  if (resolve(dirname(runDir)) === resolve(o.out)) pointLatest(o.out, runDir);
  return {
    runDir, summary, ran: plan.length, reporters,
    get results() {
      return [...streamResults(resultsFile, refs)];
    },
  };
}
