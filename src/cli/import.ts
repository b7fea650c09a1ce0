import { parseArgs } from 'node:util';
import { bundledRegistry, type Registry } from '../registry/registry.ts';
import { UsageError } from './shared.ts';

export type { Importer } from '../registry/importer.ts';

export const IMPORT_HELP = `tripwire import <format> <task file> [--out <dir>]
  Converts another benchmark's task file into scenario files, one per task it can express, and
  lists every task it skipped with the reason (the importer may write a report there, e.g. _import-report.json).
      --out <dir>       where the scenario files go (default: the importer's, e.g. scenarios/msb)
      --scoring <name>  how the scenarios score, when the importer offers several (msb: msb, the
                        benchmark's own evaluators, by default; tripwire, Tripwire's reading)
`;

/** `tripwire import <format> <file>`: runs the importer named `format`. */
export async function importCommand(argv: string[], registry: Registry = bundledRegistry()): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' }, scoring: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  const importers = await registry.list('importer');
  const formats = [...importers.values()].map((i) => `  ${i.name.padEnd(8)} ${i.description}`).join('\n');
  if (values.help) {
    console.log(`${IMPORT_HELP}\nFormats:\n${formats}`);
    return 0;
  }
  const [format, file] = positionals;
  if (!format || !file) throw new UsageError(`import needs a format and a task file\n\n${IMPORT_HELP}\nFormats:\n${formats}`);
  const importer = importers.get(format);
  if (!importer) throw new UsageError(`unknown import format "${format}"; known: ${[...importers.keys()].join(', ') || '(none)'}`);
  const scoring = values.scoring;
  if (scoring !== undefined && !importer.scorings?.includes(scoring)) {
    throw new UsageError(`the ${format} importer has no scoring "${scoring}"; known: ${importer.scorings?.join(', ') || '(none: it scores one way)'}`);
  }
  return importer.run(file, values.out ?? importer.defaultOut, (line) => console.log(line), scoring === undefined ? {} : { scoring });
}
