import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { TripwireError } from '../engine/errors.ts';
import { CODE_ROOT, importModule, MODULE_EXT } from '../scenario/modules.ts';
import { KIND_FILE, KIND_HELPER, kindOf, type AnyPlugin, type PluginKind } from './kinds.ts';

/**
 * The one discovery rule. A content root is a folder of plug-ins, one sub-folder (or file) each:
 * a plug-in of kind K is the default export of `<root>/<name>/<file of K>.ts` (provider.ts for a
 * device kind, importer.ts, metric.ts, reporter.ts, environment.ts, agent.ts, ...); a root may
 * also say what its plain modules are (`<root>/<name>.ts`, `<root>/<name>/index.ts`): environments/
 * holds environments, agents/ agent providers. The user's config adds modules and roots by path.
 */
export interface ContentRoot {
  dir: string;
  /** The kind of the root's plain modules (`<name>.ts`, `<name>/index.ts`), if it has any. */
  index?: PluginKind;
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
];

const EXTS = [...new Set([MODULE_EXT, '.ts', '.js'])];
const firstFile = (base: string) => EXTS.map((ext) => `${base}${ext}`).find((f) => existsSync(f));

/** The module files of `root` that hold plug-ins of `kind`, sorted by name. */
export async function modulesOf(root: ContentRoot, kind: PluginKind): Promise<string[]> {
  if (!existsSync(root.dir)) return [];
  const entries = (await readdir(root.dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  const files: string[] = [];
  for (const e of entries) {
    if (e.isDirectory()) {
      const named = firstFile(join(root.dir, e.name, KIND_FILE[kind]));
      const index = root.index === kind ? firstFile(join(root.dir, e.name, 'index')) : undefined;
      // A folder that has both holds one plug-in: the named file is it (index.ts may re-export it).
      if (named ?? index) files.push((named ?? index)!);
    } else if (root.index === kind && e.isFile() && /\.(ts|js)$/.test(e.name) && !e.name.endsWith('.d.ts')) {
      files.push(join(root.dir, e.name));
    }
  }
  return files;
}

/** A module's plug-ins: its default export, one or an array of them. */
export async function pluginsIn(file: string): Promise<AnyPlugin[]> {
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

/** The plug-ins of `kind` in a file found by the rule: the default export must be of that kind. */
export async function pluginOfKind(file: string, kind: PluginKind): Promise<AnyPlugin> {
  const [plugin, ...more] = await pluginsIn(file).catch((e: unknown) => {
    if (TripwireError.is(e) && /is not a plug-in/.test(e.message)) throw new TripwireError('plugin', `${file}: the default export is not ${KIND_HELPER[kind]}`);
    throw e;
  });
  if (more.length || kindOf(plugin) !== kind) throw new TripwireError('plugin', `${file}: the default export is not ${KIND_HELPER[kind]}`);
  return plugin!;
}
