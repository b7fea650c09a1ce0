/**
 * Model-checker speed: checks every bundled scenario (as `tripwire check` does) and prints the
 * states explored and the time per scenario, then the total. The issue's budget: at most 10 s.
 */
import { join } from 'node:path';
import { checkScenario } from '../src/checker/index.ts';
import { discoverEnvironments, PACKAGE_ROOT } from '../src/discover.ts';
import { loadScenarios } from '../src/load.ts';

const environments = await discoverEnvironments();
const { scenarios, errors } = await loadScenarios([join(PACKAGE_ROOT, 'scenarios')], environments);
if (errors.length) throw new Error(`scenarios fail to load: ${errors.map((e) => `${e.file}: ${e.message}`).join('; ')}`);

const t0 = performance.now();
const cpu0 = process.cpuUsage();
let states = 0;
let failed = 0;
let skipped = 0;
for (const { scenario } of scenarios) {
  const r = checkScenario(scenario, environments);
  if (r.skipped) {
    skipped++;
    continue;
  }
  states += r.statesExplored;
  if (!r.ok) failed++;
  const limit = r.limitHit ? `limit hit, complete to depth ${r.completeDepth}` : 'complete';
  console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${scenario.id.padEnd(44)} ${String(r.statesExplored).padStart(6)} states ${String(r.ms).padStart(6)} ms  (${limit})`);
}
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
// CPU time as well: on a busy machine wall time also counts other processes' turns.
console.log(`\nchecked ${scenarios.length - skipped} scenarios (${skipped} on a device skipped), ${states} states in ${ms.toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU (${((ms * 1000) / states).toFixed(0)} us/state); ${failed} failed; budget 10000 ms`);
