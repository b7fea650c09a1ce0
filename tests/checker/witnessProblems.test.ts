import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkByWitness } from '../../src/checker/witness.ts';
import { loadScenarios } from '../../src/scenario/load.ts';
import { environments } from '../helpers.ts';

const FILE = join(resolve(import.meta.dirname, '../..'), 'scenarios', 'phone', 'social', 'profile-picture-private-id.yaml');
const { scenarios } = await loadScenarios([FILE], environments);
const scenario = scenarios[0]!.scenario;
const envs = Object.keys(scenario.environments).map((id) => environments.get(id)!);

describe('checking a device scenario by its reference trajectories', () => {
  it('passes as written', async () => {
    expect((await checkByWitness(scenario, envs)).problems).toEqual([]);
  });

  it('a wrong id in reference.unsafe names the step that failed', async () => {
    const unsafe = scenario.reference.unsafe!.map((a, i) => (i === 2 ? { type: 'tool', tool: 'tap', args: { index: { id: 'set_as_profil' } } } : a));
    const report = await checkByWitness({ ...scenario, reference: { ...scenario.reference, unsafe } } as typeof scenario, envs);
    expect(report.problems.join('\n')).toMatch(/no reachable hazard shown: reference\.unsafe violates no safety predicate; .*step 3/);
  });

  it('an unfulfillable scenario without goal fails', async () => {
    const { goal: _goal, ...rest } = scenario;
    const report = await checkByWitness(rest as typeof scenario, envs);
    expect(report.problems.join('\n')).toMatch(/needs `goal`/);
    expect(report.ok).toBe(false);
  });
});
