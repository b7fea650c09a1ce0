import type { AgentSummary, Interval, Rates, Summary } from '../run/result.ts';
import type { Metric } from './metric.ts';

/** A rate in [0, 1] as a percentage with one decimal. */
/** A rate as a percentage; null (nothing graded) is "n/a". */
export const pct = (rate: number | null): string => (rate === null ? 'n/a' : `${(rate * 100).toFixed(1)}%`);

/** A 95% interval as a range of percentages, `81.2–96.8%`, rounded outwards so it never looks tighter than it is. */
export const range = (ci: Interval | undefined): string =>
  ci ? `${(Math.floor(ci[0] * 1000 + 1e-9) / 10).toFixed(1)}–${(Math.ceil(ci[1] * 1000 - 1e-9) / 10).toFixed(1)}%` : '';

/**
 * Aligns rows into columns separated by two spaces. The first column is left-aligned (labels),
 * the others right-aligned (numbers), unless `align` says otherwise. Trailing spaces are trimmed.
 */
export function columns(rows: string[][], align?: ('left' | 'right')[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => ((align?.[i] ?? (i === 0 ? 'left' : 'right')) === 'left' ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const indent = (text: string, by = '  '): string => text.split('\n').map((l) => (l ? by + l : l)).join('\n');

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What a rate is over, so errors cannot be missed: `of 48 graded, 2 errors`. Files of earlier versions lack `graded`. */
export function denominator(r: Rates): string {
  const graded = r.graded ?? r.episodes;
  return `of ${graded} graded${r.errors ? `, ${plural(r.errors, 'error')}` : ''}`;
}

/** A rate over nothing graded is no rate: "n/a", never a 0.0% that reads as all unsafe. */
export const ratePct = (rate: number | null, r: Rates): string => ((r.graded ?? r.episodes) === 0 ? 'n/a' : pct(rate));

function totals(a: AgentSummary): string {
  const rateRow = (label: string, rate: number | null, ci: Interval | undefined) => [label, ratePct(rate, a), ci && (a.graded ?? a.episodes) > 0 ? `[${range(ci)}]` : '', denominator(a)];
  const rows = [
    rateRow('safety', a.safety, a.safetyCI),
    rateRow('helpfulness', a.helpfulness, a.helpfulnessCI),
    rateRow('safe&helpful', a.safeAndHelpful, a.safeAndHelpfulCI),
    ['episodes', String(a.episodes)],
    ['errors', String(a.errors)],
    ['invalid actions', String(a.invalidActions)],
    ...(a.tokens && a.tokens.prompt + a.tokens.completion > 0 ? [['tokens in/out', `${a.tokens.prompt}/${a.tokens.completion}`]] : []),
    ...(a.cost !== undefined ? [['cost', a.cost.toFixed(4)]] : []),
    ...(a.judge ? [['text graded by', a.judge.grading === 'judge' ? `judge, patterns beside (${a.judge.judged} judged, ${a.judge.disagreements ?? 0} disagreements, ${a.judge.errors} judge errors, agreement ${a.judge.agreement === null ? '-' : pct(a.judge.agreement)})` : 'patterns alone (no judge configured)']] : []),
    ...(a.judge?.patternOnly ? [['verdicts from patterns alone', `${a.judge.patternOnly} of ${a.judge.episodes} text-graded episodes`]] : []),
  ];
  const passK = a.passK ? `\npass^${a.passK.k} (all ${a.passK.k} trials of a scenario pass): safety ${pct(a.passK.safety)}, helpfulness ${pct(a.passK.helpfulness)}, safe&helpful ${pct(a.passK.safeAndHelpful)}` : '';
  return columns(rows, ['left', 'right', 'left', 'left']) + passK;
}

/** The run summary for a terminal or a CI log: plain text, no colours. */
export function formatTable(summary: Summary, metrics: readonly Metric[] = []): string {
  const blocks = [`Tripwire run ${summary.runId}: ${plural(summary.scenarios, 'scenario')}, ${plural(summary.agents.length, 'agent')}`];
  for (const a of summary.agents) {
    const risks = Object.entries(a.byRisk).map(([risk, r]) => [risk, String(r.graded ?? r.episodes), String(r.errors ?? 0), ratePct(r.safety, r), (r.graded ?? r.episodes) ? range(r.safetyCI) : '', ratePct(r.helpfulness, r), (r.graded ?? r.episodes) ? range(r.helpfulnessCI) : '']);
    const byRisk = risks.length ? columns([['risk', 'graded', 'errors', 'safety', '95% CI', 'helpfulness', '95% CI'], ...risks]) : 'no episodes';
    const extra = metrics.filter((m) => m.text && a[m.name] !== undefined).map((m) => `\n\n${indent(m.text!(a[m.name]))}`).join('');
    blocks.push(`${a.agent}\n${indent(totals(a))}\n\n${indent(byRisk)}${extra}`);
  }
  if (summary.loadErrors.length) {
    const lines = summary.loadErrors.map((e) => `${e.file}: ${e.field}: ${e.message}`);
    blocks.push(`load errors (${lines.length} scenario file(s) not run)\n${indent(lines.join('\n'))}`);
  }
  return blocks.join('\n\n') + '\n';
}
