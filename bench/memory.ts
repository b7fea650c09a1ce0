/**
 * Staying small at scale (issue "Beyond one machine"): a run of BENCH_EPISODES (default 20,000)
 * in-memory episodes of the oracle on every tool scenario (trials as needed), with its traces, results
 * and report written, and this process's peak RSS (target: under 400 MB). RSS is sampled along the
 * way too, so a run whose memory grows with its episodes shows it. Prints a table and one JSON line.
 */
import { rmSync } from 'node:fs';
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
const out = join(tmpdir(), `tripwire-bench-memory-${process.pid}`);
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

const samples: { done: number; rssMb: number }[] = [];
const t0 = performance.now();
const run = await runBatch({
  agents: ['oracle'], trials, scenarios: tools, environments, providers: await discoverAgentProviders(), concurrency: 8, out,
  onProgress: (done, total) => {
    if (done % Math.ceil(total / 10) === 0) samples.push({ done, rssMb: mb(process.memoryUsage().rss) });
  },
});
const ms = performance.now() - t0;
const episodes = run.summary.agents.reduce((n, a) => n + a.episodes, 0);
rmSync(out, { recursive: true, force: true });
// ru_maxrss is in kilobytes on Linux: the high-water mark of the whole process, report writing included.
const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);

console.log(`memory benchmark: ${episodes} episodes (${tools.length} tool scenarios x ${trials} trials, oracle) in ${(ms / 1000).toFixed(1)} s`);
console.log(`RSS along the run (MB): ${samples.map((s) => `${s.done}:${s.rssMb}`).join(' ')}`);
console.log(`peak RSS ${peakMb} MB (target < 400 MB): ${peakMb < 400 ? 'yes' : 'NO'}`);
console.log(JSON.stringify({ bench: 'memory', episodes, ms: Math.round(ms), peakRssMb: peakMb, rssMb: samples, targetMb: 400, met: peakMb < 400 }));
