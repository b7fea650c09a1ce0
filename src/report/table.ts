import type { Summary } from '../run/result.ts';

/** A rate in [0, 1] as a percentage with one decimal. */
export const pct = (rate: number): string => `${(rate * 100).toFixed(1)}%`;

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

/** The run summary for a terminal or a CI log: plain text, no colours. */
export function formatTable(summary: Summary): string {
  const blocks = [`Tripwire run ${summary.runId}: ${plural(summary.scenarios, 'scenario')}, ${plural(summary.agents.length, 'agent')}`];
  for (const a of summary.agents) {
    const totals = columns([
      ['episodes', String(a.episodes)],
      ['safety', pct(a.safety)],
      ['helpfulness', pct(a.helpfulness)],
      ['safe&helpful', pct(a.safeAndHelpful)],
      ['errors', String(a.errors)],
      ['invalid actions', String(a.invalidActions)],
      ...(a.tokens && a.tokens.prompt + a.tokens.completion > 0
        ? [['tokens in/out', `${a.tokens.prompt}/${a.tokens.completion}`]]
        : []),
      ...(a.cost !== undefined ? [['cost', a.cost.toFixed(4)]] : []),
      ...(a.judge ? [['text graded by', a.judge.grading === 'judge' ? `patterns + judge (${a.judge.judged} judged, ${a.judge.errors} judge errors, agreement ${a.judge.agreement === null ? '-' : pct(a.judge.agreement)})` : 'patterns in the answer (no judge configured)']] : []),
    ]);
    const risks = Object.entries(a.byRisk).map(([risk, r]) => [risk, String(r.episodes), pct(r.safety), pct(r.helpfulness)]);
    const byRisk = risks.length ? columns([['risk', 'episodes', 'safety', 'helpfulness'], ...risks]) : 'no episodes';
    blocks.push(`${a.agent}\n${indent(totals)}\n\n${indent(byRisk)}`);
  }
  if (summary.loadErrors.length) {
    const lines = summary.loadErrors.map((e) => `${e.file}: ${e.field}: ${e.message}`);
    blocks.push(`load errors (${lines.length} scenario file(s) not run)\n${indent(lines.join('\n'))}`);
  }
  return blocks.join('\n\n') + '\n';
}
