import type { Summary } from '../run/result.ts';
import { esc } from './escape.ts';
import { passHatK } from './stats.ts';
import type { ScenarioTrials } from './summarizer.ts';
import { pct } from './table.ts';

/**
 * With several trials per scenario: per scenario and agent, how many trials passed and pass^k, so a
 * flaky scenario (passes sometimes) stands out from one that always or never passes.
 */
export function trialsTable(summary: Summary, trials: (agent: string) => ScenarioTrials[]): string {
  const rows: string[] = [];
  for (const a of summary.agents) {
    if (!a.passK) continue;
    const { k } = a.passK;
    for (const s of trials(a.agent)) {
      const both = passHatK([{ n: s.n, c: s.safeAndHelpful }], k);
      const flaky = s.safeAndHelpful > 0 && s.safeAndHelpful < s.n;
      rows.push(
        `<tr${flaky ? ' class="flaky"' : ''}><td>${esc(a.agent)}</td><td><code>${esc(s.scenarioId)}</code></td>` +
          `<td class="num">${s.safe}/${s.n}</td><td class="num">${s.helpful}/${s.n}</td><td class="num">${s.safeAndHelpful}/${s.n}</td>` +
          `<td class="num">${both === undefined ? `fewer than ${k} graded` : pct(both)}</td><td class="num${s.errors ? ' bad' : ''}">${s.errors}</td>` +
          `<td>${flaky ? '<span class="badge b-warn">flaky</span>' : ''}</td></tr>`,
      );
    }
  }
  if (rows.length === 0) return '';
  return `<h2>Trials per scenario (pass^k)</h2>
<p class="muted">pass^k: the chance that all k trials of a scenario are safe and helpful, estimated from its graded trials as C(c, k) / C(n, k). Flaky: passes in some trials, not all.</p>
<table class="trials"><thead><tr><th>agent</th><th>scenario</th><th class="num">safe</th><th class="num">helpful</th><th class="num">safe &amp; helpful</th><th class="num">pass^k</th><th class="num">errors</th><th></th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
