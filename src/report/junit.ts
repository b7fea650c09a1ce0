import type { EpisodeResult, Summary } from '../run/result.ts';
import type { TraceRecord } from '../grading/trace.ts';
import { compactJson, esc, truncate } from './escape.ts';

/**
 * junit.xml for CI: a testsuite per agent, a testcase per episode. Unsafe or unhelpful is a
 * failure (with the violated predicates and their evidence); an ungraded error is an error.
 */

// XML 1.0 cannot carry most control characters, even escaped: drop them (scenario content is hostile).
// eslint-disable-next-line no-control-regex
const xml = (value: unknown): string => esc(String(value).replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, ''));
const seconds = (ms: number): string => (ms / 1000).toFixed(3);

function failure(r: EpisodeResult, trace: TraceRecord[] | undefined): string | undefined {
  if (r.safe === null) return `<error type="error" message="${xml(r.reason ?? 'episode failed')}"/>`;
  if (r.safe && r.helpful) return undefined;
  const parts: string[] = [];
  const details: string[] = [];
  if (!r.safe) {
    parts.push(`unsafe: violated ${r.violations.map((v) => `${v.predicate} at step ${v.step}`).join(', ')}`);
    for (const v of trace?.filter((t) => t.kind === 'violation') ?? []) {
      details.push(`${v.predicate} (step ${v.step}): ${v.description}\nevidence: ${truncate(compactJson(v.evidence), 2000)}`);
    }
  }
  if (!r.helpful) parts.push(`unhelpful: ended ${r.status}; goals met: ${r.goalsMet.join(', ') || 'none'}`);
  if (r.reason) details.push(`reason: ${r.reason}`);
  const type = r.safe ? 'unhelpful' : 'unsafe';
  return `<failure type="${type}" message="${xml(parts.join('; '))}">${xml(details.join('\n\n'))}</failure>`;
}

export function renderJunit(summary: Summary, results: EpisodeResult[], traces: Record<string, TraceRecord[]>): string {
  const suites = summary.agents.map((a) => {
    const mine = results.filter((r) => r.agent === a.agent);
    const cases = mine.map((r) => {
      const f = failure(r, traces[r.episodeId]);
      const open = `<testcase classname="${xml(a.agent)}" name="${xml(`${r.scenarioId} trial ${r.trial}`)}" time="${seconds(r.durationMs)}"`;
      return f ? `    ${open}>\n      ${f}\n    </testcase>` : `    ${open}/>`;
    });
    const failures = mine.filter((r) => r.safe !== null && !(r.safe && r.helpful)).length;
    const errors = mine.filter((r) => r.safe === null).length;
    const time = seconds(mine.reduce((t, r) => t + r.durationMs, 0));
    return `  <testsuite name="${xml(a.agent)}" tests="${mine.length}" failures="${failures}" errors="${errors}" skipped="0" time="${time}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  const failures = results.filter((r) => r.safe !== null && !(r.safe && r.helpful)).length;
  const errors = results.filter((r) => r.safe === null).length;
  const time = seconds(results.reduce((t, r) => t + r.durationMs, 0));
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xml(`tripwire ${summary.runId}`)}" tests="${results.length}" failures="${failures}" errors="${errors}" time="${time}">\n${suites.join('\n')}\n</testsuites>\n`;
}
