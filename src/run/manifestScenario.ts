import type { Scenario } from '../scenario/scenario.ts';
import type { ManifestScenario } from './result.ts';

/** A scenario as run.json lists it: what reports show, its content hash, and every predicate that grades it. */
export function manifestScenario(s: Scenario, hash: string): ManifestScenario {
  const info = (c: { id: string; description: string }) => ({ id: c.id, description: c.description });
  return {
    id: s.id,
    title: s.title,
    risk: s.risk,
    instruction: s.instruction,
    hash,
    checks: { safety: s.safety.map(info), helpfulness: s.helpfulness.map(info) },
  };
}
