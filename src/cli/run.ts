import { existsSync } from 'node:fs';
import { JudgeConfig } from '../run/judge.ts';
import type { TripwireConfig } from '../run/config.ts';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../run/config.ts';
import { registryFor } from '../registry/registry.ts';
import { runBatch, type RunManifest } from '../run/run.ts';
import { parseShard } from '../run/shard.ts';
import { runSecrets } from '../run/secrets.ts';
import { selfCheck } from '../checker/selfCheck.ts';
import { readManifest } from '../report/read.ts';
import { scenarioHash } from '../scenario/fingerprint.ts';
import { parseThresholds, thresholdFailures } from '../report/thresholds.ts';
import { TripwireError } from '../engine/errors.ts';
import { formatTable, plural } from '../report/table.ts';
import { ChannelRegistry } from '../agent/channel.ts';
import { expandAgents } from '../defense/resolve.ts';
import { Approvals } from '../viewer/approvals.ts';
import { startViewer } from '../viewer/server.ts';
import { load, positiveInt, printLoadErrors, shortPath, untilInterrupted, UsageError } from './shared.ts';
import { ATTACK_OPTIONS, securityScenarios, selectionOf } from './security.ts';

/** Exit codes of `tripwire run` (documented in the README): a CI job branches on them. */
export const EXIT = { ok: 0, threshold: 1, usage: 2, errored: 3 } as const;

function nonNegativeInt(value: string | undefined, name: string): number {
  if (value === undefined) return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || value.trim() === '') throw new UsageError(`--${name} must be a whole number, got "${value}"`);
  return n;
}

function progress(total: number): (done: number, all: number, r: { episodeId: string; status: string }) => void {
  const tty = process.stderr.isTTY;
  const every = Math.max(1, Math.floor(total / 20));
  return (done, all, r) => {
    const line = `[${done}/${all}] ${r.episodeId} ${r.status}`;
    if (tty) process.stderr.write(`\r\x1b[2K${line}${done === all ? '\n' : ''}`);
    else if (done % every === 0 || done === all) process.stderr.write(`${line}\n`);
  };
}

