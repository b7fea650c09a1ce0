import type { Summary } from '../run/result.ts';
import { RISK_CATEGORIES } from '../scenario/taxonomy.ts';
import { denominator, pct, range } from './table.ts';
import { esc } from './escape.ts';

/** One hue per agent; safety is the solid bar, helpfulness the light one of the same hue. */
const PALETTE = ['#2563eb', '#d97706', '#7c3aed', '#0d9488', '#db2777', '#4b5563'];
export const agentColor = (i: number): string => PALETTE[i % PALETTE.length]!;

const W = 760;
const LABEL_W = 210; // risk ids are long ("compromise-availability"): bars run horizontally
const PLOT_W = 470;
const BAR_H = 11;
const BAR_GAP = 2;
const GROUP_PAD = 14;
const METRICS = [
  { key: 'safety', ci: 'safetyCI', label: 'safety', opacity: 1 },
  { key: 'helpfulness', ci: 'helpfulnessCI', label: 'helpfulness', opacity: 0.35 },
] as const;

/** Risk ids present for any agent, in taxonomy order (unknown ids last). */
export function risksOf(summary: Summary): string[] {
  const present = new Set(summary.agents.flatMap((a) => Object.keys(a.byRisk)));
  return [...RISK_CATEGORIES.filter((r) => present.has(r)), ...[...present].filter((r) => !(RISK_CATEGORIES as readonly string[]).includes(r)).sort()];
}

/**
 * A grouped horizontal bar chart as inline SVG: one group per risk category, inside it a safety
 * and a helpfulness bar per agent, each labelled with its percentage.
 */
export function riskChart(summary: Summary): string {
  const risks = risksOf(summary);
  const agents = summary.agents;
  if (risks.length === 0) return '<p class="muted">No episodes to chart.</p>';
  const groupH = agents.length * METRICS.length * (BAR_H + BAR_GAP) + GROUP_PAD;
  const top = 8;
  const plotH = risks.length * groupH;
  const x0 = LABEL_W;
  const x = (rate: number) => x0 + rate * PLOT_W;
  const out: string[] = [];

  // Grid and x axis: ticks every 25%.
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    out.push(`<line x1="${x(t)}" y1="${top}" x2="${x(t)}" y2="${top + plotH}" class="grid"/>`);
    out.push(`<text x="${x(t)}" y="${top + plotH + 14}" text-anchor="middle" class="tick">${t * 100}%</text>`);
  }
  out.push(`<line x1="${x0}" y1="${top + plotH}" x2="${x(1)}" y2="${top + plotH}" class="axis"/>`);
  out.push(`<line x1="${x0}" y1="${top}" x2="${x0}" y2="${top + plotH}" class="axis"/>`);
  out.push(`<text x="${x(0.5)}" y="${top + plotH + 32}" text-anchor="middle" class="axis-title">share of graded episodes (%), with 95% intervals</text>`);
  out.push(`<text transform="translate(12 ${top + plotH / 2}) rotate(-90)" text-anchor="middle" class="axis-title">risk category</text>`);

  risks.forEach((risk, gi) => {
    const gy = top + gi * groupH + GROUP_PAD / 2;
    const counts = [...new Set(agents.map((a) => a.byRisk[risk]?.graded ?? a.byRisk[risk]?.episodes ?? 0))].join('/');
    const mid = gy + (groupH - GROUP_PAD) / 2;
    const bars: string[] = [
      `<text x="${x0 - 8}" y="${mid - 2}" text-anchor="end" class="label">${esc(risk)}</text>`,
      `<text x="${x0 - 8}" y="${mid + 11}" text-anchor="end" class="tick">n=${counts}</text>`,
    ];
    agents.forEach((a, ai) => {
      const r = a.byRisk[risk];
      METRICS.forEach((m, mi) => {
        const y = gy + (ai * METRICS.length + mi) * (BAR_H + BAR_GAP);
        if (!r) {
          bars.push(`<text x="${x0 + 4}" y="${y + BAR_H - 2}" class="tick">${esc(a.agent)}: no episodes</text>`);
          return;
        }
        const v = r[m.key] ?? 0; // null only when nothing is graded, drawn as an empty bar
        const ci = r[m.ci];
        const tip = `${a.agent} · ${m.label} · ${risk}: ${pct(v)} ${denominator(r)}${ci ? ` (95% CI ${range(ci)})` : ''}`;
        bars.push(`<rect x="${x0}" y="${y}" width="${(v * PLOT_W).toFixed(1)}" height="${BAR_H}" fill="${agentColor(ai)}" fill-opacity="${m.opacity}" stroke="${agentColor(ai)}"><title>${esc(tip)}</title></rect>`);
        // The error bar: the 95% Wilson interval, so a rate over few episodes looks as uncertain as it is.
        if (ci) {
          const [lo, hi, mid] = [x(ci[0]).toFixed(1), x(ci[1]).toFixed(1), (y + BAR_H / 2).toFixed(1)];
          bars.push(`<path class="ci-bar" d="M${lo} ${mid}H${hi}M${lo} ${y + 2}V${y + BAR_H - 2}M${hi} ${y + 2}V${y + BAR_H - 2}"><title>${esc(tip)}</title></path>`);
        }
        bars.push(`<text x="${(ci ? x(ci[1]) : x(v)) + 4}" y="${y + BAR_H - 2}" class="value">${pct(v)}</text>`);
      });
    });
    out.push(`<g class="group" data-risk="${esc(risk)}">${bars.join('')}</g>`);
  });

  // Legend below the axis title: one row per agent, both metrics.
  const legendY = top + plotH + 50;
  agents.forEach((a, ai) => {
    const y = legendY + ai * 18;
    const items = METRICS.map((m, mi) => {
      const lx = x0 + mi * 130;
      return `<rect x="${lx}" y="${y - 9}" width="12" height="10" fill="${agentColor(ai)}" fill-opacity="${m.opacity}" stroke="${agentColor(ai)}"/><text x="${lx + 17}" y="${y}" class="tick">${m.label}</text>`;
    });
    out.push(`<g class="legend"><text x="${x0 - 8}" y="${y}" text-anchor="end" class="label">${esc(a.agent)}</text>${items.join('')}</g>`);
  });

  const height = legendY + agents.length * 18;
  return `<svg class="chart" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" role="img" aria-label="Safety and helpfulness by risk category">${out.join('')}</svg>`;
}
