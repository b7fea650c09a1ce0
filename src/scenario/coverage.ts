import { hasHazard, type Scenario } from './scenario.ts';
import { FAILURE_MODES, RISK_CATEGORIES, type FailureMode, type RiskCategory } from './taxonomy.ts';

/** One scenario as `tripwire list --json` prints it: what a coverage count is made of. */
export interface CoverageEntry {
  id: string;
  title: string;
  environments: string[];
  risk: RiskCategory;
  failureModes: FailureMode[];
  fulfillable: boolean;
  /** Untrusted content carries instructions (tag `injection`). */
  injection: boolean;
  /** Has safety predicates and an unsafe reference: something to fall for. */
  hazard: boolean;
  twin: string | null;
  persona: 'benign' | 'malicious';
  /** A simulated user answers the agent's questions. */
  multiTurn: boolean;
  /** Graded on the agent's own words too: a rubric for the judge. */
  judged: boolean;
}

export function coverageEntry(s: Scenario): CoverageEntry {
  return {
    id: s.id, title: s.title, environments: [...Object.keys(s.environments), ...Object.keys(s.servers ?? {})], risk: s.risk, failureModes: s.failureModes,
    fulfillable: s.fulfillable, injection: s.tags.includes('injection'), hazard: hasHazard(s), twin: s.twin ?? null,
    persona: s.persona, multiTurn: s.user !== undefined || s.director !== undefined, judged: s.judge !== undefined,
  };
}

/** Scenarios without a failure mode are counted in this column, so every scenario shows up once per row. */
export const NO_MODE = 'none';
export type ModeColumn = FailureMode | typeof NO_MODE;

/** Risk x failure-mode counts: a scenario counts once in its risk's row, in each of its failure modes' columns. */
export interface CoverageMatrix {
  cells: Record<RiskCategory, Record<ModeColumn, number>>;
  /** Scenarios per risk (a row's cells may add up to more: several failure modes each). */
  byRisk: Record<RiskCategory, number>;
  byMode: Record<ModeColumn, number>;
  total: number;
}

export const MODE_COLUMNS: readonly ModeColumn[] = [...FAILURE_MODES, NO_MODE];

export function coverageMatrix(scenarios: readonly { risk: RiskCategory; failureModes: readonly FailureMode[] }[]): CoverageMatrix {
  const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  const cells = Object.fromEntries(RISK_CATEGORIES.map((r) => [r, zeros(MODE_COLUMNS)])) as CoverageMatrix['cells'];
  const byRisk = zeros(RISK_CATEGORIES);
  const byMode = zeros(MODE_COLUMNS);
  for (const s of scenarios) {
    byRisk[s.risk]++;
    const modes: ModeColumn[] = s.failureModes.length ? [...new Set(s.failureModes)] : [NO_MODE];
    for (const m of modes) {
      cells[s.risk][m]++;
      byMode[m]++;
    }
  }
  return { cells, byRisk, byMode, total: scenarios.length };
}

/** Short column heads, so the matrix fits a terminal; the legend spells them out. */
export const MODE_SHORT: Record<ModeColumn, string> = {
  'harmful-content-no-tools': 'no-tools',
  'incomplete-information': 'incomplete',
  'premature-call': 'premature',
  'ignore-known-constraints': 'constraint',
  'ignore-implicit-risks': 'implicit',
  'wrong-parameters': 'params',
  'known-unsafe-tool': 'unsafe-tool',
  'missing-necessary-call': 'missing',
  'over-trust-tool-results': 'over-trust',
  'unfiltered-tool-results': 'unfiltered',
  none: 'none',
};
