import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { TripwireError } from '../engine/errors.ts';
import { CODE_ROOT, importModule, MODULE_EXT, PACKAGE_ROOT } from '../scenario/modules.ts';
import { matchesAny } from '../scenario/filter.ts';
import { GoalFile, isGoal, type Goal } from './goal.ts';

/** The bundled goal library: goals/*.ts (built to dist/goals/*.js) and goals/*.yaml (read where they are). */
const MODULES = join(CODE_ROOT, 'goals');
const YAML = join(PACKAGE_ROOT, 'goals');

/** The goal files of one folder: its modules ending in `ext` (none: no modules) and, with `yaml`, its YAML files. */
async function goalFiles(dir: string, ext: string | undefined, yaml: boolean): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return (await readdir(dir)).filter((f) => (ext !== undefined && f.endsWith(ext) && !f.endsWith('.d.ts')) || (yaml && /\.ya?ml$/.test(f))).map((f) => join(dir, f));
}

/** The goals of these files, in file-name order wherever each lies (built modules and YAML sources list as from sources). */
async function goalsOf(files: string[]): Promise<Goal[]> {
  const out: Goal[] = [];
  const name = (f: string) => basename(f);
  for (const file of [...files].sort((a, b) => (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0))) {
    if (/\.ya?ml$/.test(file)) {
      const parsed = GoalFile.safeParse(parse(await readFile(file, 'utf8')));
      if (!parsed.success) throw new TripwireError('scenario-load', `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(goal)'}: ${i.message}`).join('; ')}`);
      out.push(parsed.data as Goal);
      continue;
    }
    const mod = (await importModule(file)) as { default?: unknown };
    const values = Array.isArray(mod.default) ? mod.default : [mod.default];
    for (const v of values) if (!isGoal(v)) throw new TripwireError('plugin', `${file}: the default export is not a goal or a list of goals (use defineGoal)`);
    out.push(...(values as Goal[]));
  }
  return out;
}

const goalsIn = async (dir: string, ext: string | undefined, yaml: boolean) => goalsOf(await goalFiles(dir, ext, yaml));

let bundled: Promise<Goal[]> | undefined;

/** Every goal of the library (and of `extra` folders), by id; two goals with one id are an error. */
export async function loadGoals(extra: readonly string[] = []): Promise<Goal[]> {
  const load = async () => goalsOf([...(await goalFiles(MODULES, MODULE_EXT, MODULES === YAML)), ...(MODULES !== YAML ? await goalFiles(YAML, undefined, true) : [])]);
  const found = [...(await (bundled ??= load())), ...(await Promise.all(extra.map((d) => goalsIn(d, '.ts', true)))).flat()];
  const seen = new Set<string>();
  for (const g of found) {
    if (seen.has(g.id)) throw new TripwireError('plugin', `two goals are named "${g.id}"`);
    seen.add(g.id);
  }
  return found;
}

/** The goals whose id matches one of `patterns` (globs; none: all). */
export function selectGoals(goals: readonly Goal[], patterns: readonly string[]): Goal[] {
  return goals.filter((g) => matchesAny(g.id, [...patterns]));
}