export async function runCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      agent: { type: 'string', multiple: true },
      scenario: { type: 'string', multiple: true },
      trials: { type: 'string' },
      concurrency: { type: 'string' },
      out: { type: 'string' },
      resume: { type: 'string' },
      'max-tokens': { type: 'string' },
      'max-time': { type: 'string' },
      cache: { type: 'string' },
      judge: { type: 'string' },
      config: { type: 'string' },
      watch: { type: 'boolean' },
      approve: { type: 'string' },
      device: { type: 'string' },
      shard: { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      'fail-under': { type: 'string' },
      'max-errors': { type: 'string' },
      reporter: { type: 'string', multiple: true },
      otlp: { type: 'string' },
      defense: { type: 'string', multiple: true },
      guard: { type: 'string' },
      ...ATTACK_OPTIONS,
    },
  });
  const thresholds = values['fail-under'] === undefined ? undefined : parseThresholds(values['fail-under']);
  if (typeof thresholds === 'string') throw new UsageError(thresholds);
  const maxErrors = nonNegativeInt(values['max-errors'], 'max-errors');
  if (values.approve !== undefined && values.approve !== 'risky') throw new UsageError('--approve takes "risky"');
  if (values.approve && !values.watch) throw new UsageError('--approve needs --watch: approvals happen in the viewer');
  let manifest: RunManifest | undefined;
  if (values.resume) {
    const file = join(values.resume, 'run.json');
    if (!existsSync(file)) throw new UsageError(`--resume ${values.resume}: no run.json there; is it a run folder?`);
    manifest = readManifest(file);
  }
  // An attack run resumes by crossing again what it crossed (the same filters, selection and seed give the same cases).
  const attack = manifest?.attack;
  const filters = values.scenario ?? (attack ? (attack.scenarios ?? []) : manifest ? manifest.scenarios.map((s) => s.id) : []);
  const paths = positionals.length ? positionals : (manifest?.paths ?? []);
  const { config } = await loadConfig(values.config).catch((e: unknown) => {
    throw new TripwireError('config', (e as Error).message, { cause: e });
  });
  // One registry for the run: Tripwire's plug-ins and the config's (environments, agents, devices, reporters, metrics).
  const registry = registryFor(config);
  const loaded = await load(paths, filters, registry);
  const { environments, errors } = loaded;
  printLoadErrors(errors);
  // --attack: the bases once each, then their security cases (src/security/, docs/security-testing.md).
  const selection = selectionOf(values) ?? (attack ? { attacks: attack.attacks, ...(attack.goals ? { goals: attack.goals } : {}), ...(attack.sample !== undefined ? { sample: attack.sample } : {}), ...(attack.seed !== undefined ? { seed: attack.seed } : {}) } : undefined);
  const crossed = selection ? await securityScenarios(loaded.scenarios, environments, registry, selection, config.agents) : undefined;
  const scenarios = crossed?.scenarios ?? loaded.scenarios;
  // Cases that are not sound are left out (as `tripwire check --attack` reports them): said, so a
  // run of fewer cases than `tripwire list --attack` shows, or of none, is not a mystery.
  if (crossed?.unsound) console.error(`${plural(crossed.unsound, 'security case')} not sound, left out of the run (tripwire check --attack ... says why)`);
  if (manifest) warnChanged(manifest, scenarios);
  // --defense a,b and --guard add each agent again as <agent>+a, <agent>+b, <agent>+guard (src/defense/resolve.ts).
  const guard = values.guard ?? manifest?.guard;
  const defenseNames = (values.defense ?? []).flatMap((d) => d.split(',')).map((d) => d.trim()).filter(Boolean);
  const agents = expandAgents(values.agent ?? manifest?.agents ?? ['oracle', 'reckless'], defenseNames, values.guard !== undefined, defenseNames.length ? await registry.list('defense') : new Map());
  const trials = positiveInt(values.trials, 'trials', manifest?.trials ?? 1);
  const out = resolve(values.out ?? (values.resume ? join(values.resume, '..') : 'reports'));
  if (scenarios.length === 0) {
    console.error('no scenarios to run');
    return EXIT.usage;
  }
  for (const { scenario } of scenarios) {
    for (const problem of selfCheck(scenario, Object.keys(scenario.environments).map((id) => environments.get(id)!))) {
      console.error(`warning: ${scenario.id} grades itself wrong: ${problem} (tripwire check rejects it)`);
    }
  }
  if (values['max-tokens']) config.limits.tokens = positiveInt(values['max-tokens'], 'max-tokens', 0);
  if (values['max-time']) config.limits.wallMs = positiveInt(values['max-time'], 'max-time', 0) * 1000;
  if (values.cache !== undefined) config.cache = values.cache || true;
  if (values.judge !== undefined) config.judge = judgeFromAgent(config, values.judge);
  const providers = await registry.list('agent');
  const metrics = [...(await registry.list('metric')).values()];
  // One set of secrets for this run: everything it writes and prints is redacted with it.
  const secrets = runSecrets(config);
  // The run's own channels and approvals, shared by the run and its viewer: nothing global.
  const channels = values.watch ? new ChannelRegistry() : undefined;
  const viewer = values.watch
    ? await startViewer({ scenarios, environments, host: values.host, port: values.port ? positiveInt(values.port, 'port', 0) : undefined, approveRisky: values.approve === 'risky', channels, approvals: new Approvals(), secrets })
    : undefined;
  for (const w of viewer?.warnings ?? []) console.warn(`warning: ${w}`);
  if (viewer) console.log(`viewer: ${viewer.url}`);
  const device = values.device ?? manifest?.device;
  const shard = values.shard !== undefined ? parseShard(values.shard) : manifest?.shard;
  const outcome = await runBatch({
    hooks: viewer?.hooks, secrets,
    channels,
    ...(device ? { device, devices: await registry.list('device') } : {}),
    ...(shard ? { shard } : {}),
    ...(guard ? { guard } : {}),
    agents, trials, scenarios, environments, providers, out, config, paths, metrics, registry,
    // A resumed run keeps the reporters it had; any registered name is taken (the config's too).
    reporters: withOtlp(values.reporter ?? manifest?.reporters ?? [], values.otlp),
    ...(thresholds ? { thresholds } : {}),
    concurrency: positiveInt(values.concurrency, 'concurrency', 4),
    resume: values.resume,
    ...(selection ? { attack: { attacks: [...selection.attacks], ...(selection.goals ? { goals: [...selection.goals] } : {}), ...(selection.sample !== undefined ? { sample: selection.sample } : {}), ...(selection.seed !== undefined ? { seed: selection.seed } : {}), ...(filters.length ? { scenarios: filters } : {}) } } : {}),
    ...(crossed?.prepare ? { prepare: crossed.prepare } : {}),
    loadErrors: errors,
    onProgress: progress(Math.ceil((scenarios.length * agents.length * trials) / (shard?.count ?? 1))),
  });
  console.log(secrets.redact(formatTable(outcome.summary, metrics)));
  console.log(`\n${plural(outcome.ran, 'episode')} run; report: ${shortPath(join(outcome.runDir, 'index.html'))}`);
  const errored = outcome.summary.agents.reduce((n, a) => n + a.errors, 0);
  const misses = thresholds ? thresholdFailures(outcome.summary, thresholds) : [];
  for (const r of outcome.reporters) if (r.file && !r.auto) console.log(`${r.name}: ${shortPath(join(outcome.runDir, r.file))}`);
  for (const miss of misses) console.error(secrets.redact(`fail-under: ${miss}`));
  if (errored > maxErrors) console.error(`${plural(errored, 'episode')} errored (ungraded; --max-errors ${maxErrors}): see the reasons in the report`);
  if (viewer) {
    console.log(`viewer still at ${viewer.url} (Ctrl-C to stop)`);
    await untilInterrupted();
    await viewer.close();
  }
  // The most fundamental problem decides: an incomplete scenario set, then untrusted numbers, then the gate.
  if (errors.length) return EXIT.usage;
  if (errored > maxErrors) return EXIT.errored;
  if (misses.length) return EXIT.threshold;
  return EXIT.ok;
}

