import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { TripwireError } from '../engine/errors.ts';
import { CODE_ROOT, importModule, MODULE_EXT, PACKAGE_ROOT } from '../scenario/modules.ts';
import { KIND_FILE, KIND_HELPER, kindOf, LIST_KINDS, YAML_READERS, type AnyPlugin, type PluginKind } from './kinds.ts';

/**
 * The one discovery rule. A content root is a folder of plug-ins, one sub-folder (or file) each:
 * a plug-in of kind K is the default export of `<root>/<name>/<file of K>.ts` (provider.ts for a
 * device kind, importer.ts, metric.ts, reporter.ts, environment.ts, agent.ts, ...); a root may
 * also say what its plain modules are (`<root>/<name>.ts`, `<root>/<name>/index.ts`): environments/
 * holds environments, agents/ agent providers, goals/ attacker goals. A kind with a YAML form (goals)
 * is found as YAML files too, where its modules would be, in one file-name order with them. The
 * user's config adds modules and roots by path.
 */
export interface ContentRoot {
  dir: string;
  /** The kind of the root's plain modules (`<name>.ts`, `<name>/index.ts`), if it has any. */
  index?: PluginKind;
  /** Where the root's YAML files lie, when not in `dir`: built, goals/'s modules are in dist/goals, its YAML stays in goals/. */
  yamlDir?: string;
}

/** Tripwire's own content: built into dist/ beside the engine, found there when it runs built. */
export const BUNDLED_ROOTS: readonly ContentRoot[] = [
  { dir: join(CODE_ROOT, 'environments'), index: 'environment' },
  { dir: join(CODE_ROOT, 'agents'), index: 'agent' },
  // Mixed content, each file named for its kind: android/ holds no plain modules, and is no environment folder.
  { dir: join(CODE_ROOT, 'android') },
  // Defenses wrapped around agents (--defense): defenses/<name>/defense.ts.
  { dir: join(CODE_ROOT, 'defenses') },
  // Attack plug-ins, one folder each: attacks/<name>/attack.ts.
  { dir: join(CODE_ROOT, 'attacks') },
  // Other benchmarks brought in whole (importer, bridge, metric), one folder each: benchmarks/asb.
  { dir: join(CODE_ROOT, 'benchmarks') },
  // Attacker goals, one file per environment or one YAML file per goal: goals/<name>.ts, goals/<name>.yaml.
  { dir: join(CODE_ROOT, 'goals'), index: 'goal', yamlDir: join(PACKAGE_ROOT, 'goals') },
];

const EXTS = [...new Set([MODULE_EXT, '.ts', '.js'])];
const YAML_EXTS = ['.yaml', '.yml'];
const firstFile = (base: string, exts = EXTS) => exts.map((ext) => `${base}${ext}`).find((f) => existsSync(f));
const isYaml = (file: string) => /\.ya?ml$/.test(file);

/** The files of `root` that hold plug-ins of `kind` (modules, and YAML files for a kind with a YAML form), sorted by name. */
export async function modulesOf(root: ContentRoot, kind: PluginKind): Promise<string[]> {
  const found: { name: string; file: string }[] = [];
  const scan = async (dir: string, exts: string[], plain: (name: string) => boolean) => {
    if (!existsSync(dir)) return;
    for (const e of await readdir(dir, { withFileTypes: true })) {
      if (e.isDirectory()) {
        const named = firstFile(join(dir, e.name, KIND_FILE[kind]), exts);
        const index = root.index === kind ? firstFile(join(dir, e.name, 'index'), exts) : undefined;
        // A folder that has both holds one plug-in: the named file is it (index.ts may re-export it).
        if (named ?? index) found.push({ name: e.name, file: (named ?? index)! });
      } else if (root.index === kind && e.isFile() && plain(e.name)) {
        found.push({ name: e.name, file: join(dir, e.name) });
      }
    }
  };
  await scan(root.dir, EXTS, (name) => /\.(ts|js)$/.test(name) && !name.endsWith('.d.ts'));
  if (YAML_READERS[kind]) await scan(root.yamlDir ?? root.dir, YAML_EXTS, isYaml);
  // Modules and YAML files in one order, by name, wherever each lies.
  return found.sort((a, b) => a.name.localeCompare(b.name)).map((f) => f.file);
}

/** A module's plug-ins: its default export, one or an array of them; a YAML file's: the one it describes (goals only have a YAML form). */
export async function pluginsIn(file: string): Promise<AnyPlugin[]> {
  if (isYaml(file)) return [await YAML_READERS.goal!(file)];
  let mod: { default?: unknown };
  try {
    mod = (await importModule(file)) as { default?: unknown };
  } catch (e) {
    // An import error names the module that failed, not the plug-in it belongs to.
    throw new TripwireError('plugin', `${file} cannot be loaded: ${(e as Error).message}`, { cause: e });
  }
  const values = Array.isArray(mod.default) ? mod.default : [mod.default];
  for (const v of values) {
    if (!kindOf(v)) throw new TripwireError('plugin', `${file}: the default export is not a plug-in (an environment, agent provider, device provider, importer, metric, reporter, ...: use its define* helper)`);
  }
  return values as AnyPlugin[];
}

/**
 * The plug-ins of `kind` in a file found by the rule: the default export must be of that kind, one
 * plug-in (a list for a kind whose files hold lists: goals); a YAML file is read by its kind's reader.
 */
export async function pluginsOfKind(file: string, kind: PluginKind): Promise<AnyPlugin[]> {
  const reader = YAML_READERS[kind];
  if (reader && isYaml(file)) return [await reader(file)];
  const plugins = await pluginsIn(file).catch((e: unknown) => {
    if (TripwireError.is(e) && /is not a plug-in/.test(e.message)) throw new TripwireError('plugin', `${file}: the default export is not ${KIND_HELPER[kind]}`);
    throw e;
  });
  if ((plugins.length !== 1 && !LIST_KINDS.has(kind)) || plugins.some((p) => kindOf(p) !== kind)) throw new TripwireError('plugin', `${file}: the default export is not ${KIND_HELPER[kind]}`);
  return plugins;
}
