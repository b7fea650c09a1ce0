import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkScenario } from '../../src/checker/index.ts';
import { TripwireError } from '../../src/engine/errors.ts';
import { loadScenarios } from '../../src/scenario/load.ts';
import { bankScenario, environments, scenario, tempDir } from '../support/helpers.ts';

function write(dir: string, name: string, content: unknown): string {
  const file = join(dir, name);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, typeof content === 'string' ? content : name.endsWith('.json') ? JSON.stringify(content) : stringify(content));
  return file;
}

describe('loadScenarios', () => {
  it('loads JSON, YAML and TS scenario files', async () => {
    const dir = tempDir();
    write(dir, 'a.json', { ...bankScenario, id: 'as-json' });
    write(dir, 'nested/b.yaml', { ...bankScenario, id: 'as-yaml' });
    write(dir, 'c.ts', `import { defineScenario } from '${process.cwd()}/src/public/index.ts';\nexport default defineScenario(${JSON.stringify({ ...bankScenario, id: 'as-ts' })});\n`);
    const { scenarios, errors } = await loadScenarios([dir], environments);
    expect(errors).toEqual([]);
    expect(scenarios.map((s) => s.scenario.id).sort()).toEqual(['as-json', 'as-ts', 'as-yaml']);
    // Seeds come back parsed, with the environment's defaults filled in.
    expect(scenarios[0]!.scenario.environments.bank).toMatchObject({ limits: { per_transfer: 5000 } });
  });

  it('names the file and the field of every broken scenario, and still loads the good ones', async () => {
    const dir = tempDir();
    const broken = {
      'good.yaml': bankScenario,
      'bad-risk.json': { ...bankScenario, id: 'bad-risk', risk: 'mild-peril' },
      'no-instruction.yaml': { ...bankScenario, id: 'no-instruction', instruction: undefined },
      'unknown-env.yaml': { ...bankScenario, id: 'unknown-env', environments: { spaceship: {} } },
      'bad-seed.yaml': { ...bankScenario, id: 'bad-seed', environments: { bank: { ...bankScenario.environments.bank as object, accounts: [{ id: 'c', name: 'C', balance: 'lots' }] } } },
      'typo-tool.yaml': { ...bankScenario, id: 'typo-tool', reference: { safe: [{ type: 'tool', tool: 'tranfser', args: {} }] } },
      'bad-predicate.yaml': { ...bankScenario, id: 'bad-predicate', safety: [{ id: 'x', description: 'x', check: { type: 'state', env: 'email', path: 'x', match: 1 } }] },
      'typo-event.yaml': { ...bankScenario, id: 'typo-event', events: [{ after: 1, env: 'bank', event: { type: 'freeze_acount' } }] },
      'zz-dupe.yaml': { ...bankScenario }, // read after good.yaml: files load in name order
      'syntax.yaml': 'id: [unclosed\n  title: "',
      'syntax.json': '{ "id": ',
    };
    for (const [name, content] of Object.entries(broken)) write(dir, name, content);
    const { scenarios, errors } = await loadScenarios([dir], environments);
    expect(scenarios.map((s) => s.scenario.id)).toEqual(['engine-bank']);
    const where = (file: string) => errors.filter((e) => e.file.endsWith(file)).map((e) => `${e.field}: ${e.message}`);
    expect(where('bad-risk.json')).toEqual([expect.stringMatching(/^risk: /)]);
    expect(where('no-instruction.yaml')).toEqual([expect.stringMatching(/^instruction: /)]);
    expect(where('unknown-env.yaml')).toEqual([expect.stringMatching(/^environments\.spaceship: unknown environment; known: .*bank/)]);
    expect(where('bad-seed.yaml')).toEqual([expect.stringMatching(/^environments\.bank\.accounts\[0\]\.balance: /)]);
    expect(where('typo-tool.yaml')).toEqual(['reference.safe[0].tool: no environment of this scenario has a tool "tranfser"']);
    expect(where('bad-predicate.yaml')).toEqual([expect.stringMatching(/^safety\[0\]\.check\.env: "email" is not an environment/)]);
    expect(where('typo-event.yaml')).toEqual([expect.stringMatching(/^events\[0\]\.event\.type: bank takes no event "freeze_acount"; it takes: .*freeze_account/)]);
    expect(where('zz-dupe.yaml')).toEqual([expect.stringMatching(/^id: "engine-bank" is already used by .*good\.yaml/)]);
    expect(where('syntax.yaml')).toEqual([expect.stringMatching(/^\(file\): cannot be read/)]);
    expect(where('syntax.json')).toEqual([expect.stringMatching(/^\(file\): cannot be read: .*JSON/)]);
  });

  it('checks that a named twin exists: loaded, or in a file beside the scenario when loading one file', async () => {
    const dir = tempDir();
    write(dir, 'risky.yaml', { ...bankScenario, id: 'risky', twin: 'benign' });
    write(dir, 'benign.yaml', { ...bankScenario, id: 'benign', twin: 'risky' });
    write(dir, 'orphan.yaml', { ...bankScenario, id: 'orphan', twin: 'missing-twin' });
    write(dir, 'narcissus.yaml', { ...bankScenario, id: 'narcissus', twin: 'narcissus' });
    const { scenarios, errors } = await loadScenarios([dir], environments);
    expect(scenarios.find((s) => s.scenario.id === 'risky')!.scenario.twin).toBe('benign');
    expect(errors.map((e) => `${e.file.split('/').pop()} ${e.field}: ${e.message}`).sort()).toEqual([
      'narcissus.yaml twin: a scenario cannot be its own twin',
      'orphan.yaml twin: no scenario "missing-twin" was loaded or is beside this file',
    ]);
    // One file on its own: its twin is found beside it.
    expect((await loadScenarios([join(dir, 'risky.yaml')], environments)).errors).toEqual([]);
    // ...also when the twin's file is not named after its id (phone files drop their app prefix).
    write(dir, 'pay-known.yaml', { ...bankScenario, id: 'bank-pay-known', twin: 'bank-pay-lookalike' });
    write(dir, 'pay-lookalike.yaml', { ...bankScenario, id: 'bank-pay-lookalike', twin: 'bank-pay-known' });
    expect((await loadScenarios([join(dir, 'pay-lookalike.yaml')], environments)).errors).toEqual([]);
    expect((await loadScenarios([join(dir, 'orphan.yaml')], environments)).errors).toHaveLength(1);
  });

  it('reports a missing path as an error instead of throwing', async () => {
    const { errors } = await loadScenarios(['/nonexistent/scenarios'], environments);
    expect(errors).toEqual([expect.objectContaining({ file: '/nonexistent/scenarios', field: '(file)' })]);
  });

  it('where a scenario must load and does not, the error has code scenario-load and names the field', () => {
    const bad = (() => {
      try {
        return scenario({ ...bankScenario, limits: { steps: -1 } });
      } catch (e) {
        return e;
      }
    })();
    expect(TripwireError.is(bad, 'scenario-load')).toBe(true);
    expect(bad).toMatchObject({ errors: [expect.objectContaining({ field: 'limits.steps' })] });
    // The checker given a scenario whose environment this process does not have: the same code.
    const onlyEmail = new Map([...environments].filter(([id]) => id === 'email'));
    expect(() => checkScenario(scenario(bankScenario), onlyEmail)).toThrow(expect.objectContaining({ code: 'scenario-load', message: expect.stringMatching(/environments\.bank: unknown environment/) }));
  });
});
