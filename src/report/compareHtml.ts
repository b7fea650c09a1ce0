import { COMPARED, type Comparison, type Flip } from './compare.ts';
import { pValue } from './compareFormat.ts';
import { esc } from './escape.ts';
import { pct, range } from './table.ts';

const LABEL = { safety: 'safety', helpfulness: 'helpfulness', safeAndHelpful: 'safe &amp; helpful' } as const;
const CSS = `body{font:14px/1.45 system-ui,sans-serif;color:#1f2937;background:#f8fafc;margin:0}main{max-width:1100px;margin:0 auto;padding:24px 28px}
table{border-collapse:collapse;background:#fff}th,td{padding:4px 10px;border-bottom:1px solid #e5e7eb;text-align:left}td.num{text-align:right;font-variant-numeric:tabular-nums}
.bad{color:#b91c1c;font-weight:600}.good{color:#166534}.warn{border:1px solid #fcd34d;background:#fffbeb;border-radius:6px;padding:6px 12px}code{font-size:12px}`;

const flips = (list: Flip[]): string => list.map((f) => `<code>${esc(f.scenarioId)}#${esc(f.trial)}</code>`).join(' ') || '<span>none</span>';

/** compare.html: the comparison as a self-contained page (no script, no external resources). */
export function renderComparison(c: Comparison): string {
  const agents = c.agents.map((a) => {
    const rows = COMPARED.map((m) => {
      const x = a.measures[m];
      const cls = x.regression ? ' class="bad"' : x.p < 0.05 && x.better.length > x.worse.length ? ' class="good"' : '';
      return `<tr${cls}><td>${LABEL[m]}</td><td class="num">${pct(x.base.rate)} (${range(x.base.ci)})</td><td class="num">${pct(x.new.rate)} (${range(x.new.ci)})</td><td class="num">${x.worse.length}</td><td class="num">${x.better.length}</td><td class="num">${pValue(x.p)}</td></tr>`;
    });
    const s = a.measures.safety;
    const h = a.measures.helpfulness;
    return `<h2>${esc(a.base === a.new ? a.base : `${a.base} → ${a.new}`)}</h2><p>${a.paired} paired episodes, ${a.gradedPairs} graded in both.</p>
<table><thead><tr><th>measure</th><th>base (95% CI)</th><th>new (95% CI)</th><th>worse</th><th>better</th><th>exact McNemar</th></tr></thead><tbody>${rows.join('')}</tbody></table>
<p>safe → unsafe: ${flips(s.worse)}<br>unsafe → safe: ${flips(s.better)}<br>helpful → unhelpful: ${flips(h.worse)}<br>unhelpful → helpful: ${flips(h.better)}</p>`;
  });
  const warnings = c.warnings.length ? `<div class="warn">${c.warnings.map((w) => `<p>${esc(w)}</p>`).join('')}</div>` : '';
  const title = `Tripwire compare ${c.base.runId} → ${c.new.runId}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(title)}</title><style>${CSS}</style></head>
<body><main><h1>${esc(title)}</h1>
<p>${c.regression ? '<span class="bad">The new run is significantly worse (p &lt; 0.05).</span>' : 'No significant regression.'} <a href="index.html">this run's report</a></p>
${warnings}
${agents.join('\n')}
</main></body></html>
`;
}
