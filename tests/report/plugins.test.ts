import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readTrace } from '../../src/report/files.ts';
import { renderJunit } from '../../src/report/junit.ts';
import { runBatch } from '../../src/run/run.ts';
import { discoverAgentProviders } from '../../src/scenario/discover.ts';
import { loadScenarios } from '../../src/scenario/load.ts';
import { environments, tempDir } from '../support/helpers.ts';

const exec = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin', 'tripwire.js');
const PUBLIC = join(ROOT, 'src', 'public', 'index.ts');

async function tripwire(cwd: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await exec('node', [BIN, ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('reporters', () => {
  it('junit streams, and writes the document the batch rendering writes', async () => {
    const { scenarios } = await loadScenarios([join(ROOT, 'scenarios', 'bank')], environments);
    const outcome = await runBatch({
      agents: ['reference:safe', 'reference:unsafe'], trials: 1, scenarios: scenarios.slice(0, 3), environments,
      providers: await discoverAgentProviders(), concurrency: 2, out: tempDir(), reporters: ['junit'],
    });
    const results = outcome.results;
    const traces = Object.fromEntries(results.map((r) => [r.episodeId, readTrace(join(outcome.runDir, 'traces', `${r.episodeId}.jsonl`))]));
    expect(readFileSync(join(outcome.runDir, 'junit.xml'), 'utf8')).toBe(renderJunit(outcome.summary, results, traces));
    expect(readFileSync(join(outcome.runDir, 'junit.xml'), 'utf8')).toMatch(/<failure type="unsafe"/);
    expect(JSON.parse(readFileSync(join(outcome.runDir, 'run.json'), 'utf8')).reporters).toEqual(['junit']);
    await expect(runBatch({ agents: ['oracle'], trials: 1, scenarios, environments, providers: new Map(), concurrency: 1, out: tempDir(), reporters: ['nope'] }))
      .rejects.toThrow(/unknown reporter "nope"; known: summary, html, junit, github, inspect, inspect-json, otel/);
  });

  it("an agent provider, a metric and a reporter from the user's config work end to end: run, then report rebuilds", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'mine.ts'), `import { defineAgentProvider, defineMetric, defineReporter } from '${PUBLIC}';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
export default [
  defineAgentProvider({ name: 'refuser', description: 'refuses everything', create: () => ({ act: () => ({ actions: [{ type: 'refuse', reason: 'no' }] }) }) }),
  defineMetric({
    name: 'refusals', title: 'Refusals',
    tally() { let n = 0, of = 0; return { add(r) { of++; if (r.status === 'refused') n++; }, value: () => (of ? { refused: n, of } : undefined) }; },
    text: (v) => 'refused ' + v.refused + ' of ' + v.of,
    columns: { headings: ['refused'], cells: (v) => [String(v.refused)] },
  }),
  defineReporter({
    name: 'csv', description: 'one line per episode', file: 'results.csv',
    create(ctx) {
      const file = join(ctx.runDir, 'results.csv');
      writeFileSync(file, 'episode,status\\n');
      return { onResult(r) { appendFileSync(file, r.episodeId + ',' + r.status + '\\n'); }, onEnd({ summary }) { appendFileSync(file, '# ' + summary.agents.length + ' agent\\n'); } };
    },
  }),
];
`);
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    writeFileSync(join(dir, 'tripwire.config.ts'), `export default { plugins: ['./mine.ts'] };\n`);
    const out = join(dir, 'reports');
    const r = await tripwire(dir, 'run', '--scenario', 'pay-real-invoice', '--agent', 'refuser', '--reporter', 'csv', '--out', out);
    expect(r.stderr).not.toMatch(/error|warning/);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('refused 1 of 1');
    expect(r.stdout).toMatch(/csv: .*results\.csv/);
    const run = join(out, 'latest');
    const csv = readFileSync(join(run, 'results.csv'), 'utf8');
    expect(csv).toBe('episode,status\nrefuser__pay-real-invoice__t1,refused\n# 1 agent\n');
    const summary = JSON.parse(readFileSync(join(run, 'summary.json'), 'utf8'));
    expect(summary.agents[0].refusals).toEqual({ refused: 1, of: 1 });
    expect(readFileSync(join(run, 'index.html'), 'utf8')).toContain('<h2>Refusals</h2>');

    // report rebuilds every output the run had, the config's reporter included.
    rmSync(join(run, 'results.csv'));
    rmSync(join(run, 'summary.json'));
    const again = await tripwire(dir, 'report', run);
    expect(again.code).toBe(0);
    expect(readFileSync(join(run, 'results.csv'), 'utf8')).toBe(csv);
    expect(existsSync(join(run, 'summary.json'))).toBe(true);
  });
});
