import type { AnyAgentProvider } from '../agent/agent.ts';
import type { DeviceProvider } from '../engine/device.ts';
import type { Environment } from '../engine/environment.ts';
import type { Importer } from './importer.ts';
import type { Metric } from '../report/metric.ts';
import type { Reporter } from '../report/reporter.ts';
import type { Defense } from '../defense/defense.ts';
import type { GuardProvider } from '../guard/guard.ts';
import type { Attack } from '../security/attack.ts';
import type { Goal } from '../security/goal.ts';

/**
 * The kinds of plug-in the registry knows (docs/architecture.md, "Plug-in kinds"). Each is found by
 * one rule (src/registry/discover.ts) and looked up by kind and name. `mutation`, `attack`, `defense`
 * and `guard` have a place here before their features land, so adding them adds no discovery code.
 */
export const PLUGIN_KINDS = ['environment', 'device', 'agent', 'importer', 'metric', 'reporter', 'mutation', 'attack', 'defense', 'guard', 'goal'] as const;
export type PluginKind = (typeof PLUGIN_KINDS)[number];

/** A plug-in of a kind not yet given its own interface: tagged with its kind, named, described. */
export interface TaggedPlugin<K extends PluginKind = PluginKind> {
  kind: K;
  name: string;
  description?: string;
  [hook: string]: unknown;
}

export interface PluginOf {
  environment: Environment;
  device: DeviceProvider;
  agent: AnyAgentProvider;
  importer: Importer;
  metric: Metric;
  reporter: Reporter;
  mutation: TaggedPlugin<'mutation'>;
  attack: Attack;
  defense: Defense;
  guard: GuardProvider;
  goal: Goal;
}

export type AnyPlugin = PluginOf[PluginKind];

/** The file a plug-in of each kind lives in, in a content folder: `<root>/<name>/<file>.ts` (or .js). */
export const KIND_FILE: Record<PluginKind, string> = {
  environment: 'environment', device: 'provider', agent: 'agent', importer: 'importer', metric: 'metric',
  reporter: 'reporter', mutation: 'mutation', attack: 'attack', defense: 'defense', guard: 'guardProvider', goal: 'goal',
};

/** Kinds whose files found by the rule may hold a list (a goals file: one environment's goals); the others hold one plug-in a file. */
export const LIST_KINDS: ReadonlySet<PluginKind> = new Set(['goal']);

/**
 * Kinds that may also be written as YAML (data, no functions), with their reader: goals (goals/*.yaml).
 * A YAML file is found where a module of its kind would be (`<name>.yaml` in a root of that kind,
 * `<root>/<name>/goal.yaml`) or named in the config's `plugins`.
 */
export const YAML_READERS: Partial<Record<PluginKind, (file: string) => Promise<AnyPlugin>>> = {
  goal: async (file) => (await import('../security/goal.ts')).readGoalYaml(file),
};

const obj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * What kind a module's export is: its `kind` tag when it has one (defineMetric, defineReporter, ...),
 * else its shape (the define* helpers of environments, agents, devices and importers return plain
 * objects, as they did before the registry).
 */
export function kindOf(v: unknown): PluginKind | undefined {
  if (!obj(v)) return undefined;
  if (typeof v.kind === 'string' && (PLUGIN_KINDS as readonly string[]).includes(v.kind) && typeof v.name === 'string') return v.kind as PluginKind;
  if ('id' in v && 'machine' in v && 'tools' in v && 'seed' in v) return 'environment';
  // An attacker goal (defineGoal returns it as written): an id, the environments it needs, a check and a reference.
  if (typeof v.id === 'string' && Array.isArray(v.environments) && Array.isArray(v.reference) && 'check' in v) return 'goal';
  // A device kind plays episodes (`create`), or is a door only (`serve`, `endpoint`: tripwire adb).
  if (typeof v.name === 'string' && typeof v.environment === 'string' && ['create', 'serve', 'endpoint'].some((h) => typeof v[h] === 'function')) return 'device';
  if (typeof v.name === 'string' && typeof v.run === 'function' && typeof v.defaultOut === 'string') return 'importer';
  if (typeof v.name === 'string' && typeof v.create === 'function') return 'agent';
  return undefined;
}

/** The name a plug-in is looked up by: an environment's id, every other kind's name. */
export function nameOf(plugin: AnyPlugin): string {
  return 'id' in plugin && typeof plugin.id === 'string' && !('name' in plugin && typeof plugin.name === 'string') ? plugin.id : (plugin as { name: string }).name;
}

/** What a kind's define* helper is, for messages that tell an author how to fix a module. */
export const KIND_HELPER: Record<PluginKind, string> = {
  environment: 'an environment (use defineEnvironment)',
  device: 'a device provider (use defineDeviceProvider)',
  agent: 'an agent provider (use defineAgentProvider, or defineBaselineProvider for a baseline)',
  importer: 'an importer (use defineImporter)',
  metric: 'a metric (use defineMetric)',
  reporter: 'a reporter (use defineReporter)',
  mutation: 'a mutation operator ({ kind: "mutation", name, ... })',
  attack: 'an attack (use defineAttack)',
  defense: 'a defense (use defineDefense)',
  guard: 'a guard provider (use defineGuard)',
  goal: 'a goal or a list of goals (use defineGoal)',
};
