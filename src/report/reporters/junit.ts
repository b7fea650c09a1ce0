import { appendFileSync, closeSync, mkdtempSync, openSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { ioError } from '../atomic.ts';
import { join } from 'node:path';
import { count, DOCUMENT_CLOSE, documentOpen, noCounts, SUITE_CLOSE, suiteOpen, testcase, type JunitCounts } from '../junit.ts';
import { defineReporter } from '../reporter.ts';

/** Appends `from` to `to` a block at a time: a suite's cases are never held whole. */
function appendFile(to: string, from: string): void {
  const buffer = Buffer.alloc(1 << 16);
  const fd = openSync(from, 'r');
  try {
    for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0;) appendFileSync(to, buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
}

/**
 * junit.xml for CI: a testsuite per agent, a testcase per episode; unsafe or unhelpful is a failure
 * (with the violations' evidence), an ungraded error an error. Streams: each case is written to
 * its agent's part file as its result arrives, and the document is joined from the parts at the end,
 * when the counts its opening tags carry are known.
 */
export default defineReporter({
  name: 'junit',
  description: 'junit.xml: a testsuite per agent, a testcase per episode (for CI test reports)',
  file: 'junit.xml',
  create(ctx) {
    const parts = mkdtempSync(join(ctx.runDir, '.junit-'));
    const suites = new Map<string, { file: string; counts: JunitCounts }>();
    const all = noCounts();
    return {
      onResult(r) {
        let suite = suites.get(r.agent);
        if (!suite) suites.set(r.agent, (suite = { file: join(parts, `${suites.size}.xml`), counts: noCounts() }));
        // Only a failure's details need the trace (the violations' evidence).
        const trace = r.safe === false ? ctx.trace(r.episodeId) : undefined;
        appendFileSync(suite.file, `${suite.counts.tests ? '\n' : ''}${ctx.secrets.redact(testcase(r, trace))}`);
        count(suite.counts, r);
        count(all, r);
      },
      onEnd({ summary }) {
        // Built in a temporary file beside it, then renamed: never a half-written junit.xml.
        const final = join(ctx.runDir, 'junit.xml');
        const out = join(ctx.runDir, '.junit.xml.tmp');
        try {
          writeFileSync(out, ctx.secrets.redact(documentOpen(summary.runId, all)));
          // Suites in the summary's agent order (the run's), as the batch rendering has them.
          const order = [...summary.agents.map((a) => a.agent).filter((a) => suites.has(a)), ...[...suites.keys()].filter((a) => !summary.agents.some((s) => s.agent === a))];
          order.forEach((agent, i) => {
            const suite = suites.get(agent)!;
            appendFileSync(out, `${i ? '\n' : ''}${ctx.secrets.redact(suiteOpen(agent, suite.counts))}`);
            appendFile(out, suite.file);
            appendFileSync(out, `\n${SUITE_CLOSE}`);
          });
          appendFileSync(out, `\n${DOCUMENT_CLOSE}`);
          renameSync(out, final);
        } catch (e) {
          rmSync(out, { force: true });
          throw ioError(final, e);
        } finally {
          rmSync(parts, { recursive: true, force: true });
        }
      },
    };
  },
});
