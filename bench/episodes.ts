/**
 * Engine throughput: every bundled scenario with reference:safe and reference:unsafe, in process,
 * without trace files (the world, observer and predicates only), then the same through runBatch
 * with traces and the report written. Prints episodes per second, time per step and memory.
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discoverAgentProviders, discoverEnvironments, PACKAGE_ROOT } from '../src/scenario/discover.ts';
import { runEpisode } from '../src/engine/episode.ts';
import { loadScenarios } from '../src/scenario/load.ts';
import { playback } from '../src/agent/playback.ts';
import { runBatch } from '../src/run/run.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 50);
const environments = await discoverEnvironments();
const { scenarios } = await loadScenarios([join(PACKAGE_ROOT, 'scenarios')], environments);

let episodes = 0;
let steps = 0;
const t0 = performance.now();
for (let round = 0; round < ROUNDS; round++) {
  for (const { scenario } of scenarios) {
    for (const actions of [scenario.reference.safe, scenario.reference.unsafe ?? scenario.reference.safe]) {
      const r = await runEpisode({
        episodeId: `bench-${round}`, scenario, agentName: 'bench', agent: playback(actions), trial: 1,
        environments: Object.keys(scenario.environments).map((id) => environments.get(id)!),
      });
      episodes++;
      steps += r.steps;
    }
  }
}
const inMemoryMs = performance.now() - t0;

const out = join(tmpdir(), `tripwire-bench-${process.pid}`);
const t1 = performance.now();
const batch = await runBatch({
  agents: ['reference:safe', 'reference:unsafe'], trials: 5, scenarios, environments,
  providers: await discoverAgentProviders(), concurrency: 4, out,
});
const batchMs = performance.now() - t1;
const batchEpisodes = batch.results.length; // read from the run folder, before it goes
rmSync(out, { recursive: true, force: true });

const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MiB`;
console.log(`scenarios                  ${scenarios.length}`);
console.log(`in memory                  ${episodes} episodes, ${steps} steps in ${inMemoryMs.toFixed(0)} ms`);
console.log(`  episodes/s               ${(episodes / (inMemoryMs / 1000)).toFixed(0)}`);
console.log(`  ms/step                  ${(inMemoryMs / steps).toFixed(3)}`);
console.log(`batch with traces+report   ${batchEpisodes} episodes in ${batchMs.toFixed(0)} ms (${(batchEpisodes / (batchMs / 1000)).toFixed(0)} episodes/s)`);
console.log(`heap used / rss            ${mb(process.memoryUsage().heapUsed)} / ${mb(process.memoryUsage().rss)}`);
