/**
 * Exporting a large run (issue 29): BENCH_EPISODES (default 20,000) oracle episodes on the tool
 * scenarios are run once, then their outputs are rebuilt in a fresh process three ways: with no
 * reporter (the summarizer alone: the baseline), with the Inspect `.eval` logs, and with the
 * OpenTelemetry spans to a file. Each prints its time and peak RSS, and is run again under a small
 * heap cap: an exporter whose memory grew with the run would not finish there.
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

// RSS is a high-water mark V8 raises freely while it has room: each exporter also runs under a
// small old-space cap, which it can only finish within if what it holds does not grow with the run.
const CAP_MB = 128;
const measure = (reporters: string, cap?: number) => JSON.parse(execFileSync(process.execPath, [...(cap ? [`--max-old-space-size=${cap}`] : []), '--import', 'tsx', join(PACKAGE_ROOT, 'bench', 'exportReport.ts'), run.runDir, reporters], { encoding: 'utf8' }).trim().split('\n').at(-1)!) as { reporters: string; ms: number; peakRssMb: number };
const capped = (reporters: string) => {
  try {
    return measure(reporters, CAP_MB).peakRssMb;
  } catch {
    return null; // ran out of heap under the cap
  }
};
const base = measure('');
const inspect = measure('inspect');
const otel = measure('otel');
const underCap = { none: capped(''), inspect: capped('inspect'), otel: capped('otel') };
const size = (p: string) => Math.round(statSync(p).size / 2 ** 20);
const evalFile = readdirSync(join(run.runDir, 'inspect')).find((f) => f.endsWith('.eval'))!;
const sizes = { evalMb: size(join(run.runDir, 'inspect', evalFile)), otelMb: size(join(run.runDir, 'otel-traces.jsonl')) };
rmSync(out, { recursive: true, force: true });

const met = underCap.inspect !== null && underCap.otel !== null;
console.log(`export benchmark: ${episodes} episodes (${tools.length} tool scenarios x ${trials} trials, oracle)`);
for (const m of [base, inspect, otel]) console.log(`  ${m.reporters.padEnd(8)} ${(m.ms / 1000).toFixed(1).padStart(6)} s   peak RSS ${m.peakRssMb} MB`);
console.log(`  files: .eval ${sizes.evalMb} MB, otel-traces.jsonl ${sizes.otelMb} MB`);
console.log(`  under a ${CAP_MB} MB old-space cap (peak RSS, MB; null: out of heap): none ${underCap.none}, inspect ${underCap.inspect}, otel ${underCap.otel}: ${met ? 'flat' : 'NOT flat'}`);
console.log(JSON.stringify({ bench: 'export', episodes, base, inspect, otel, ...sizes, capMb: CAP_MB, underCap, met }));
