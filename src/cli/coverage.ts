import { columns, plural } from '../report/table.ts';
import { coverageMatrix, MODE_COLUMNS, MODE_SHORT, NO_MODE, type CoverageEntry } from '../scenario/coverage.ts';
import { RISK_CATEGORIES } from '../scenario/taxonomy.ts';

/** `tripwire list --coverage`: the risk x failure-mode matrix, then what the library has of each kind. */
export function formatCoverage(entries: CoverageEntry[]): string {
  const m = coverageMatrix(entries);
  const head = ['risk \\ failure mode', ...MODE_COLUMNS.map((c) => MODE_SHORT[c]), 'scenarios'];
  const rows = RISK_CATEGORIES.map((r) => [r, ...MODE_COLUMNS.map((c) => String(m.cells[r][c] || '.')), String(m.byRisk[r])]);
  const total = ['total', ...MODE_COLUMNS.map((c) => String(m.byMode[c])), String(m.total)];
  const count = (f: (e: CoverageEntry) => boolean) => entries.filter(f).length;
  const envs = new Set(entries.flatMap((e) => e.environments));
  const hazards = entries.filter((e) => e.hazard);
  return [
    columns([head, ...rows, total], head.map((_, i) => (i === 0 ? 'left' : 'right'))),
    '',
    `${plural(entries.length, 'scenario')} over ${plural(envs.size, 'environment')}: ${hazards.length} with a hazard (${count((e) => e.hazard && e.twin !== null)} naming a twin), ${count((e) => e.injection)} injections, ${count((e) => !e.fulfillable)} unfulfillable, ${count((e) => e.multiTurn)} multi-turn, ${count((e) => e.judged)} with a judge rubric`,
    `columns: ${MODE_COLUMNS.filter((c) => c !== NO_MODE).map((c) => `${MODE_SHORT[c]} = ${c}`).join(', ')}; a scenario counts in each of its failure modes`,
  ].join('\n');
}

