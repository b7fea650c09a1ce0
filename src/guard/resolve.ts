import type { Brief } from '../agent/agent.ts';
import { splitAgentName } from '../agent/resolveAgent.ts';
import { TripwireError } from '../engine/errors.ts';
import type { GateMember } from '../defense/wrap.ts';
import type { GateRequest } from '../engine/gate.ts';
import type { TripwireConfig } from '../run/config.ts';
import { failed, type Guard, type GuardContext, type GuardProvider } from './guard.ts';

export interface ResolvedGuard {
  /** As given: `exec:node guard.mjs`, or a config agent's name. */
  name: string;
  provider: GuardProvider;
  spec: string;
  options: Record<string, unknown>;
}

/**
 * `--guard <x>`: a config agent (its provider's guard: `provider: openai` asks that model with a
 * guard prompt), or `<provider>:<spec>` (`exec:<command>`). Checked before any episode.
 */
export async function resolveGuard(name: string, providers: Map<string, GuardProvider>, config?: TripwireConfig): Promise<ResolvedGuard> {
  const named = config?.agents[name];
  const [providerName, spec] = named ? [named.provider, ''] : splitAgentName(name);
  const provider = providers.get(providerName);
  if (!provider) {
    const why = named ? `config agent "${name}" has provider ${providerName}, which has no guard` : `no guard provider "${providerName}"`;
    throw new TripwireError('usage', `--guard ${name}: ${why}; guards: ${[...providers.keys()].map((k) => `${k}:…`).join(', ')}, or a config agent of one of those providers`);
  }
  const { provider: _p, ...options } = named ?? { provider: providerName };
  try {
    await provider.check?.(spec, options);
  } catch (e) {
    throw new TripwireError('usage', `--guard ${name}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  return { name, provider, spec, options };
}

/**
 * One episode's guard as a member of its gate. A guard that cannot even be made answers every
 * action with that failure (blocked), recorded: the episode goes on.
 */
export function guardMember(g: ResolvedGuard, context: Omit<GuardContext, 'options'>): GateMember {
  let made: Promise<Guard> | undefined;
  const guard = () => (made ??= Promise.resolve().then(() => g.provider.create(g.spec, { options: g.options, ...context })));
  return {
    name: g.name,
    async decide({ brief, trace, action, risk, step, signal }: GateRequest & { brief: Brief }) {
      let instance: Guard;
      try {
        instance = await guard();
      } catch (e) {
        return failed('block', `the guard could not start: ${e instanceof Error ? e.message : String(e)}`);
      }
      const reply = await instance.decide({ step, brief, trace, action, risk }, signal).catch((e: unknown) => failed('block', `the guard failed: ${e instanceof Error ? e.message : String(e)}`));
      return { allow: reply.allow, reason: reply.reason, ...(reply.error !== undefined ? { error: reply.error } : {}) };
    },
    async stop() {
      if (made) await (await made.catch(() => undefined))?.stop?.();
    },
  };
}
