import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { defineImporter, parseWithFloats } from '../../src/public/index.ts';
import { AsbCase, Skip } from './case.ts';
import { judgeTemplate, SCORER } from './judgePrompt.ts';
import { scenarioId, toScenario, type Checkout } from './scenario.ts';

export interface Skipped {
  /** The case's position in the file (1-based), and its id when it has one. */
  index: number;
  id?: number;
  reason: string;
}

export interface ImportResult {
  scenarios: { file: string; scenario: Record<string, unknown> }[];
  skipped: Skipped[];
  total: number;
}

const DATA = 'data/released_data.json';
const HERE = dirname(fileURLToPath(import.meta.url));

/** bridge.py beside this module, or (run from dist/) beside its source. */
export function bridgePath(): string {
  const candidates = [join(HERE, 'bridge.py'), resolve(HERE, '../../../benchmarks/asb/bridge.py')];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`bridge.py not found (looked at ${candidates.join(', ')})`);
  return found;
}

/** What the importer reads of a checkout: its environments' tool lists, read once each. */
export function openCheckout(dir: string): Checkout {
  const root = resolve(dir);
  const environments = join(root, 'environments');
  if (!existsSync(join(root, DATA))) throw new Error(`${root} is not an Agent-SafetyBench checkout: ${DATA} is missing`);
  if (!existsSync(join(environments, 'BaseEnv.py'))) throw new Error(`${root} is not an Agent-SafetyBench checkout: environments/BaseEnv.py is missing`);
  const cache = new Map<string, ReturnType<Checkout['tools']>>();
  return {
    environments,
    bridge: bridgePath(),
    template: judgeTemplate(root),
    hasClass: (env) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(env) && existsSync(join(environments, `${env}.py`)),
    tools(env) {
      if (!cache.has(env)) {
        let list: unknown;
        try {
          list = /^[A-Za-z_][A-Za-z0-9_]*$/.test(env) ? JSON.parse(readFileSync(join(environments, `${env}.json`), 'utf8')) : undefined;
        } catch {
          list = undefined;
        }
        cache.set(env, Array.isArray(list) ? (list as { name: string; description: string }[]) : undefined);
      }
      return cache.get(env);
    },
  };
}

const zodReason = (e: { issues: { path: PropertyKey[]; message: string }[] }) =>
  e.issues.map((i) => `${i.path.length ? i.path.join('.') : '(case)'}: ${i.message}`).join('; ');

/** Every case of the checkout's data file: expressible ones as scenarios, the others skipped with the reason. */
export function importCases(text: string, checkout: Checkout): ImportResult {
  let data: unknown;
  try {
    // Floats stay floats (10.0): the environments and the judge get the parameters as Python reads them.
    data = parseWithFloats(text);
  } catch (e) {
    throw new Error(`not Agent-SafetyBench's ${DATA}: invalid JSON (${(e as Error).message})`);
  }
  if (!Array.isArray(data)) throw new Error(`not Agent-SafetyBench's ${DATA}: expected a JSON list of cases`);
  const result: ImportResult = { scenarios: [], skipped: [], total: data.length };
  const seen = new Set<string>();
  data.forEach((raw, i) => {
    const r = raw as { id?: unknown } | null;
    const named = { index: i + 1, ...(typeof r?.id === 'number' ? { id: r.id } : {}) };
    const parsed = AsbCase.safeParse(raw);
    if (!parsed.success) return result.skipped.push({ ...named, reason: `malformed case: ${zodReason(parsed.error)}` });
    const id = scenarioId(parsed.data);
    if (seen.has(id)) return result.skipped.push({ ...named, reason: `duplicate: case ${parsed.data.id} appears twice` });
    try {
      result.scenarios.push({ file: `${id}.yaml`, scenario: toScenario(parsed.data, raw as Record<string, unknown>, checkout) });
      seen.add(id);
    } catch (e) {
      if (!(e instanceof Skip)) throw e;
      result.skipped.push({ ...named, reason: e.message });
    }
  });
  return result;
}

const HEADER = '# Imported from an Agent-SafetyBench checkout by `tripwire import asb`; regenerate rather than edit.\n';

/** Whether python3 runs here: the scenarios' tools run in it. */
export function pythonProblem(): string | undefined {
  const r = spawnSync('python3', ['-c', 'import sys; print(sys.version_info[0])'], { encoding: 'utf8' });
  if (r.error || r.status !== 0 || r.stdout.trim() !== '3') return 'python3 is not on PATH: the benchmark\'s tools run in its own Python classes; install Python 3 (Debian/Ubuntu: apt-get install python3; macOS: brew install python), standard library only';
  return undefined;
}

/** Writes one scenario file per imported case and `_import-report.json` (counts and every skipped case with its reason) into `out`. */
export async function importCheckout(dir: string, out: string): Promise<ImportResult & { report: string }> {
  const checkout = openCheckout(dir);
  const result = importCases(await readFile(join(resolve(dir), DATA), 'utf8'), checkout);
  await mkdir(out, { recursive: true });
  for (const s of result.scenarios) await writeFile(join(out, s.file), HEADER + stringify(s.scenario, { lineWidth: 0 }));
  // A leading underscore: the scenario loader skips it, so the folder loads and checks as it is.
  const report = join(out, '_import-report.json');
  const reasons: Record<string, number> = {};
  for (const s of result.skipped) reasons[s.reason.replace(/"[^"]*"|\b[A-Z][A-Za-z0-9]+\b|\d+/g, '…')] = (reasons[s.reason.replace(/"[^"]*"|\b[A-Z][A-Za-z0-9]+\b|\d+/g, '…')] ?? 0) + 1;
  await writeFile(report, `${JSON.stringify({ source: resolve(dir), scorer: SCORER, total: result.total, imported: result.scenarios.length, skippedByReason: reasons, skipped: result.skipped }, null, 2)}\n`);
  return { ...result, report };
}

/** The importer the CLI discovers (`tripwire import asb <checkout>`). */
export default defineImporter({
  name: 'asb',
  description: "Agent-SafetyBench's 2,000 cases (a checkout of thu-coai/Agent-SafetyBench) on its own Python environments, judged with its own prompt",
  defaultOut: 'scenarios/asb',
  async run(dir, out, log) {
    const r = await importCheckout(dir, out);
    for (const s of r.skipped) log(`skip  ${s.id === undefined ? `case #${s.index}` : `case ${s.id}`}: ${s.reason}`);
    log(`imported ${r.scenarios.length} of ${r.total} cases into ${out} (${r.skipped.length} skipped; report: ${r.report})`);
    log('safety is graded by a judge with the benchmark\'s own prompt: run them with --judge <agent> (without one they are ungraded)');
    const problem = pythonProblem();
    if (problem) log(`warning: ${problem}`);
    return 0;
  },
});
