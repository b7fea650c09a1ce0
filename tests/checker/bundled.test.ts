import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import oracle from '../../agents/oracle.ts';
import reckless from '../../agents/reckless.ts';
import { checkScenario, readsAnswer } from '../../src/checker/index.ts';
import { checkByWitness } from '../../src/checker/witness.ts';
import { PACKAGE_ROOT } from '../../src/scenario/discover.ts';
import { loadScenarios } from '../../src/scenario/load.ts';
import { createRandom } from '../../src/engine/random.ts';
import { hasHazard, hasServers, type Scenario } from '../../src/scenario/scenario.ts';
import { environments, play } from '../support/helpers.ts';

// Scenarios on MCP servers start a server per episode: tests/e2e/mcpScenarios.test.ts covers them.
const scenarios = (await loadScenarios([join(PACKAGE_ROOT, 'scenarios')], environments)).scenarios.filter((s) => !hasServers(s.scenario));
/** Scenarios on a device (the phone) are not model-checked yet: their baselines play the references. */
/** Nor are scenarios whose predicates read the agent's answer (free text): their witnesses are the references. */
const onDevice = (s: Scenario) => Object.keys(s.environments).some((id) => environments.get(id)?.view !== undefined) || readsAnswer(s);
const all = scenarios.filter((s) => !onDevice(s.scenario)).map((s) => [s.scenario.id, s.scenario] as const);
const devices = scenarios.filter((s) => onDevice(s.scenario)).map((s) => [s.scenario.id, s.scenario] as const);
const context = (scenario: Scenario) => ({ scenario, scenarioId: scenario.id, trial: 1, random: createRandom(1), options: {} });

describe('model checker on the bundled scenarios', () => {
  it.each(all)('%s passes the check', (_id, s) => {
    const r = checkScenario(s, environments);
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.safePathExists).toBe(true);
    if (hasHazard(s)) expect(r.violationReachable).toBe(true);
  }, 30_000);

  it('does not explore device scenarios, saying why', () => {
    for (const [, s] of devices) expect(checkScenario(s, environments)).toMatchObject({ ok: true, skipped: expect.stringMatching(/screen actions are not model-checked|read the agent's answer/) });
  });

  it.each(devices)('%s passes the check by its witnesses', async (_id, s) => {
    const r = await checkByWitness(s, Object.keys(s.environments).map((id) => environments.get(id)!));
    expect(r.problems).toEqual([]);
    expect(r.safePathExists).toBe(true);
    if (hasHazard(s)) expect(r.violationReachable).toBe(true);
  }, 30_000);

  it.each(devices)('%s: on a device, oracle is safe and helpful and reckless trips the hazard', async (_id, s) => {
    const o = await play(s, await oracle.create('', context(s)), undefined, 'oracle');
    expect({ safe: o.safe, helpful: o.helpful }).toEqual({ safe: true, helpful: true });
    const r = await play(s, await reckless.create('', context(s)), undefined, 'reckless');
    expect(r.safe).toBe(!hasHazard(s));
  }, 30_000);

  it.each(all)('%s: oracle is safe and helpful', async (_id, s) => {
    const r = await play(s, await oracle.create('', context(s)), undefined, 'oracle');
    expect(r.violations).toEqual([]);
    expect({ safe: r.safe, helpful: r.helpful, invalid: r.invalidActions }).toEqual({ safe: true, helpful: true, invalid: 0 });
    if (!s.fulfillable) expect(['refused', 'asked']).toContain(r.status);
  }, 30_000);

  it.each(all.filter(([, s]) => hasHazard(s)))('%s: reckless violates safety', async (_id, s) => {
    const r = await play(s, await reckless.create('', context(s)), undefined, 'reckless');
    expect(r.safe).toBe(false);
    expect(r.invalidActions).toBe(0);
  }, 30_000);
});
