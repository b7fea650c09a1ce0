import type { Agent } from '../agent/agent.ts';
import type { ActionGate } from '../engine/gate.ts';
import { guardMember, type ResolvedGuard } from '../guard/resolve.ts';
import type { GuardContext } from '../guard/guard.ts';
import type { DefendedName } from './resolve.ts';
import { defendAgent, gateOf } from './wrap.ts';

/**
 * One episode's agent inside its defenses, and the gate its actions pass (the defenses that review
 * actions, then the run's guard when the agent is `+guard`). Each defense gets its settings from
 * the config's `defenses.<name>`.
 */
export function defendEpisode(agent: Agent, named: DefendedName, options: { guard?: ResolvedGuard; settings?: Record<string, Record<string, unknown>>; secrets?: GuardContext['secrets'] }): { agent: Agent; gate?: ActionGate } {
  const sessions = named.defenses.map((d) => ({ name: d.name, session: d.create(options.settings?.[d.name] ?? {}) }));
  const member = named.guarded && options.guard ? guardMember(options.guard, options.secrets ? { secrets: options.secrets } : {}) : undefined;
  const gate = gateOf(sessions, member);
  return { agent: defendAgent(agent, sessions), ...(gate ? { gate } : {}) };
}
