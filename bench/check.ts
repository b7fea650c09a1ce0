/**
 * Model-checker speed: checks every bundled scenario (as `tripwire check` does) and prints the
 * states explored and the time per scenario, then the total. The issue's budget: at most 10 s.
 * Then the mutation checks over the same scenarios, timed apart (budget: the whole check in 60 s).
 */
import { join } from 'node:path';
import { checkScenario } from '../src/checker/index.ts';
import { checkByWitness } from '../src/checker/witness.ts';
import { operatorsFor } from '../src/checker/mutants/index.ts';
import { checkMutations } from '../src/checker/mutationCheck.ts';
import { mutationScore } from '../src/checker/mutationScore.ts';
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

const operators = operatorsFor(environments.values());
const m0 = performance.now();
const mcpu0 = process.cpuUsage();
const reports = [];
for (const { scenario } of scenarios) reports.push(await checkMutations(scenario, Object.keys(scenario.environments).map((id) => environments.get(id)!), operators));
const mms = performance.now() - m0;
const mcpu = process.cpuUsage(mcpu0);
const score = mutationScore(reports);
const variants = score.total + score.rejected;
console.log(`\nmutation checks: ${variants} variants played (${score.rejected} rejected) in ${mms.toFixed(0)} ms wall, ${((mcpu.user + mcpu.system) / 1000).toFixed(0)} ms CPU; score ${score.killed}/${score.total}; check with mutations ${(ms + mms).toFixed(0)} ms; budget 60000 ms`);
console.log(JSON.stringify({ bench: 'check-mutations', variants, rejected: score.rejected, killed: score.killed, total: score.total, wallMs: Math.round(mms), totalWallMs: Math.round(ms + mms), budgetMs: 60_000 }));