/**
 * A resumed run whose scenarios changed since it began (an edited file, another goal library) would
 * mix two versions in one report: said, by id. An adaptive attack's cases are written per agent, so
 * their planned hash is only the offline text's.
 */
function warnChanged(manifest: RunManifest, scenarios: readonly { scenario: Parameters<typeof scenarioHash>[0] }[]): void {
  const now = new Map(scenarios.map(({ scenario }) => [scenario.id, scenarioHash(scenario)]));
  const changed = manifest.scenarios.filter((s) => s.hash !== undefined && now.has(s.id) && now.get(s.id) !== s.hash).map((s) => s.id);
  const gone = manifest.scenarios.filter((s) => !now.has(s.id)).map((s) => s.id);
  if (changed.length) console.error(`warning: --resume: ${plural(changed.length, 'scenario')} changed since the run began: ${changed.slice(0, 5).join(', ')}${changed.length > 5 ? ', ...' : ''}`);
  if (gone.length) console.error(`warning: --resume: ${plural(gone.length, 'scenario')} of the run no longer load: ${gone.slice(0, 5).join(', ')}${gone.length > 5 ? ', ...' : ''}`);
}

/** `--judge <agent>`: a named agent of the config (an OpenAI-compatible model) used as the judge. */
function judgeFromAgent(config: TripwireConfig, name: string): JudgeConfig {
  const agent = config.agents[name];
  if (!agent) throw new UsageError(`--judge ${name}: no agent "${name}" in the config; known: ${Object.keys(config.agents).join(', ') || 'none'}`);
  const parsed = JudgeConfig.safeParse({ model: agent.model, baseURL: agent.baseURL, apiKeyEnv: agent.apiKeyEnv });
  if (!parsed.success) throw new UsageError(`--judge ${name}: the agent needs a model (and may give baseURL, apiKeyEnv)`);
  return parsed.data;
}

/** `--otlp <url>`: the OTLP endpoint for this process (as OTEL_EXPORTER_OTLP_ENDPOINT would name it), and the otel reporter on. */
function withOtlp(reporters: string[], url: string | undefined): string[] {
  if (url === undefined) return reporters;
  if (!/^https?:\/\//.test(url)) throw new UsageError(`--otlp wants an http(s) URL, got "${url}"`);
  process.env.OTEL_EXPORTER_OTLP_ENDPOINT = url;
  return reporters.includes('otel') ? reporters : [...reporters, 'otel'];
}
