import { statSync } from 'node:fs';
import { TripwireError } from '../engine/errors.ts';
import { BUNDLED_ROOTS, modulesOf, pluginsIn, pluginsOfKind, type ContentRoot } from './discover.ts';
import { kindOf, type AnyPlugin, type PluginKind, type PluginOf } from './kinds.ts';

export interface RegistryOptions {
  /** Content roots searched by the one rule (default: Tripwire's own, BUNDLED_ROOTS). */
  roots?: readonly ContentRoot[];
  /** Modules or folders the user's config names (`plugins`): a module's default export is one plug-in or an array; a folder is a content root. */
  plugins?: readonly string[];
}

const keyOf = (kind: PluginKind, p: AnyPlugin): string => (kind === 'environment' || kind === 'goal' ? (p as { id: string }).id : (p as { name: string }).name);

/**
 * The one place plug-ins of every kind are found and looked up (Inspect AI's registry is the model):
 * lazily, one kind at a time, so `tripwire list` loads environments and nothing else. Two plug-ins
 * of one kind with one name are an error naming both files: a user's cannot shadow a bundled one
 * by accident.
 */
export class Registry {
  readonly #roots: ContentRoot[];
  readonly #modules: string[];
  readonly #byKind = new Map<PluginKind, Promise<Map<string, AnyPlugin>>>();
  readonly #own: { plugin: AnyPlugin; from: string }[] = [];
  #userPlugins: Promise<{ plugin: AnyPlugin; from: string }[]> | undefined;

  constructor(options: RegistryOptions = {}) {
    const folders = (options.plugins ?? []).filter((p) => isDir(p));
    this.#roots = [...(options.roots ?? BUNDLED_ROOTS), ...folders.map((dir) => ({ dir }))];
    this.#modules = (options.plugins ?? []).filter((p) => !isDir(p));
  }

  /** Adds plug-ins made in code (a program calling runBatch); they clash with found ones by name like any other. */
  register(...plugins: AnyPlugin[]): this {
    for (const plugin of plugins) {
      const kind = kindOf(plugin);
      if (!kind) throw new TripwireError('plugin', 'register: not a plug-in (use its define* helper)');
      this.#own.push({ plugin, from: 'register()' });
      this.#byKind.delete(kind);
    }
    return this;
  }

  /** Every plug-in of `kind`, by name (an environment or a goal by its id), in discovery order. */
  list<K extends PluginKind>(kind: K): Promise<Map<string, PluginOf[K]>> {
    let found = this.#byKind.get(kind);
    if (!found) this.#byKind.set(kind, (found = this.#find(kind)));
    return found as Promise<Map<string, PluginOf[K]>>;
  }

  async get<K extends PluginKind>(kind: K, name: string): Promise<PluginOf[K] | undefined> {
    return (await this.list(kind)).get(name);
  }

  async #find(kind: PluginKind): Promise<Map<string, AnyPlugin>> {
    const found: { plugin: AnyPlugin; from: string }[] = [];
    // The core's own reporters first (summary, html, junit, github): Vitest's built-in reporters map.
    if (kind === 'reporter') for (const plugin of (await import('../report/reporters/index.ts')).CORE_REPORTERS) found.push({ plugin, from: 'tripwire' });
    // The core's own metric: a guard graded against ground truth (`agents[].guard`).
    if (kind === 'metric') found.push({ plugin: (await import('../guard/metric.ts')).default, from: 'tripwire' });
    // The core's own metric: security cases' numbers (src/security/metric.ts).
    if (kind === 'metric') found.push({ plugin: (await import('../security/metric.ts')).securityMetric, from: 'tripwire' });
    for (const root of this.#roots) {
      for (const file of await modulesOf(root, kind)) for (const plugin of await pluginsOfKind(file, kind)) found.push({ plugin, from: file });
    }
    this.#userPlugins ??= this.#loadUserModules();
    found.push(...(await this.#userPlugins).filter((p) => kindOf(p.plugin) === kind), ...this.#own.filter((p) => kindOf(p.plugin) === kind));
    const byName = new Map<string, AnyPlugin>();
    const where = new Map<string, string>();
    for (const { plugin, from } of found) {
      const name = keyOf(kind, plugin);
      if (byName.has(name)) throw new TripwireError('plugin', `two ${kind} plug-ins are named "${name}": ${where.get(name)} and ${from}`);
      byName.set(name, plugin);
      where.set(name, from);
    }
    return byName;
  }

  async #loadUserModules(): Promise<{ plugin: AnyPlugin; from: string }[]> {
    const out: { plugin: AnyPlugin; from: string }[] = [];
    for (const file of this.#modules) for (const plugin of await pluginsIn(file)) out.push({ plugin, from: file });
    return out;
  }
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

let bundled: Registry | undefined;

/** Tripwire's own plug-ins, found once per process. */
export function bundledRegistry(): Registry {
  return (bundled ??= new Registry());
}

/** The registry of a run: Tripwire's own plug-ins and those the user's config names (`plugins`). */
export function registryFor(config?: { plugins?: readonly string[] }): Registry {
  return config?.plugins?.length ? new Registry({ plugins: config.plugins }) : bundledRegistry();
}
