import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { latestPerEpisode, readResults } from '../report/summary.ts';
import { rebuildReport } from '../report/files.ts';
import { loadConfig } from '../run/config.ts';
import { registryFor } from '../registry/registry.ts';
import { readManifest, readSummary } from '../report/read.ts';
import { redact } from '../run/secrets.ts';
import { formatTable } from '../report/table.ts';
import { ChannelRegistry } from '../agent/channel.ts';
import { Approvals } from '../viewer/approvals.ts';
import { startViewer } from '../viewer/server.ts';
import { load, positiveInt, untilInterrupted, UsageError } from './shared.ts';

/** Commands that look at finished runs: report, watch (apart from list's, so listing loads no viewer). */
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

export async function reportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { config: { type: 'string' } } });
  const dir = positionals[0];
  if (!dir || !existsSync(join(dir, 'run.json'))) throw new UsageError('tripwire report <run dir> [--config <file>]: a folder with run.json');
  // The config's plug-ins: a reporter or metric of the user's is rebuilt like Tripwire's own.
  const registry = registryFor((await loadConfig(values.config)).config);
  const manifest = readManifest(join(dir, 'run.json'));
  const prior = existsSync(join(dir, 'summary.json')) ? readSummary(join(dir, 'summary.json')) : undefined;
  const results = latestPerEpisode(readResults(join(dir, 'results.jsonl')));
  const summary = await rebuildReport(resolve(dir), results, manifest, { loadErrors: prior?.loadErrors ?? [], registry });
  console.log(redact(formatTable(summary, [...(await registry.list('metric')).values()])));
  console.log(`\nreport: ${join(dir, 'index.html')}`);
  return 0;
}
