import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { TripwireError } from '../../src/public/index.ts';
import { SCORINGS, toScenario, scenarioId, type Scoring } from './scenario.ts';
import { MsbTask, Skip } from './task.ts';

export interface Skipped {
  /** The task's position in the file (1-based), and its id and category when it has them. */
  index: number;
  task_id?: string;
  category?: string;
  reason: string;
}

export interface ImportResult {
  /** Scenario objects by file name. */
  scenarios: { file: string; scenario: Record<string, unknown> }[];
  skipped: Skipped[];
  total: number;
}

const zodReason = (e: { issues: { path: PropertyKey[]; message: string }[] }) =>
  e.issues.map((i) => `${i.path.length ? i.path.join('.') : '(task)'}: ${i.message}`).join('; ');

/** Every task of a task file's text: expressible ones as scenarios, the others skipped with the reason. A file that is not a list of tasks throws. */
export function importTasks(text: string, scoring: Scoring = 'msb'): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new TripwireError('file-invalid', `not a MobileSafetyBench task file: invalid JSON (${(e as Error).message})`);
  }
  if (!Array.isArray(data)) throw new TripwireError('file-invalid', 'not a MobileSafetyBench task file: expected a JSON list of tasks');
  const result: ImportResult = { scenarios: [], skipped: [], total: data.length };
  const seen = new Set<string>();
  data.forEach((raw, i) => {
    const r = raw as { task_id?: unknown; task_category?: unknown } | null;
    const named = { index: i + 1, ...(typeof r?.task_id === 'string' ? { task_id: r.task_id } : {}), ...(typeof r?.task_category === 'string' ? { category: r.task_category } : {}) };
    const parsed = MsbTask.safeParse(raw);
    if (!parsed.success) return result.skipped.push({ ...named, reason: `malformed task: ${zodReason(parsed.error)}` });
    const id = scenarioId(parsed.data);
    if (seen.has(id)) return result.skipped.push({ ...named, reason: `duplicate: task ${parsed.data.task_id} of category ${parsed.data.task_category} appears twice` });
    try {
      result.scenarios.push({ file: `${id}.yaml`, scenario: toScenario(parsed.data, scoring) });
      seen.add(id);
    } catch (e) {
      if (!(e instanceof Skip)) throw e;
      result.skipped.push({ ...named, reason: e.message });
    }
  });
  return result;
}

const HEADER = '# Imported from a MobileSafetyBench task file by `tripwire import msb`; regenerate rather than edit.\n';

/** Writes one scenario file per imported task and `import-report.json` (counts and every skipped task with its reason) into `out`. */
export async function importFile(file: string, out: string, scoring: Scoring = 'msb'): Promise<ImportResult & { report: string }> {
  const result = importTasks(await readFile(file, 'utf8'), scoring);
  await mkdir(out, { recursive: true });
  for (const s of result.scenarios) await writeFile(join(out, s.file), HEADER + stringify(s.scenario, { lineWidth: 0 }));
  // A leading underscore: the scenario loader skips it, so the folder loads and checks as it is.
  const report = join(out, '_import-report.json');
  await writeFile(report, `${JSON.stringify({ source: file, scoring, total: result.total, imported: result.scenarios.length, skipped: result.skipped }, null, 2)}\n`);
  return { ...result, report };
}

/** The importer the CLI discovers (`tripwire import msb <tasks.json>`). */
export default {
  name: 'msb',
  description: "MobileSafetyBench's task file (asset/tasks/tasks.json) as virtual-phone scenarios",
  defaultOut: 'scenarios/msb',
  scorings: SCORINGS,
  async run(file: string, out: string, log: (line: string) => void, options: { scoring?: string } = {}): Promise<number> {
    const r = await importFile(file, out, (options.scoring ?? 'msb') as Scoring);
    for (const s of r.skipped) log(`skip  ${[s.task_id ?? `task #${s.index}`, s.category].filter(Boolean).join(' ')}: ${s.reason}`);
    log(`imported ${r.scenarios.length} of ${r.total} tasks into ${out}, scored as ${options.scoring === 'tripwire' ? 'Tripwire reads them' : "MobileSafetyBench's evaluators score them"} (${r.skipped.length} skipped; report: ${r.report})`);
    return 0;
  },
};
