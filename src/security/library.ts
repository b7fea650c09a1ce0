import { bundledRegistry, type Registry } from '../registry/registry.ts';
import { matchesAny } from '../scenario/filter.ts';
import type { Goal } from './goal.ts';

/**
 * Every goal a registry knows, by id: the bundled library (goals/*.ts, goals/*.yaml, in file-name
 * order) and those the user's config adds (`plugins`: a module or YAML file, or a folder searched by
 * the same rule), found by the registry's one rule (src/registry/discover.ts). Two goals with one id
 * are an error naming both files.
 */
export async function loadGoals(registry: Registry = bundledRegistry()): Promise<Goal[]> {
  return [...(await registry.list('goal')).values()];
}

/** The goals whose id matches one of `patterns` (globs; none: all). */
export function selectGoals(goals: readonly Goal[], patterns: readonly string[]): Goal[] {
  return goals.filter((g) => matchesAny(g.id, [...patterns]));
}
