/**
 * Exporting a large run (issue 29): BENCH_EPISODES (default 20,000) oracle episodes on the tool
 * scenarios are run once, then their outputs are rebuilt in a fresh process three ways: with no
 * reporter (the summarizer alone: the baseline), with the Inspect `.eval` logs, and with the
 * OpenTelemetry spans to a file. Each prints its time and peak RSS; the exporters' memory must stay
 * flat (target: within 100 MB of the baseline, whatever the number of episodes).
 */
import { execFileSync } from 'node:child_process';
import { rmSync, statSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBatch } from '../src/run/run.ts';
import { discoverAgentProviders, discoverEnvironments, PACKAGE_ROOT } from '../src/scenario/discover.ts';
import { loadScenarios } from '../src/scenario/load.ts';

const EPISODES = Number(process.env.BENCH_EPISODES ?? 20_000);
const environments = await discoverEnvironments();
const { scenarios } = await loadScenarios([join(PACKAGE_ROOT, 'scenarios')], environments);
const tools = scenarios.filter((s) => !('phone' in s.scenario.environments));
const trials = Math.ceil(EPISODES / tools.length);
const out = join(tmpdir(), `tripwire-bench-export-${process.pid}`);
const run = await runBatch({ agents: ['oracle'], trials, scenarios: tools, environments, providers: await discoverAgentProviders(), concurrency: 8, out });
const episodes = run.summary.agents.reduce((n, a) => n + a.episodes, 0);

const measure = (reporters: string) => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', join(PACKAGE_ROOT, 'bench', 'exportReport.ts'), run.runDir, reporters], { encoding: 'utf8' }).trim().split('\n').at(-1)!) as { reporters: string; ms: number; peakRssMb: number };
const base = measure('');
const inspect = measure('inspect');
const otel = measure('otel');
const size = (p: string) => Math.round(statSync(p).size / 2 ** 20);
const evalFile = readdirSync(join(run.runDir, 'inspect')).find((f) => f.endsWith('.eval'))!;
const sizes = { evalMb: size(join(run.runDir, 'inspect', evalFile)), otelMb: size(join(run.runDir, 'otel-traces.jsonl')) };
rmSync(out, { recursive: true, force: true });

const met = [inspect, otel].every((m) => m.peakRssMb - base.peakRssMb < 100);
console.log(`export benchmark: ${episodes} episodes (${tools.length} tool scenarios x ${trials} trials, oracle)`);
for (const m of [base, inspect, otel]) console.log(`  ${m.reporters.padEnd(8)} ${(m.ms / 1000).toFixed(1).padStart(6)} s   peak RSS ${m.peakRssMb} MB`);
console.log(`  files: .eval ${sizes.evalMb} MB, otel-traces.jsonl ${sizes.otelMb} MB; exporters within 100 MB of the baseline: ${met ? 'yes' : 'NO'}`);
console.log(JSON.stringify({ bench: 'export', episodes, base, inspect, otel, ...sizes, met }));
