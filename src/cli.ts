import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from './config.ts';
import { addSecretsFromEnv, redact } from './secrets.ts';
import { discoverAgentProviders, discoverEnvironments, PACKAGE_ROOT } from './discover.ts';
import { matchesAny } from './filter.ts';
import { loadScenarios, type LoadError } from './load.ts';
import { readResults, latestPerEpisode } from './summary.ts';
import { writeReport } from './reportFiles.ts';
import { runBatch, type RunManifest } from './run.ts';
import { columns, formatTable } from './table.ts';
import { startViewer } from './viewer/server.ts';
import { checkCommand } from './checkCommand.ts';
import { scenarioTemplate } from './scaffold.ts';
import { scenarioJsonSchema } from './scenarioSchema.ts';

const HELP = `tripwire: an agent-safety simulation sandbox

Usage:
  tripwire run [paths...]      run scenarios (default: the bundled ones) and write a report
      --agent <name>           repeatable; default: oracle and reckless
      --scenario <id|glob>     repeatable filter over scenario ids
      --trials <n>             trials per scenario and agent (default 1)
      --concurrency <n>        episodes at once (default 4)
      --out <dir>              where run folders go (default ./reports); <out>/latest is the newest
      --resume <run dir>       run only the missing and errored episodes of an earlier run
      --max-tokens <n>         per-episode limit on model tokens (status: limit)
      --max-time <seconds>     per-episode wall-time limit (status: limit)
      --cache [dir]            replay model responses from an on-disk cache (default .tripwire-cache)
      --config <file>          config file (default: tripwire.config.ts, .js or .json here)
      --watch                  serve the live viewer while it runs (and after, until Ctrl-C)
      --approve risky          with --watch: hold every risky tool call for a person's approval
      --host <addr>, --port <n>  where the viewer listens (default 127.0.0.1, any free port)
  tripwire watch <run dir>     serve the viewer for a finished run (default reports/latest)
  tripwire list [paths...]     list scenarios (and the files that fail to load)
      --scenario <id|glob>
  tripwire report <run dir>    rebuild summary.json and index.html from results and traces
  tripwire check [filter|path] prove scenarios sound: a safe and helpful path exists, the hazard
                               is reachable (exit 1 when one is not)
  tripwire new scenario <id> --env email,bank [--out file]   write a commented scenario template
  tripwire schema [--out file] the JSON Schema of scenario files (for editors)

Agents: oracle (the checker's shortest safe and helpful path), reckless (its shortest path to
        the literal goal, ignoring safety), reference:safe, reference:unsafe (each scenario's
        hand-written trajectories),
        scripted:<file.json|yaml> (a list of actions, or scenario id -> actions),
        openai:<model> (any OpenAI-compatible API: OPENAI_BASE_URL, OPENAI_API_KEY),
        or a name from the config file's agents.
`;

const shortPath = (p: string) => (relative(process.cwd(), p).startsWith('..') ? p : relative(process.cwd(), p));

class UsageError extends Error {}

function positiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive integer, got "${value}"`);
  return n;
}

function printLoadErrors(errors: LoadError[]): void {
  for (const e of errors) console.error(redact(`error: ${e.file}: ${e.field}: ${e.message}`));
}

async function load(paths: string[], filters: string[]) {
  const environments = await discoverEnvironments();
  const roots = paths.length ? paths : [join(PACKAGE_ROOT, 'scenarios')];
  const { scenarios, errors } = await loadScenarios(roots, environments);
  return { environments, scenarios: scenarios.filter((s) => matchesAny(s.scenario.id, filters)), errors };
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

async function run(argv: string[]): Promise<number> {
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
      config: { type: 'string' },
      watch: { type: 'boolean' },
      approve: { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
    },
  });
  if (values.approve !== undefined && values.approve !== 'risky') throw new UsageError('--approve takes "risky"');
  if (values.approve && !values.watch) throw new UsageError('--approve needs --watch: approvals happen in the viewer');
  let manifest: RunManifest | undefined;
  if (values.resume) {
    const file = join(values.resume, 'run.json');
    if (!existsSync(file)) throw new UsageError(`--resume ${values.resume}: no run.json there; is it a run folder?`);
    manifest = JSON.parse(readFileSync(file, 'utf8')) as RunManifest;
  }
  const filters = values.scenario ?? (manifest ? manifest.scenarios.map((s) => s.id) : []);
  const paths = positionals.length ? positionals : (manifest?.paths ?? []);
  const { environments, scenarios, errors } = await load(paths, filters);
  printLoadErrors(errors);
  const agents = values.agent ?? manifest?.agents ?? ['oracle', 'reckless'];
  const trials = positiveInt(values.trials, 'trials', manifest?.trials ?? 1);
  const out = resolve(values.out ?? (values.resume ? join(values.resume, '..') : 'reports'));
  if (scenarios.length === 0) {
    console.error('no scenarios to run');
    return 1;
  }
  const { config } = await loadConfig(values.config);
  if (values['max-tokens']) config.limits.tokens = positiveInt(values['max-tokens'], 'max-tokens', 0);
  if (values['max-time']) config.limits.wallMs = positiveInt(values['max-time'], 'max-time', 0) * 1000;
  if (values.cache !== undefined) config.cache = values.cache || true;
  const providers = await discoverAgentProviders();
  const viewer = values.watch
    ? await startViewer({ scenarios, environments, host: values.host, port: values.port ? positiveInt(values.port, 'port', 0) : undefined, approveRisky: values.approve === 'risky' })
    : undefined;
  if (viewer) console.log(`viewer: ${viewer.url}`);
  const outcome = await runBatch({
    hooks: viewer?.hooks,
    agents, trials, scenarios, environments, providers, out, config, paths,
    concurrency: positiveInt(values.concurrency, 'concurrency', 4),
    resume: values.resume,
    loadErrors: errors,
    onProgress: progress(scenarios.length * agents.length * trials),
  });
  console.log(redact(formatTable(outcome.summary)));
  console.log(`\n${outcome.ran} episodes run; report: ${shortPath(join(outcome.runDir, 'index.html'))}`);
  if (viewer) {
    console.log(`viewer still at ${viewer.url} (Ctrl-C to stop)`);
    await untilInterrupted();
    await viewer.close();
  }
  return errors.length ? 1 : 0;
}

function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

async function watch(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { host: { type: 'string' }, port: { type: 'string' } } });
  const runDir = positionals[0] ?? join('reports', 'latest');
  if (!existsSync(join(runDir, 'run.json'))) throw new UsageError(`tripwire watch <run dir>: ${runDir} has no run.json`);
  const manifest = JSON.parse(readFileSync(join(runDir, 'run.json'), 'utf8')) as RunManifest;
  const { environments, scenarios } = await load(manifest.paths ?? [], manifest.scenarios.map((s) => s.id));
  const viewer = await startViewer({ scenarios, environments, runDir, host: values.host, port: values.port ? positiveInt(values.port, 'port', 0) : undefined });
  console.log(`viewer: ${viewer.url} (Ctrl-C to stop)`);
  await untilInterrupted();
  await viewer.close();
  return 0;
}

async function list(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { scenario: { type: 'string', multiple: true } } });
  const { scenarios, errors } = await load(positionals, values.scenario ?? []);
  const rows = scenarios.map(({ scenario: s }) => [
    s.id, s.risk, s.fulfillable ? 'fulfillable' : 'unfulfillable', Object.keys(s.environments).join('+'), s.tags.join(','), s.title,
  ]);
  console.log(columns([['id', 'risk', 'kind', 'environments', 'tags', 'title'], ...rows], rows[0]?.map(() => 'left')));
  console.log(`\n${scenarios.length} scenarios`);
  printLoadErrors(errors);
  return errors.length ? 1 : 0;
}

function report(argv: string[]): number {
  const dir = argv[0];
  if (!dir || !existsSync(join(dir, 'run.json'))) throw new UsageError('tripwire report <run dir>: a folder with run.json');
  const manifest = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as RunManifest;
  const prior = existsSync(join(dir, 'summary.json')) ? JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) : {};
  const results = latestPerEpisode(readResults(join(dir, 'results.jsonl')));
  const summary = writeReport(resolve(dir), results, manifest.scenarios, prior.loadErrors ?? []);
  console.log(redact(formatTable(summary)));
  console.log(`\nreport: ${join(dir, 'index.html')}`);
  return 0;
}

/** `--cache` may come without a folder: parseArgs needs a value, so a bare flag gets an empty one. */
function bareCache(argv: string[]): string[] {
  return argv.flatMap((a, i) => (a === '--cache' && (argv[i + 1] === undefined || argv[i + 1]!.startsWith('--')) ? ['--cache', ''] : [a]));
}

async function scaffold(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { env: { type: 'string' }, out: { type: 'string' } } });
  const [kind, id] = positionals;
  if (kind !== 'scenario' || !id || !/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new UsageError('tripwire new scenario <id> --env <env,...>: the id in lower-case letters, digits and dashes');
  const environments = await discoverEnvironments();
  const wanted = (values.env ?? 'email').split(',').map((e) => e.trim()).filter(Boolean);
  const unknown = wanted.filter((e) => !environments.has(e));
  if (unknown.length) throw new UsageError(`unknown environment ${unknown.join(', ')}; known: ${[...environments.keys()].join(', ')}`);
  const file = resolve(values.out ?? join('scenarios', wanted[0]!, `${id}.yaml`));
  if (existsSync(file)) throw new UsageError(`${file} exists; choose another id or --out`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, scenarioTemplate(id, wanted.map((e) => environments.get(e)!), file));
  console.log(`wrote ${shortPath(file)}: fill in the TODOs, then tripwire check ${shortPath(file)}`);
  return 0;
}

async function schema(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { out: { type: 'string' } } });
  const text = `${JSON.stringify(scenarioJsonSchema(await discoverEnvironments()), null, 2)}\n`;
  if (values.out) writeFileSync(values.out, text);
  else process.stdout.write(text);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  addSecretsFromEnv();
  const [command, ...rest] = bareCache(argv);
  try {
    switch (command) {
      case 'run': return await run(rest);
      case 'list': return await list(rest);
      case 'report': return report(rest);
      case 'watch': return await watch(rest);
      case 'check': return await checkCommand(rest);
      case 'new': return await scaffold(rest);
      case 'schema': return await schema(rest);
      case undefined: case 'help': case '--help': case '-h':
        console.log(HELP);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(redact(`tripwire: ${(e as Error).message}\n\n${HELP}`));
      return 2;
    }
    console.error(redact(`tripwire: ${(e as Error).message}`));
    return 1;
  }
}
