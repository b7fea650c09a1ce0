import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CODE_ROOT, importModule, MODULE_EXT } from '../scenario/modules.ts';
import { UsageError } from './shared.ts';

/**
 * A converter from another benchmark's task file to Tripwire scenario files. Content, like
 * environments and devices: each lives at `<content dir>/<name>/importer.ts` (bundled: android/msb)
 * and the CLI finds it there, so the engine never names a benchmark.
 */
export interface Importer {
  name: string;
  description: string;
  /** Where the scenario files go without --out. */
  defaultOut: string;
  /** How it can score imported tasks (`--scoring`), its default first; absent: one way only. */
  scorings?: readonly string[];
  /** Converts `file` into scenario files in `out`; lines for the user go to `log`. Returns the exit code. */
  run(file: string, out: string, log: (line: string) => void, options?: { scoring?: string }): Promise<number>;
}

export const IMPORTER_DIRS = [join(CODE_ROOT, 'android'), join(CODE_ROOT, 'environments')];

const isImporter = (v: unknown): v is Importer =>
  typeof v === 'object' && v !== null && typeof (v as Importer).name === 'string' && typeof (v as Importer).run === 'function';

export async function discoverImporters(dirs = IMPORTER_DIRS): Promise<Map<string, Importer>> {
  const found = new Map<string, Importer>();
  for (const dir of dirs) {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const file = join(dir, e.name, `importer${MODULE_EXT}`);
      if (!e.isDirectory() || !(await stat(file).then(() => true, () => false))) continue;
      const mod = (await importModule(file)) as { default?: unknown };
      if (!isImporter(mod.default)) throw new Error(`${file}: the default export is not an importer ({ name, description, defaultOut, run })`);
      if (found.has(mod.default.name)) throw new Error(`two importers are named "${mod.default.name}"`);
      found.set(mod.default.name, mod.default);
    }
  }
  return found;
}

export const IMPORT_HELP = `tripwire import <format> <task file> [--out <dir>]
  Converts another benchmark's task file into scenario files, one per task it can express, and
  lists every task it skipped with the reason (the importer may write a report there, e.g. _import-report.json).
      --out <dir>       where the scenario files go (default: the importer's, e.g. scenarios/msb)
      --scoring <name>  how the scenarios score, when the importer offers several (msb: msb, the
                        benchmark's own evaluators, by default; tripwire, Tripwire's reading)
`;

/** `tripwire import <format> <file>`: runs the importer named `format`. */
export async function importCommand(argv: string[], dirs = IMPORTER_DIRS): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' }, scoring: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  const importers = await discoverImporters(dirs);
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
