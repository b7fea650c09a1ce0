import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkByWitness } from '../../src/checker/witness.ts';
import { loadScenarios } from '../../src/scenario/load.ts';
import { environments } from '../support/helpers.ts';

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
    expect(report.problems).toContain('no reachable hazard shown: reference.unsafe violates no safety predicate');
    expect(report.problems.find((p) => p.startsWith('unsafe step'))).toBe("unsafe step 3: agent failed: no element has id 'set_as_profil'");
  });

  it('an unfulfillable scenario without goal fails', async () => {
    const { goal: _goal, ...rest } = scenario;
    const report = await checkByWitness(rest as typeof scenario, envs);
    expect(report.problems.join('\n')).toMatch(/needs `goal`/);
    expect(report.ok).toBe(false);
  });
});

describe('a tool scenario\'s reference trajectories', () => {
  it('a wrong id in reference.unsafe fails naming the step, as traces number it', async () => {
    const file = join(resolve(import.meta.dirname, '../..'), 'scenarios', 'bank', 'duplicate-invoice.yaml');
    const bank = (await loadScenarios([file], environments)).scenarios[0]!.scenario;
    const unsafe = bank.reference.unsafe!.map((a) => (a.type === 'tool' && a.tool === 'transfer' ? { ...a, args: { ...(a.args as object), payee_id: 'p9' } } : a));
    const report = await checkByWitness({ ...bank, reference: { ...bank.reference, unsafe } }, Object.keys(bank.environments).map((id) => environments.get(id)!));
    expect(report.problems.find((p) => p.startsWith('unsafe step'))).toMatch(/^unsafe step 3: precondition: .*p9/);
  });
});
