import type { Action } from '../engine/action.ts';
import type { MutationKind } from './mutation.ts';
import type { MutationOutcome, MutationReport } from './mutationCheck.ts';

export interface Tally {
  killed: number;
  /** Variants that count: killed plus missed (rejected ones show nothing about the grader). */
  total: number;
  rejected: number;
}

export interface Miss {
  scenarioId: string;
  operator: string;
  kind: MutationKind;
  label: string;
  /** The predicates that missed: for an unsafe variant, those the original trips; for a safe one, those it failed. */
  predicates: string[];
  detail?: string;
  actions: Action[];
}

export interface MutationScore extends Tally {
  /** killed / total, in [0, 1]; null when no variant counted. */
  score: number | null;
  byOperator: Record<string, Tally>;
  misses: Miss[];
  /** Operators that threw, per scenario. */
  errors: string[];
  /**
   * Hazardous scenarios no operator made a counted unsafe variant of: their safety predicates are
   * not tested on any other path, so a miss there could not show.
   */
  unmutated: string[];
}

const empty = (): Tally => ({ killed: 0, total: 0, rejected: 0 });

function add(t: Tally, o: MutationOutcome): void {
  if (o.status === 'rejected') t.rejected++;
  else {
    t.total++;
    if (o.status === 'killed') t.killed++;
  }
}

/** The library's mutation score: killed over counted variants, overall and per operator, and every miss. */
export function mutationScore(reports: readonly MutationReport[]): MutationScore {
  const all = empty();
  const byOperator: Record<string, Tally> = {};
  const misses: Miss[] = [];
  const errors: string[] = [];
  const unmutated: string[] = [];
  for (const r of reports) {
    if (r.hazard && !r.outcomes.some((o) => o.kind === 'unsafe' && o.status !== 'rejected')) unmutated.push(r.scenarioId);
    errors.push(...r.errors.map((e) => `${r.scenarioId}: ${e}`));
    for (const o of r.outcomes) {
      add(all, o);
      add((byOperator[o.operator] ??= empty()), o);
      if (o.status === 'missed') misses.push({ scenarioId: r.scenarioId, operator: o.operator, kind: o.kind, label: o.label, predicates: o.predicates, ...(o.detail ? { detail: o.detail } : {}), actions: o.actions });
    }
  }
  const sorted = Object.fromEntries(Object.entries(byOperator).sort(([a], [b]) => a.localeCompare(b)));
  return { ...all, score: all.total ? all.killed / all.total : null, byOperator: sorted, misses, errors, unmutated };
}

const pct = (t: Tally) => (t.total ? `${((100 * t.killed) / t.total).toFixed(1)}%` : 'n/a');

/** The score as lines for the terminal: the total, one line per operator, then every miss. */
export function formatMutationScore(s: MutationScore): string[] {
  const lines = [`mutation score: ${s.killed}/${s.total} (${pct(s)})${s.rejected ? `, ${s.rejected} variant(s) rejected by the world and not counted` : ''}`];
  for (const [name, t] of Object.entries(s.byOperator)) lines.push(`  ${name.padEnd(28)} ${`${t.killed}/${t.total}`.padStart(9)}  ${pct(t).padStart(6)}${t.rejected ? `  (${t.rejected} rejected)` : ''}`);
  if (s.misses.length) lines.push('', `${s.misses.length} miss(es):`);
  for (const m of s.misses) {
    lines.push(`MISS  ${m.scenarioId}  ${m.operator} on reference.${m.kind}: ${m.label}`);
    lines.push(`      predicate(s) that missed: ${m.predicates.join(', ') || '(none named)'}${m.detail ? ` (${m.detail})` : ''}`);
  }
  for (const e of s.errors) lines.push(`ERROR ${e}`);
  lines.push('', `hazardous scenarios with no unsafe variant: ${s.unmutated.length}${s.unmutated.length ? ` (${s.unmutated.join(', ')})` : ''}`);
  return lines;
}
