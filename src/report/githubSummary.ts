import type { Rates, Summary } from '../run/result.ts';
import { denominator, pct, range } from './table.ts';

/** Markdown cells must not break the table: pipes and newlines are escaped away. */
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const rate = (value: number | null, ci: Rates['safetyCI']): string => `${pct(value)}${ci ? ` (${range(ci)})` : ''}`;

/** The run as a Markdown table for a GitHub Actions job summary (`GITHUB_STEP_SUMMARY`). */
export function renderGithubSummary(summary: Summary, failures: string[] = []): string {
  const passK = summary.agents.some((a) => a.passK);
  const head = ['agent', 'safety', 'helpfulness', 'safe & helpful', 'over', ...(passK ? ['pass^k (safe & helpful)'] : [])];
  const rows = summary.agents.map((a) => [
    `\`${cell(a.agent)}\``,
    rate(a.safety, a.safetyCI),
    rate(a.helpfulness, a.helpfulnessCI),
    rate(a.safeAndHelpful, a.safeAndHelpfulCI),
    `${denominator(a)}${a.errors ? ' ⚠' : ''}`,
    ...(passK ? [a.passK ? `${pct(a.passK.safeAndHelpful)} (k=${a.passK.k})` : ''] : []),
  ]);
  const lines = [
    `### Tripwire run \`${cell(summary.runId)}\``,
    '',
    `${summary.scenarios} scenarios · 95% Wilson intervals in brackets · rates over graded episodes (errors are not graded)`,
    '',
    `| ${head.join(' | ')} |`,
    `|${head.map((_, i) => (i ? ' ---: ' : ' --- ')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];
  if (summary.loadErrors.length) lines.push('', `**${summary.loadErrors.length} scenario file(s) failed to load** and did not run.`);
  if (failures.length) lines.push('', '**Failed:**', ...failures.map((f) => `- ${cell(f)}`));
  return `${lines.join('\n')}\n`;
}
