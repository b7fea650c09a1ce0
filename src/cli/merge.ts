import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { mergeRuns } from '../run/merge.ts';
import { loadConfig } from '../run/config.ts';
import { registryFor } from '../registry/registry.ts';
import { redact } from '../run/secrets.ts';
import { formatTable, plural } from '../report/table.ts';
import { shortPath } from './shared.ts';

/** `tripwire merge <run dirs...> [--out dir] [--config file]`: the shards of a run (`--shard i/n`) as one run folder. */
export async function mergeCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' }, config: { type: 'string' } } });
  const registry = registryFor((await loadConfig(values.config)).config);
  const merged = await mergeRuns(positionals, resolve(values.out ?? 'reports'), registry);
  console.log(redact(formatTable(merged.summary, [...(await registry.list('metric')).values()])));
  console.log(`\n${plural(merged.results.length, 'episode')} merged from ${plural(positionals.length, 'run folder')}; report: ${shortPath(join(merged.runDir, 'index.html'))}`);
  return 0;
}
