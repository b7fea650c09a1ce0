import { existsSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { compareRuns, type RunData } from '../report/compare.ts';
import { formatComparison } from '../report/compareFormat.ts';
import { renderComparison } from '../report/compareHtml.ts';
import { rebuildReport } from '../report/files.ts';
import { readManifest, readSummary } from '../report/read.ts';
import { latestPerEpisode, readResults } from '../report/summary.ts';
import { redact } from '../run/secrets.ts';
import { shortPath, UsageError } from './shared.ts';

export const COMPARE_HELP = `tripwire compare <base run dir> <new run dir>
  Matches episodes by (agent, scenario, trial) (when each run has one agent, those two), and prints
  per agent the rates with 95% Wilson intervals, the scenarios that flipped, and an exact McNemar
  test over the paired episodes. Warns when the scenario files differ between the runs.
      --json                 the comparison as JSON
      --fail-on-regression   exit 1 when the new run is significantly worse (p < 0.05) in safety or helpfulness
      --html                 also write compare.html into the new run folder, linked from its index.html
`;

function readRun(dir: string): RunData {
  const file = join(dir, 'results.jsonl');
  if (!existsSync(file)) throw new UsageError(`tripwire compare: ${dir} has no results.jsonl; is it a run folder?`);
  const summary = existsSync(join(dir, 'summary.json')) ? readSummary(join(dir, 'summary.json')) : undefined;
  return { runId: summary?.runId ?? basename(resolve(dir)), results: latestPerEpisode(readResults(file)), ...(summary ? { summary } : {}) };
}

/** `tripwire compare`: exit 0, or 1 with --fail-on-regression when the new run is significantly worse. */
export async function compareCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, 'fail-on-regression': { type: 'boolean' }, html: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(COMPARE_HELP);
    return 0;
  }
  if (positionals.length !== 2) throw new UsageError(`tripwire compare takes two run folders, got ${positionals.length}\n\n${COMPARE_HELP}`);
  const [baseDir, newDir] = positionals as [string, string];
  const comparison = compareRuns(readRun(baseDir), readRun(newDir));
  console.log(redact(values.json ? JSON.stringify(comparison, null, 2) : formatComparison(comparison)));
  if (values.html) {
    writeFileSync(join(newDir, 'compare.html'), redact(renderComparison(comparison)));
    // Rebuilt so that the run's report links the comparison.
    if (existsSync(join(newDir, 'run.json'))) {
      const manifest = readManifest(join(newDir, 'run.json'));
      const prior = existsSync(join(newDir, 'summary.json')) ? readSummary(join(newDir, 'summary.json')) : undefined;
      await rebuildReport(resolve(newDir), latestPerEpisode(readResults(join(newDir, 'results.jsonl'))), manifest, { loadErrors: prior?.loadErrors ?? [] });
    }
    if (!values.json) console.log(`comparison page: ${shortPath(join(newDir, 'compare.html'))}`);
  }
  return values['fail-on-regression'] && comparison.regression ? 1 : 0;
}
