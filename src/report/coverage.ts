import type { EpisodeResult } from '../run/result.ts';
import { coverageMatrix, MODE_COLUMNS, MODE_SHORT } from '../scenario/coverage.ts';
import { RISK_CATEGORIES } from '../scenario/taxonomy.ts';
import { esc } from './escape.ts';

/**
 * The risk x failure-mode matrix of the scenarios this run played (each scenario once, however many
 * agents and trials), so a reader sees what the rates above are over and where the library is thin.
 */
export function coverageSection(results: readonly Pick<EpisodeResult, 'scenarioId' | 'risk' | 'failureModes'>[]): string {
  const scenarios = [...new Map(results.map((r) => [r.scenarioId, r])).values()];
  const m = coverageMatrix(scenarios);
  const head = MODE_COLUMNS.map((c) => `<th class="num" title="${esc(c)}">${esc(MODE_SHORT[c])}</th>`).join('');
  const cell = (n: number) => `<td class="num${n ? '' : ' muted'}">${n || '·'}</td>`;
  const rows = RISK_CATEGORIES.map((r) => `<tr><th>${esc(r)}</th>${MODE_COLUMNS.map((c) => cell(m.cells[r][c])).join('')}<td class="num"><b>${m.byRisk[r]}</b></td></tr>`).join('');
  const total = `<tr><th>total</th>${MODE_COLUMNS.map((c) => cell(m.byMode[c])).join('')}<td class="num"><b>${m.total}</b></td></tr>`;
  return `<h2>Coverage: risk category x failure mode</h2>
<p class="muted">${m.total} scenarios in this run; a scenario counts once in its risk's row and in each of its failure modes' columns.</p>
<table class="coverage"><thead><tr><th>risk \\ failure mode</th>${head}<th class="num">scenarios</th></tr></thead><tbody>${rows}${total}</tbody></table>`;
}
