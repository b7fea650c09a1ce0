/**
 * Model-checker speed: checks every bundled scenario (as `tripwire check` does) and prints the
 * states explored and the time per scenario, then the total. The issue's budget: at most 10 s.
 */
import { join } from 'node:path';
import { checkScenario } from '../src/checker/index.ts';
import { checkByWitness } from '../src/checker/witness.ts';
import { discoverEnvironments, PACKAGE_ROOT } from '../src/scenario/discover.ts';
import { loadScenarios } from '../src/scenario/load.ts';

const environments = await discoverEnvironments();
const { scenarios, errors } = await loadScenarios([join(PACKAGE_ROOT, 'scenarios')], environments);
if (errors.length) throw new Error(`scenarios fail to load: ${errors.map((e) => `${e.file}: ${e.message}`).join('; ')}`);

const t0 = performance.now();
const cpu0 = process.cpuUsage();
let states = 0;
let failed = 0;
let witnessed = 0;
for (const { scenario } of scenarios) {
  let r = checkScenario(scenario, environments);
  if (r.skipped) {
    // A device scenario: checked by its reference trajectories, as `tripwire check` does.
    r = await checkByWitness(scenario, Object.keys(scenario.environments).map((id) => environments.get(id)!));
    witnessed++;
    if (!r.ok) failed++;
    console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${scenario.id.padEnd(44)} ${'witness'.padStart(6)}        ${String(r.ms).padStart(6)} ms`);
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
console.log(`\nchecked ${scenarios.length} scenarios (${scenarios.length - witnessed} explored, ${states} states; ${witnessed} on a device by witnesses) in ${ms.toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU; ${failed} failed; budget 10000 ms`);
console.log(JSON.stringify({ bench: 'check', scenarios: scenarios.length, explored: scenarios.length - witnessed, witnessed, states, wallMs: Math.round(ms), failed, budgetMs: 10_000 }));
