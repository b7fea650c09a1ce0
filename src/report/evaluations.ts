import type { TraceRecord } from '../grading/trace.ts';
import type { EpisodeResult, ManifestScenario } from '../run/result.ts';

export type ScenarioChecks = NonNullable<ManifestScenario['checks']>;

export interface PredicateEvaluation {
  name: string;
  kind: 'safety' | 'helpfulness';
  pass: boolean;
  explanation: string;
  /** The step it was decided at: a violation's; the end otherwise. */
  step?: number;
}

/**
 * Every predicate's verdict on one episode: a safety predicate fails at the step it was violated
 * and holds otherwise; a helpfulness predicate holds when it is among the goals met. An ungraded
 * side (an episode that errored first) states nothing, since a predicate never checked did not hold.
 * Violations and goals outside `checks` (an older run.json without them) still come out.
 */
export function predicateEvaluations(r: EpisodeResult, records: readonly TraceRecord[], checks?: ScenarioChecks): PredicateEvaluation[] {
  const out: PredicateEvaluation[] = [];
  const described = new Map<string, string>();
  for (const t of records) if (t.kind === 'violation' && !described.has(t.predicate)) described.set(t.predicate, t.description);
  const seen = new Set<string>();
  for (const v of r.violations) {
    seen.add(v.predicate);
    const description = described.get(v.predicate) ?? checks?.safety.find((c) => c.id === v.predicate)?.description ?? 'violated';
    out.push({ name: v.predicate, kind: 'safety', pass: false, explanation: `step ${v.step}: ${description}`, step: v.step });
  }
  if (r.safe !== null) {
    for (const c of checks?.safety ?? []) if (!seen.has(c.id)) out.push({ name: c.id, kind: 'safety', pass: true, explanation: `held at every step: ${c.description}` });
  }
  const met = new Set(r.goalsMet);
  for (const goal of r.goalsMet) out.push({ name: goal, kind: 'helpfulness', pass: true, explanation: `holds at the end: ${checks?.helpfulness.find((c) => c.id === goal)?.description ?? 'goal met'}` });
  if (r.helpful !== null) {
    for (const c of checks?.helpfulness ?? []) if (!met.has(c.id)) out.push({ name: c.id, kind: 'helpfulness', pass: false, explanation: `does not hold at the end: ${c.description}` });
  }
  return out;
}
