import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { AnyAgentProvider } from '../agent/agent.ts';
import type { DeviceProvider } from '../engine/device.ts';
import type { Environment } from '../engine/environment.ts';
import { CODE_ROOT, importModule, MODULE_EXT } from './modules.ts';

export { CODE_ROOT, MODULE_EXT, PACKAGE_ROOT } from './modules.ts';

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

/** The modules of a content folder: `<dir>/<name>.ts` and `<dir>/<name>/index.ts`, sorted by name. */
async function contentModules(dir: string): Promise<string[]> {
  if (!(await exists(dir))) return [];
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  const modules: string[] = [];
  for (const e of entries) {
    if (e.isFile() && /\.(ts|js)$/.test(e.name) && !e.name.endsWith('.d.ts')) modules.push(join(dir, e.name));
    else if (e.isDirectory()) {
      for (const index of ['index.ts', 'index.js']) {
        if (await exists(join(dir, e.name, index))) {
          modules.push(join(dir, e.name, index));
          break;
        }
      }
    }
  }
  return modules;
}

async function defaults<T>(dir: string, is: (v: unknown) => v is T, what: string): Promise<T[]> {
  const found: T[] = [];
  for (const file of await contentModules(dir)) found.push(...(await defaultsOf(file, is, what)));
  return found;
}

async function defaultsOf<T>(file: string, is: (v: unknown) => v is T, what: string): Promise<T[]> {
  let mod: { default?: unknown };
  try {
    mod = (await importModule(file)) as { default?: unknown };
  } catch (e) {
    // An import error names the module that failed, not the content it belongs to.
    throw new Error(`${file} cannot be loaded: ${(e as Error).message}`);
  }
  if (!is(mod.default)) throw new Error(`${file}: the default export is not ${what}`);
  return [mod.default];
}

const isEnvironment = (v: unknown): v is Environment =>
  typeof v === 'object' && v !== null && 'id' in v && 'machine' in v && 'tools' in v && 'seed' in v;
const isAgentProvider = (v: unknown): v is AnyAgentProvider =>
  typeof v === 'object' && v !== null && 'name' in v && typeof (v as AnyAgentProvider).create === 'function';

/** Where bundled environments live: tool environments, and devices (the virtual phone); built, in dist/. */
export const ENVIRONMENT_DIRS = [join(CODE_ROOT, 'environments'), join(CODE_ROOT, 'android')];

/** Finds the environments in folders (each `<dir>/<name>.ts` or `<dir>/<name>/index.ts`), keyed by id. */
export async function discoverEnvironments(dirs: string | string[] = ENVIRONMENT_DIRS): Promise<Map<string, Environment>> {
  const envs: Environment[] = [];
  for (const dir of typeof dirs === 'string' ? [dirs] : dirs) envs.push(...(await defaults(dir, isEnvironment, 'an environment (use defineEnvironment)')));
  const byId = new Map<string, Environment>();
  for (const e of envs) {
    if (byId.has(e.id)) throw new Error(`two environments have the id "${e.id}"`);
    byId.set(e.id, e);
  }
  return byId;
}

/** Finds the agent providers in a folder (bundled: agents/), keyed by name; baselines among them are privileged. */
export async function discoverAgentProviders(dir = join(CODE_ROOT, 'agents')): Promise<Map<string, AnyAgentProvider>> {
  const providers = await defaults(dir, isAgentProvider, 'an agent provider (use defineAgentProvider, or defineBaselineProvider for a baseline)');
  return new Map(providers.map((p) => [p.name, p]));
}

const isDeviceProvider = (v: unknown): v is DeviceProvider =>
  typeof v === 'object' && v !== null && 'name' in v && 'environment' in v && typeof (v as DeviceProvider).create === 'function';

/** Finds the device providers (`<dir>/<name>/provider.ts`; bundled: android/), keyed by name. */
export async function discoverDeviceProviders(dirs: string[] = [join(CODE_ROOT, 'android')]): Promise<Map<string, DeviceProvider>> {
  const byName = new Map<string, DeviceProvider>();
  for (const dir of dirs) {
    if (!(await exists(dir))) continue;
    for (const e of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      // A user's device folder may hold TypeScript whatever Tripwire runs from; the bundled ones match the code.
      const file = [MODULE_EXT, '.ts', '.js'].map((ext) => join(dir, e.name, `provider${ext}`)).find(existsSync);
      if (!e.isDirectory() || !file) continue;
      for (const p of await defaultsOf(file, isDeviceProvider, 'a device provider (use defineDeviceProvider)')) {
        if (byName.has(p.name)) throw new Error(`two device providers are named "${p.name}"`);
        byName.set(p.name, p);
      }
    }
  }
  return byName;
}
