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
  /** The run's guards, lent to one episode at a time (an exec guard's process outlives its episode). */
  pool: GuardPool;
}

/**
 * Guards made once and lent to episodes, one episode at a time: an exec guard is one process per
 * concurrent episode for the whole run, not one per episode (starting a Node program costs tens of
 * milliseconds of CPU, more than its decisions). The protocol is one request per line, each with the
 * brief and trace, so a guard needs no episode of its own. `close` stops them all, at the run's end.
 */
export class GuardPool {
  readonly #idle: Guard[] = [];
  readonly #all: Guard[] = [];
  #made = 0;
  constructor(private readonly make: (context: Omit<GuardContext, 'options'>) => Guard | Promise<Guard>) {}

  /** How many guards were made (exec: processes started, at most the run's concurrency, plus restarts after a failure). */
  get made(): number {
    return this.#made;
  }

  async acquire(context: Omit<GuardContext, 'options'>): Promise<Guard> {
    const idle = this.#idle.pop();
    if (idle) return idle;
    const guard = await this.make(context);
    this.#made++;
    this.#all.push(guard);
    return guard;
  }

  release(guard: Guard): void {
    this.#idle.push(guard);
  }

  async close(): Promise<void> {
    const all = this.#all.splice(0);
    this.#idle.length = 0;
    await Promise.all(all.map((g) => Promise.resolve(g.stop?.()).catch(() => undefined)));
  }
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
  return { name, provider, spec, options, pool: new GuardPool((context) => provider.create(spec, { options, ...context })) };
}

/**
 * One episode's guard as a member of its gate, borrowed from the run's pool at its first decision
 * and given back when the episode stops. A guard that cannot even be made answers every action with
 * that failure (blocked), recorded: the episode goes on.
 */
export function guardMember(g: ResolvedGuard, context: Omit<GuardContext, 'options'>): GateMember {
  let made: Promise<Guard> | undefined;
  const guard = () => (made ??= Promise.resolve().then(() => g.pool.acquire(context)));
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
      const instance = made && (await made.catch(() => undefined));
      if (instance) g.pool.release(instance);
    },
  };
}
