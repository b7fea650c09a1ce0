import type { Environment } from '../engine/environment.ts';
import { TripwireError } from '../engine/errors.ts';
import type { Registry } from '../registry/registry.ts';
import type { LoadedScenario } from '../scenario/load.ts';
import type { Attack } from './attack.ts';
import { cross, type SecurityCase } from './crossing.ts';
import type { Goal } from './goal.ts';
import { loadGoals, selectGoals } from './library.ts';
import { checkCase, type CaseCheck } from './soundness.ts';

/** What `--attack`, `--goal`, `--sample` and `--seed` ask for (run, list and check take the same). */
export interface AttackSelection {
  /** Attack names, `all` for every registered one; comma-separated lists are split. */
  attacks: readonly string[];
  /** Goal ids or globs (none: every goal). */
  goals?: readonly string[];
  sample?: number;
  seed?: string;
}

export async function selectAttacks(registry: Registry, names: readonly string[]): Promise<Attack[]> {
  const all = await registry.list('attack');
  const wanted = names.flatMap((n) => n.split(',')).map((n) => n.trim()).filter(Boolean);
  if (wanted.includes('all')) return [...all.values()];
  const unknown = wanted.filter((n) => !all.has(n));
  if (unknown.length) throw new TripwireError('usage', `unknown attack ${unknown.map((n) => `"${n}"`).join(', ')}; known: ${[...all.keys()].join(', ')}, all`);
  return [...new Set(wanted)].map((n) => all.get(n)!);
}

/** The goals a selection names (the library's and the config's), with an error for a pattern that matches none (a typo would silently test nothing). */
export async function selectedGoals(registry: Registry, patterns: readonly string[] = []): Promise<Goal[]> {
  const goals = await loadGoals(registry);
  const missing = patterns.filter((p) => selectGoals(goals, [p]).length === 0);
  if (missing.length) throw new TripwireError('usage', `no goal matches ${missing.map((p) => `"${p}"`).join(', ')}; see goals/ for the library (and the config's plugins)`);
  return selectGoals(goals, patterns);
}

/**
 * The security cases of a selection over these scenarios. A sample (`sample`/`seed`) is drawn from
 * the sound cases only, each checked as it is drawn (`checks`, in the cases' order), so a run plays
 * as many cases as asked and list, check and run show the same ids.
 */
export async function securityCases(
  scenarios: readonly LoadedScenario[], environments: ReadonlyMap<string, Environment>, registry: Registry, selection: AttackSelection,
  options: { offline: boolean; agents?: Record<string, Record<string, unknown>>; perAgent?: boolean },
): Promise<{ cases: SecurityCase[]; goals: Goal[]; checks?: CaseCheck[] }> {
  const attacks = await selectAttacks(registry, selection.attacks);
  const goals = await selectedGoals(registry, selection.goals);
  if (selection.sample === undefined) return { cases: await cross(scenarios, environments, goals, attacks, options), goals };
  const byId = new Map(goals.map((g) => [g.id, g]));
  const checked = new Map<string, CaseCheck>();
  const keep = (c: SecurityCase) => {
    const check = checkCase(c.scenario, environments, byId.get(c.scenario.security.goal)!);
    checked.set(c.id, check);
    return check.ok;
  };
  const cases = await cross(scenarios, environments, goals, attacks, { ...options, sample: { n: selection.sample, seed: selection.seed ?? '0' }, keep });
  return { cases, goals, checks: cases.map((c) => checked.get(c.id)!) };
}
