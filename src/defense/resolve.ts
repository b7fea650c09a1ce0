import { TripwireError } from '../engine/errors.ts';
import type { Defense } from './defense.ts';

/** The reserved defense name of the run's guard: `--guard <x>` plays `<agent>+guard` beside `<agent>`. */
export const GUARD = 'guard';

export interface DefendedName {
  /** The agent under the defenses (`reckless`, `openai:gpt-4o`, a config name). */
  base: string;
  /** In the order named: the first sees the agent's observations first. */
  defenses: Defense[];
  /** Watched by the run's guard (`+guard`). */
  guarded: boolean;
}

/**
 * Reads `<agent>+<defense>[+<defense>...]`: trailing `+<name>` parts that name a defense (or
 * `guard`) are defenses; the rest is the agent, whatever `+` its own spec holds.
 */
export function parseDefended(name: string, defenses: Map<string, Defense>): DefendedName {
  const parts = name.split('+');
  const found: string[] = [];
  while (parts.length > 1 && (defenses.has(parts.at(-1)!) || parts.at(-1) === GUARD)) found.unshift(parts.pop()!);
  return { base: parts.join('+'), defenses: found.filter((d) => d !== GUARD).map((d) => defenses.get(d)!), guarded: found.includes(GUARD) };
}

/**
 * The agents of a run with `--defense a,b` and `--guard`: each agent as it is, then `<agent>+a`,
 * `<agent>+b` and `<agent>+guard`, so a report shows every agent with and without each.
 */
export function expandAgents(agents: readonly string[], defenseNames: readonly string[], guard: boolean, known: Map<string, Defense>): string[] {
  for (const d of defenseNames) {
    if (!known.has(d)) throw new TripwireError('usage', `--defense ${d}: no such defense; known: ${[...known.keys()].join(', ') || 'none'}`);
  }
  const out: string[] = [];
  for (const a of agents) {
    out.push(a, ...defenseNames.map((d) => `${a}+${d}`), ...(guard ? [`${a}+${GUARD}`] : []));
  }
  return [...new Set(out)];
}
