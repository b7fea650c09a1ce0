import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { mergeRuns } from '../run/merge.ts';
import { redact } from '../run/secrets.ts';
import { formatTable, plural } from '../report/table.ts';
import { shortPath } from './shared.ts';

/** `tripwire merge <run dirs...> [--out dir]`: the shards of a run (`--shard i/n`) as one run folder. */
export function mergeCommand(argv: string[]): number {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' } } });
  const merged = mergeRuns(positionals, resolve(values.out ?? 'reports'));
  console.log(redact(formatTable(merged.summary)));
  console.log(`\n${plural(merged.results.length, 'episode')} merged from ${plural(positionals.length, 'run folder')}; report: ${shortPath(join(merged.runDir, 'index.html'))}`);
  return 0;
}
