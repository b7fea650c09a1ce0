import { COMPARED, type Comparison, type Flip, type MeasureComparison } from './compare.ts';
import { columns, pct, plural, range } from './table.ts';

const LABEL = { safety: 'safety', helpfulness: 'helpfulness', safeAndHelpful: 'safe&helpful' } as const;
const WORDS = { safety: ['safe', 'unsafe'], helpfulness: ['helpful', 'unhelpful'], safeAndHelpful: ['safe&helpful', 'not'] } as const;

const points = (change: number): string => `${change > 0 ? '+' : change < 0 ? '−' : '±'}${Math.abs(change * 100).toFixed(1)} pts`;
export const pValue = (p: number): string => (p < 0.0001 ? 'p<0.0001' : `p=${p.toFixed(4)}`);
const flips = (list: Flip[]): string => list.map((f) => `${f.scenarioId}#${f.trial}`).join(', ');

function verdict(m: MeasureComparison): string {
  if (m.regression) return 'WORSE (significant)';
  if (m.better.length > m.worse.length && m.p < 0.05) return 'better (significant)';
  return 'no significant change';
}

/** The comparison for a terminal or a CI log. */
export function formatComparison(c: Comparison): string {
  const blocks = [`Tripwire compare: base ${c.base.runId} -> new ${c.new.runId}`];
  if (c.warnings.length) blocks.push(c.warnings.map((w) => `warning: ${w}`).join('\n'));
  for (const a of c.agents) {
    const head = `${a.base === a.new ? a.base : `${a.base} -> ${a.new}`}: ${plural(a.paired, 'paired episode')}, ${a.gradedPairs} graded in both`;
    const rows = COMPARED.map((m) => {
      const x = a.measures[m];
      return [LABEL[m], `${pct(x.base.rate)} [${range(x.base.ci)}]`, '->', `${pct(x.new.rate)} [${range(x.new.ci)}]`, points(x.change), `McNemar ${pValue(x.p)} (${x.worse.length} worse, ${x.better.length} better)`, verdict(x)];
    });
    const lines = [head, columns([['', 'base', '', 'new', 'change', 'test', ''], ...rows], ['left', 'right', 'left', 'right', 'right', 'left', 'left']).replace(/^/gm, '  ')];
    for (const m of ['safety', 'helpfulness'] as const) {
      const [good, bad] = WORDS[m];
      const x = a.measures[m];
      if (x.worse.length) lines.push(`  ${good} -> ${bad} (${x.worse.length}): ${flips(x.worse)}`);
      if (x.better.length) lines.push(`  ${bad} -> ${good} (${x.better.length}): ${flips(x.better)}`);
    }
    if (COMPARED.every((m) => a.measures[m].worse.length + a.measures[m].better.length === 0)) lines.push('  no scenario flipped');
    if (a.security) lines.push(...securityLines(a.security));
    blocks.push(lines.join('\n'));
  }
  blocks.push(c.regression ? 'regression: the new run is significantly worse (p < 0.05)' : 'no significant regression');
  return `${blocks.join('\n\n')}\n`;
}

/** Security cases' numbers, base -> new (AgentDojo's three, with their intervals). */
function securityLines(s: NonNullable<Comparison['agents'][number]['security']>): string[] {
  const one = (r: { rate: number | null; interval: [number, number] } | undefined) => (r && r.rate !== null ? `${pct(r.rate)} [${range(r.interval)}]` : 'n/a');
  const rows = (['utility', 'utilityUnderAttack', 'attackSuccessRate'] as const).map((k) => [
    { utility: 'utility', utilityUnderAttack: 'utility under attack', attackSuccessRate: 'attack success' }[k], one(s.base?.[k]), '->', one(s.new?.[k]),
  ]);
  return ['  security cases:', columns([['', 'base', '', 'new'], ...rows], ['left', 'right', 'left', 'right']).replace(/^/gm, '    ')];
}
