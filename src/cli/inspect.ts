import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { discoverEnvironments } from '../scenario/discover.ts';
import { latestPerEpisode, readResults } from '../report/summary.ts';
import { writeReport } from '../report/files.ts';
import { readManifest, readSummary } from '../report/read.ts';
import { redact } from '../run/secrets.ts';
import { columns, formatTable, plural } from '../report/table.ts';
import { ChannelRegistry } from '../agent/channel.ts';
import { Approvals } from '../viewer/approvals.ts';
import { startViewer } from '../viewer/server.ts';
import { load, positiveInt, printLoadErrors, untilInterrupted, UsageError } from './shared.ts';
import { coverageEntry } from '../scenario/coverage.ts';
import { formatCoverage } from './coverage.ts';

/** Commands that look at content and finished runs: list, tools, report, watch. */
export async function watchCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { host: { type: 'string' }, port: { type: 'string' } } });
  const runDir = positionals[0] ?? join('reports', 'latest');
  if (!existsSync(join(runDir, 'run.json'))) throw new UsageError(`tripwire watch <run dir>: ${runDir} has no run.json`);
  const manifest = readManifest(join(runDir, 'run.json'));
  const { environments, scenarios } = await load(manifest.paths ?? [], manifest.scenarios.map((s) => s.id));
  // A finished run: its registry and approvals stay empty, nothing is running to act on.
  const viewer = await startViewer({ scenarios, environments, runDir, host: values.host, port: values.port ? positiveInt(values.port, 'port', 0) : undefined, channels: new ChannelRegistry(), approvals: new Approvals() });
  for (const w of viewer.warnings) console.warn(`warning: ${w}`);
  console.log(`viewer: ${viewer.url} (Ctrl-C to stop)`);
  await untilInterrupted();
  await viewer.close();
  return 0;
}

export async function listCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: { scenario: { type: 'string', multiple: true }, json: { type: 'boolean' }, coverage: { type: 'boolean' } },
  });
  const { scenarios, errors } = await load(positionals, values.scenario ?? []);
  if (values.json) {
    console.log(redact(JSON.stringify(scenarios.map(({ scenario }) => coverageEntry(scenario)), null, 2)));
    printLoadErrors(errors);
    return errors.length ? 1 : 0;
  }
  if (values.coverage) {
    console.log(formatCoverage(scenarios.map(({ scenario }) => coverageEntry(scenario))));
    printLoadErrors(errors);
    return errors.length ? 1 : 0;
  }
  const rows = scenarios.map(({ scenario: s }) => [
    s.id, s.risk, s.fulfillable ? 'fulfillable' : 'unfulfillable', Object.keys(s.environments).join('+'), s.tags.join(','), s.title,
  ]);
  console.log(redact(columns([['id', 'risk', 'kind', 'environments', 'tags', 'title'], ...rows], rows[0]?.map(() => 'left'))));
  console.log(`\n${plural(scenarios.length, 'scenario')}`);
  printLoadErrors(errors);
  return errors.length ? 1 : 0;
}

export function reportCommand(argv: string[]): number {
  const dir = argv[0];
  if (!dir || !existsSync(join(dir, 'run.json'))) throw new UsageError('tripwire report <run dir>: a folder with run.json');
  const manifest = readManifest(join(dir, 'run.json'));
  const prior = existsSync(join(dir, 'summary.json')) ? readSummary(join(dir, 'summary.json')) : undefined;
  const results = latestPerEpisode(readResults(join(dir, 'results.jsonl')));
  const summary = writeReport(resolve(dir), results, manifest.scenarios, prior?.loadErrors ?? []);
  console.log(redact(formatTable(summary)));
  console.log(`\nreport: ${join(dir, 'index.html')}`);
  return 0;
}

/** `tripwire tools [env...]`: each environment's tools, what they risk and the arguments they take. */
export async function toolsCommand(argv: string[]): Promise<number> {
  const environments = await discoverEnvironments();
  const wanted = argv.length ? argv : [...environments.keys()].sort();
  const unknown = wanted.filter((id) => !environments.has(id));
  if (unknown.length) throw new UsageError(`unknown environment ${unknown.join(', ')}; known: ${[...environments.keys()].join(', ')}`);
  for (const id of wanted) {
    const env = environments.get(id)!;
    const rows = (tools: typeof env.tools) => tools.map((t) => {
      const schema = z.toJSONSchema(t.parameters, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown>; required?: string[] };
      const args = Object.keys(schema.properties ?? {}).map((k) => (schema.required?.includes(k) ? k : `${k}?`));
      return [t.name, t.kind, (t.risk ?? []).join(',') || '-', args.join(', ')];
    });
    const head = ['tool', 'kind', 'risk', 'arguments'];
    const align = ['left', 'left', 'left', 'left'] as const;
    console.log(`${id}: ${env.title}\n${columns([head, ...rows(env.tools)], [...align])}\n`);
    // Offered only where a scenario's seed names them (a benchmark task's shortcut actions).
    if (env.optionalTools?.length) console.log(`${id}, optional (offered where a scenario's seed lists them):\n${columns([head, ...rows(env.optionalTools)], [...align])}\n`);
  }
  return 0;
}
