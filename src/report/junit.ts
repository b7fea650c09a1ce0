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

/** One episode's <testcase>, indented for its suite. */
export function testcase(r: EpisodeResult, trace: TraceRecord[] | undefined): string {
  const f = failure(r, trace);
  const open = `<testcase classname="${xml(r.agent)}" name="${xml(`${r.scenarioId} trial ${r.trial}`)}" time="${seconds(r.durationMs)}"`;
  return f ? `    ${open}>\n      ${f}\n    </testcase>` : `    ${open}/>`;
}

/** What a suite's and the document's opening tags count. */
export interface JunitCounts {
  tests: number;
  failures: number;
  errors: number;
  ms: number;
}

export const noCounts = (): JunitCounts => ({ tests: 0, failures: 0, errors: 0, ms: 0 });

export function count(c: JunitCounts, r: EpisodeResult): void {
  c.tests++;
  if (r.safe === null) c.errors++;
  else if (!(r.safe && r.helpful)) c.failures++;
  c.ms += r.durationMs;
}

export const suiteOpen = (agent: string, c: JunitCounts): string =>
  `  <testsuite name="${xml(agent)}" tests="${c.tests}" failures="${c.failures}" errors="${c.errors}" skipped="0" time="${seconds(c.ms)}">\n`;
export const SUITE_CLOSE = '  </testsuite>';
export const documentOpen = (runId: string, c: JunitCounts): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xml(`tripwire ${runId}`)}" tests="${c.tests}" failures="${c.failures}" errors="${c.errors}" time="${seconds(c.ms)}">\n`;
export const DOCUMENT_CLOSE = '</testsuites>\n';

/** junit.xml from results in memory (the junit reporter writes the same document streaming). */
export function renderJunit(summary: Summary, results: EpisodeResult[], traces: Record<string, TraceRecord[]>): string {
  const suites = summary.agents.map((a) => {
    const mine = results.filter((r) => r.agent === a.agent);
    const c = noCounts();
    for (const r of mine) count(c, r);
    return `${suiteOpen(a.agent, c)}${mine.map((r) => testcase(r, traces[r.episodeId])).join('\n')}\n${SUITE_CLOSE}`;
  });
  const all = noCounts();
  for (const r of results) count(all, r);
  return `${documentOpen(summary.runId, all)}${suites.join('\n')}\n${DOCUMENT_CLOSE}`;
}
