import type { Agent, AgentContext, AnyAgentProvider } from './agent.ts';
import type { TripwireConfig } from '../run/config.ts';
import type { Scenario } from '../scenario/scenario.ts';

export interface ResolvedAgent {
  /** As the user named it: `reference:safe`, `openai:gpt-4o`, or a config name like `my-model`. */
  name: string;
  provider: AnyAgentProvider;
  spec: string;
  options: Record<string, unknown>;
}

export function splitAgentName(name: string): [provider: string, spec: string] {
  const i = name.indexOf(':');
  return i < 0 ? [name, ''] : [name.slice(0, i), name.slice(i + 1)];
}

/**
 * Resolves agent names before any episode runs: `<provider>:<spec>`, or a name from the config
 * file's `agents`. Fails with a message for the user when a name or its settings are wrong.
 */
export async function resolveAgents(names: string[], providers: Map<string, AnyAgentProvider>, config?: TripwireConfig): Promise<ResolvedAgent[]> {
  const resolved: ResolvedAgent[] = [];
  for (const name of names) {
    const named = config?.agents[name];
    const [providerName, spec] = named ? [named.provider, ''] : splitAgentName(name);
    const provider = providers.get(providerName);
    if (!provider) {
      const known = [...[...providers.keys()].map((k) => `${k}:…`), ...Object.keys(config?.agents ?? {})];
      throw new Error(`unknown agent "${name}"; known: ${known.join(', ')}`);
    }
    const { provider: _provider, ...options } = named ?? { provider: providerName };
    if (config?.cache !== undefined && config.cache !== false && options.cache === undefined) {
      options.cache = config.cache === true ? '.tripwire-cache' : config.cache;
    }
    await provider.check?.(spec, options);
    resolved.push({ name, provider, spec, options });
  }
  return resolved;
}

/**
 * Creates one episode's agent with what its provider may know: the scenario for a privileged
 * (baseline) provider only. The context is a fresh object of exactly these fields, so nothing else
 * the caller holds reaches an agent under test.
 */
export async function createAgent(provider: AnyAgentProvider, spec: string, context: AgentContext, scenario: Scenario): Promise<Agent> {
  const { episodeId, scenarioId, trial, random, options } = context;
  const allowed: AgentContext = { ...(episodeId !== undefined ? { episodeId } : {}), scenarioId, trial, random, options };
  return provider.privileged === true ? provider.create(spec, { ...allowed, scenario }) : provider.create(spec, allowed);
}
