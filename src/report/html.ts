import { createHash } from 'node:crypto';
import type { EpisodeResult, Summary } from '../run/result.ts';
import type { TraceRecord } from '../grading/trace.ts';
import { denominator, pct, range, ratePct } from './table.ts';
import { trialsTable } from './trialsTable.ts';
import { trialsByScenario, type ScenarioTrials } from './summary.ts';
import { agentColor, riskChart } from './chart.ts';
import { renderEpisode, type ScenarioInfo } from './episode.ts';
import { coverageSection } from './coverage.ts';
import { esc } from './escape.ts';
import type { Metric } from './metric.ts';

export interface ReportInput {
  summary: Summary;
  results: EpisodeResult[];
  /** Trace records keyed by episodeId. */
  traces: Record<string, TraceRecord[]>;
  /** Keyed by scenarioId. */
  scenarios: Record<string, ScenarioInfo>;
  /** Links to pages beside index.html in the run folder (a comparison). */
  links?: { href: string; label: string }[];
}

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1f2937;background:#f8fafc;margin:0}
main{max-width:1100px;margin:0 auto;padding:24px 28px 48px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:28px 0 10px;border-bottom:1px solid #e5e7eb;padding-bottom:4px}
code{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f1f5f9;border-radius:3px;padding:0 3px;word-break:break-word}
.muted{color:#6b7280}
table{border-collapse:collapse;background:#fff}
th,td{padding:4px 10px;border-bottom:1px solid #e5e7eb;text-align:left;vertical-align:top}
th{font-weight:600;color:#4b5563;font-size:12px;background:#f9fafb}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px}
.bad{color:#b91c1c;font-weight:600}.ci{display:block;color:#6b7280;font-size:11px}
.chart .ci-bar{stroke:#111827;stroke-width:1.2}
.chart{max-width:100%;height:auto;background:#fff;border:1px solid #e5e7eb;border-radius:6px}
.chart .grid{stroke:#e5e7eb}.chart .axis{stroke:#9ca3af}
.chart text{font-size:11px;fill:#374151}.chart .tick{fill:#6b7280;font-size:10px}
.chart .label{font-size:11.5px;font-weight:600}.chart .value{font-size:10px;fill:#111827}.chart .axis-title{font-size:11px;fill:#4b5563}
.load-errors{border:1px solid #fca5a5;background:#fef2f2;border-radius:6px;padding:8px 12px}
.load-errors p{margin:0 0 6px}
.filters{display:flex;gap:12px;align-items:center;margin:0 0 10px;font-size:13px}
.filters select,.filters input{font:inherit;padding:2px 6px}
details.episode{background:#fff;border:1px solid #e5e7eb;border-radius:6px;margin:6px 0}
details.episode>summary{cursor:pointer;padding:7px 12px;display:flex;flex-wrap:wrap;gap:8px;align-items:center;list-style:none}
details.episode>summary::before{content:"\\25B8";color:#9ca3af;width:10px}details.episode[open]>summary::before{content:"\\25BE"}
details.episode[open]>summary{border-bottom:1px solid #e5e7eb;background:#f9fafb}
.agent{font-weight:600}.sid{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px}
.body{padding:8px 14px 12px}.meta{margin:0 0 8px;font-size:12.5px;color:#4b5563}
.instruction{border-left:3px solid #93c5fd;background:#eff6ff;padding:6px 10px;margin:0 0 10px}
.instruction p{margin:2px 0 0;white-space:pre-wrap}
.reason{color:#b91c1c}
.badge{display:inline-block;font-size:11.5px;font-weight:600;padding:1px 7px;border-radius:9px;border:1px solid transparent}
.b-good{background:#dcfce7;color:#166534}.b-bad{background:#fee2e2;color:#991b1b}.b-warn{background:#fef3c7;color:#92400e}.b-muted{background:#f1f5f9;color:#475569}
.b-status-finished{background:#e0e7ff;color:#3730a3}.b-status-refused{background:#ede9fe;color:#5b21b6}
.b-status-asked{background:#ccfbf1;color:#115e59}.b-status-limit{background:#ffedd5;color:#9a3412}
.b-status-error{background:#dc2626;color:#fff}
table.trace{width:100%;font-size:12.5px}table.trace td.num{width:32px}table.trace td.kind{width:64px}table.trace td.kind{color:#6b7280;white-space:nowrap}
table.trace td:last-child{word-break:break-word}
.obs{white-space:pre-wrap}
.injected{border-left:3px solid #c0392b;padding:.2em .6em;margin:.3em 0;background:#fdf0ee}
tr.k-error td{color:#b91c1c}
tr.k-violation td{background:#fef2f2;color:#7f1d1d}tr.k-violation td.kind{color:#b91c1c;font-weight:700}
tr.k-end td{background:#f9fafb;font-weight:500}
ul.changes{margin:2px 0 0;padding-left:18px}
`;

// Filtering only: without it every episode is shown, so the page reads fine with JS off.
const SCRIPT = `
const f=document.getElementById('filters');if(f){f.hidden=false;
function apply(){const a=f.agent.value,s=f.show.value,q=f.q.value.trim().toLowerCase();
for(const d of document.querySelectorAll('details.episode')){const x=d.dataset;
const show=s==='all'||(s==='unsafe'&&x.safe==='false')||(s==='unhelpful'&&x.helpful==='false')||(s==='error'&&x.status==='error')||(s==='failing'&&(x.safe==='false'||x.helpful==='false'));
d.hidden=!((!a||x.agent===a)&&show&&(!q||x.search.includes(q)));}}
f.addEventListener('input',apply);f.addEventListener('submit',e=>e.preventDefault());}
`;

function agentTable(summary: Summary): string {
  // Token and cost columns only when some agent used a model: reference runs stay narrow.
  const tokens = summary.agents.some((a) => (a.tokens?.prompt ?? 0) + (a.tokens?.completion ?? 0) > 0);
  const cost = summary.agents.some((a) => a.cost !== undefined);
  const passK = summary.agents.some((a) => a.passK);
  const rows = summary.agents.map((a, i) => {
    // Each rate with its interval and what it is over: errors are never out of sight.
    const rate = (v: number | null, ci: typeof a.safetyCI) => `<td class="num" title="${esc(denominator(a))}">${ratePct(v, a)}${ci && (a.graded ?? a.episodes) > 0 ? `<span class="ci">${range(ci)}</span>` : ''}</td>`;
    const cells = [
      `<td><span class="swatch" style="background:${agentColor(i)}"></span>${esc(a.agent)}</td>`,
      `<td class="num">${a.graded ?? a.episodes} of ${a.episodes}</td>`,
      `<td class="num${a.errors ? ' bad' : ''}">${a.errors}</td>`,
      rate(a.safety, a.safetyCI),
      rate(a.helpfulness, a.helpfulnessCI),
      rate(a.safeAndHelpful, a.safeAndHelpfulCI),
      ...(passK ? [`<td class="num">${a.passK ? `${pct(a.passK.safeAndHelpful)} <span class="ci">k=${a.passK.k}; safety ${pct(a.passK.safety)}, helpfulness ${pct(a.passK.helpfulness)}</span>` : ''}</td>`] : []),
      `<td class="num">${a.invalidActions}</td>`,
      ...(tokens ? [`<td class="num">${a.tokens?.prompt ?? 0} / ${a.tokens?.completion ?? 0}</td>`] : []),
      ...(cost ? [`<td class="num">${a.cost === undefined ? '' : a.cost.toFixed(4)}</td>`] : []),
    ];
    return `<tr>${cells.join('')}</tr>`;
  });
  const names = ['agent', 'graded', 'errors', 'safety', 'helpfulness', 'safe &amp; helpful', ...(passK ? ['pass^k (safe &amp; helpful)'] : []), 'invalid actions', ...(tokens ? ['tokens in / out'] : []), ...(cost ? ['cost'] : [])];
  const head = names.map((h, i) => `<th${i ? ' class="num"' : ''}>${h}</th>`);
  return `<p class="muted">Rates are over graded episodes, with 95% Wilson intervals; an episode that errored before any violation is not graded (never counted as safe).</p><table class="agents"><thead><tr>${head.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** Each metric plug-in's table (a benchmark's own numbers beside Tripwire's), for the agents that have a value. */
function metricTables(summary: Summary, metrics: readonly Metric[]): string {
  return metrics.map((m) => {
    const columns = m.columns;
    if (!columns) return '';
    const rows = summary.agents.filter((a) => a[m.name] !== undefined).map((a) =>
      `<tr><td>${esc(a.agent)}</td>${columns.cells(a[m.name]).map((c) => `<td class="num">${esc(c)}</td>`).join('')}</tr>`);
    if (rows.length === 0) return '';
    const head = ['agent', ...columns.headings].map((h, i) => `<th${i ? ' class="num"' : ''}>${esc(h)}</th>`).join('');
    return `<h2>${esc(m.title)}</h2><table class="agents metric-${esc(m.name)}"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
  }).join('');
}

function loadErrors(summary: Summary): string {
  if (summary.loadErrors.length === 0) return '';
  const rows = summary.loadErrors.map((e) => `<tr><td><code>${esc(e.file)}</code></td><td><code>${esc(e.field)}</code></td><td>${esc(e.message)}</td></tr>`);
  return `<h2>Load errors</h2><div class="load-errors"><p>${summary.loadErrors.length} scenario file(s) failed to load and did not run.</p><table><thead><tr><th>file</th><th>field</th><th>message</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function filters(names: string[]): string {
  const agents = names.map((a) => `<option value="${esc(a)}">${esc(a)}</option>`).join('');
  return `<form id="filters" class="filters" hidden>
<label>agent <select name="agent"><option value="">all</option>${agents}</select></label>
<label>show <select name="show"><option value="all">all</option><option value="failing">unsafe or unhelpful</option><option value="unsafe">unsafe</option><option value="unhelpful">unhelpful</option><option value="error">errors</option></select></label>
<label>search <input name="q" type="search" placeholder="scenario, agent, episode"></label></form>`;
}

/** The head of every report page: styles, and a CSP that lets only the filter script run. */
function page(title: string, body: string): string {
  // The CSP allows only this page's own script (by hash): even a missed escape could not run code or fetch anything.
  const scriptHash = createHash('sha256').update(SCRIPT).digest('base64');
  const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${scriptHash}'`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${body}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/** A page of the episode list (`episodes/page-0001.html`), for runs too large for one page. */
export interface EpisodePage {
  href: string;
  /** 1-based positions of its first and last episode in the run. */
  from: number;
  to: number;
  first: string;
  last: string;
  /** Episodes on it that were unsafe, unhelpful or errored: where to look first. */
  unsafe: number;
  unhelpful: number;
  errors: number;
}

export interface IndexInput {
  summary: Summary;
  episodes: number;
  /** The episode list: rendered inline, or split into pages beside index.html. */
  list: { inline: string } | { pages: EpisodePage[] };
  /** Per agent, its trials per scenario (for the pass^k table). */
  trials: (agent: string) => ScenarioTrials[];
  /** Each scenario played, once (for the coverage matrix). */
  scenarios: Pick<EpisodeResult, 'scenarioId' | 'risk' | 'failureModes'>[];
  links?: { href: string; label: string }[];
  /** The run's metric plug-ins: a table each, after the agents'. */
  metrics?: readonly Metric[];
}

function pageTable(pages: EpisodePage[], episodes: number): string {
  const rows = pages.map((p, i) =>
    `<tr><td><a href="${esc(p.href)}">page ${i + 1}</a></td><td class="num">${p.from}–${p.to}</td><td><span class="sid">${esc(p.first)}</span> … <span class="sid">${esc(p.last)}</span></td>` +
      `<td class="num${p.unsafe ? ' bad' : ''}">${p.unsafe}</td><td class="num">${p.unhelpful}</td><td class="num${p.errors ? ' bad' : ''}">${p.errors}</td></tr>`,
  );
  return `<p class="muted">${episodes} episodes in ${pages.length} pages, each a page of its own beside this one (a run this large does not fit one page).</p>
<table class="pages"><thead><tr><th>page</th><th class="num">episodes</th><th>from … to</th><th class="num">unsafe</th><th class="num">unhelpful</th><th class="num">errors</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** index.html for one run: the summary, and the episode list inline or as a table of its pages. */
export function renderIndex(input: IndexInput): string {
  const { summary, episodes, list, links = [] } = input;
  const title = `Tripwire report ${summary.runId}`;
  const listHtml = 'inline' in list ? `${filters(summary.agents.map((a) => a.agent))}\n${list.inline || '<p class="muted">No episodes.</p>'}` : pageTable(list.pages, episodes);
  return page(title, `<h1>${esc(title)}</h1>
<p class="muted">${summary.scenarios} scenarios · ${episodes} episodes · ${summary.agents.length} agents${summary.tripwireVersion ? ` · Tripwire ${esc(summary.tripwireVersion)}` : ''}${summary.scenarioFingerprint ? ` · scenario set <code>${esc(summary.scenarioFingerprint.slice(0, 12))}</code>` : ''}${links.map((l) => ` · <a href="${esc(l.href)}">${esc(l.label)}</a>`).join('')}</p>
<h2>Agents</h2>
${agentTable(summary)}${metricTables(summary, input.metrics ?? [])}
<h2>Safety and helpfulness by risk category</h2>
${riskChart(summary)}
${trialsTable(summary, input.trials)}
${coverageSection(input.scenarios)}
${loadErrors(summary)}
<h2>Episodes</h2>
${listHtml}`);
}

/** One page of a paged episode list, with links to the report and the pages around it. */
export function renderEpisodePage(run: { runId: string; agents: string[] }, n: number, p: EpisodePage, nav: { prev?: string; next?: string }, episodesHtml: string): string {
  const title = `Tripwire report ${run.runId}, episodes ${p.from}–${p.to}`;
  const links = [`<a href="../index.html">the report</a>`, nav.prev ? `<a href="${esc(nav.prev)}">previous page</a>` : '', nav.next ? `<a href="${esc(nav.next)}">next page</a>` : ''].filter(Boolean).join(' · ');
  return page(title, `<h1>${esc(title)}</h1>
<p class="muted">page ${n} · ${links}</p>
${filters(run.agents)}
${episodesHtml}
<p class="muted">${links}</p>`);
}

/** index.html for one run with every episode inline: a single self-contained page (no external resources). */
export function renderReport(input: ReportInput): string {
  const { summary, results, traces, scenarios, links = [] } = input;
  const episodes = results.map((r) => renderEpisode(r, traces[r.episodeId], scenarios[r.scenarioId])).join('\n');
  return renderIndex({
    summary, episodes: results.length, list: { inline: episodes }, links,
    trials: (agent) => trialsByScenario(results.filter((r) => r.agent === agent)),
    scenarios: results,
  });
}
