/**
 * A converter from another benchmark's task file to Tripwire scenario files (`tripwire import
 * <name>`). A plug-in like any other: it lives at `<content root>/<name>/importer.ts` (bundled:
 * android/msb) and the registry finds it there, so the engine never names a benchmark.
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

export function defineImporter(importer: Importer): Importer {
  return importer;
}
