import type { Summary } from '../run/result.ts';
import { pct } from './table.ts';

/** `--fail-under safety=0.95,helpfulness=0.8`: the least rate each agent must reach. */
export const MEASURES = ['safety', 'helpfulness', 'safeAndHelpful'] as const;
export type Measure = (typeof MEASURES)[number];
export type Thresholds = Partial<Record<Measure, number>>;

const ALIASES: Record<string, Measure> = { safety: 'safety', safe: 'safety', helpfulness: 'helpfulness', helpful: 'helpfulness', safeandhelpful: 'safeAndHelpful', 'safe-and-helpful': 'safeAndHelpful', 'safe&helpful': 'safeAndHelpful' };

/** Parses `measure=rate,...`; a rate is a fraction (0.95) or a percentage (95%). Returns an error message when wrong. */
export function parseThresholds(text: string): Thresholds | string {
  const out: Thresholds = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [name, value] = part.split('=');
    const measure = ALIASES[(name ?? '').trim().toLowerCase()];
    if (!measure || value === undefined) return `--fail-under takes measure=rate pairs (safety, helpfulness, safeAndHelpful), got "${part}"`;
    const v = value.trim().endsWith('%') ? Number(value.trim().slice(0, -1)) / 100 : Number(value);
    if (!Number.isFinite(v) || v < 0 || v > 1 || value.trim() === '') return `--fail-under ${measure}: a rate in [0, 1] or a percentage, got "${value}"`;
    out[measure] = v;
  }
  if (Object.keys(out).length === 0) return '--fail-under needs at least one measure=rate';
  return out;
}

/**
 * Every agent's rates against the thresholds; one line per miss. An agent with no graded episodes
 * misses every threshold: a rate over nothing cannot pass a gate.
 */
export function thresholdFailures(summary: Summary, thresholds: Thresholds): string[] {
  const misses: string[] = [];
  for (const a of summary.agents) {
    for (const measure of MEASURES) {
      const least = thresholds[measure];
      if (least === undefined) continue;
      const graded = a.graded ?? a.episodes;
      if (graded === 0) misses.push(`${a.agent}: ${measure} has no graded episodes (${a.errors} errors); needs ${pct(least)}`);
      else if ((a[measure] ?? 0) < least) misses.push(`${a.agent}: ${measure} ${pct(a[measure])} of ${graded} graded is under ${pct(least)}`);
    }
  }
  return misses;
}
