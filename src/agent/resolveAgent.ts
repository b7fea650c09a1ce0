import type { Agent, AgentContext, AnyAgentProvider, BaselineWorld } from './agent.ts';
import type { TripwireConfig } from '../run/config.ts';
import { TripwireError } from '../engine/errors.ts';
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
 * file's `agents`. Fails with a TripwireError of code `provider`, its message for the user, when
 * no provider makes a name or a provider rejects its spec or settings.
 */
export async function resolveAgents(names: string[], providers: Map<string, AnyAgentProvider>, config?: TripwireConfig): Promise<ResolvedAgent[]> {
  const resolved: ResolvedAgent[] = [];
  for (const name of names) {
    const named = config?.agents[name];
    const [providerName, spec] = named ? [named.provider, ''] : splitAgentName(name);
    const provider = providers.get(providerName);
    if (!provider) {
      const known = [...[...providers.keys()].map((k) => `${k}:…`), ...Object.keys(config?.agents ?? {})];
      throw new TripwireError('provider', `unknown agent "${name}"; known: ${known.join(', ')}`);
    }
    const { provider: _provider, ...options } = named ?? { provider: providerName };
    if (config?.cache !== undefined && config.cache !== false && options.cache === undefined) {
      options.cache = config.cache === true ? '.tripwire-cache' : config.cache;
    }
    try {
      await provider.check?.(spec, options);
    } catch (e) {
      // Providers live in content and throw plain errors; callers branch on the code, the person reads the message.
      if (TripwireError.is(e) && !named) throw e;
      // A named agent's settings come from the config: say which entry is wrong.
      const message = `${named ? `config agents.${name}: ` : ''}${e instanceof Error ? e.message : String(e)}`;
      throw new TripwireError(TripwireError.is(e) ? e.code : 'provider', message, { cause: e });
    }
    resolved.push({ name, provider, spec, options });
  }
  return resolved;
}

/**
 * Creates one episode's agent with what its provider may know: the scenario for a privileged
 * (baseline) provider only. The context is a fresh object of exactly these fields, so nothing else
 * the caller holds reaches an agent under test. A baseline also gets the run's `world` when given.
 */
export async function createAgent(provider: AnyAgentProvider, spec: string, context: AgentContext, scenario: Scenario, world?: BaselineWorld): Promise<Agent> {
  const { episodeId, scenarioId, trial, random, options, secrets, channels } = context;
  const allowed: AgentContext = { ...(episodeId !== undefined ? { episodeId } : {}), scenarioId, trial, random, options, ...(secrets ? { secrets } : {}), ...(channels ? { channels } : {}) };
  return provider.privileged === true ? provider.create(spec, { ...allowed, scenario, ...(world ? { world } : {}) }) : provider.create(spec, allowed);
}
