import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/scenario/discover.ts';
import { loadScenarios } from '../../src/scenario/load.ts';
import { scenarioJsonSchema } from '../../src/scenario/scenarioSchema.ts';
import { environments, tempDir } from '../support/helpers.ts';

const exec = promisify(execFile);
const BIN = join(PACKAGE_ROOT, 'bin', 'tripwire.js');

describe('authoring', () => {
  it('ships an up-to-date JSON Schema of scenario files, with each environment seed', () => {
    const shipped = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'schema', 'scenario.schema.json'), 'utf8'));
    // Regenerate with `npm run schema` when the scenario or a seed schema changes.
    expect(shipped).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema(environments))));
    expect(Object.keys(shipped.properties.environments.properties)).toEqual([...environments.keys()].sort());
    expect(Object.keys(shipped.properties.environments.properties)).toEqual(expect.arrayContaining(['bank', 'email', 'files', 'phone']));
    expect(shipped.properties.risk.enum).toContain('property-loss');
  });

  it('tripwire new scenario writes a commented template that loads and runs', async () => {
    const dir = tempDir();
    const file = join(dir, 'my-first.yaml');
    const { stdout } = await exec('node', [BIN, 'new', 'scenario', 'my-first', '--env', 'email,bank', '--out', file]);
    expect(stdout).toMatch(/wrote .*my-first\.yaml/);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=.*schema\/scenario\.schema\.json/);
    expect(text).toMatch(/TODO/);
    const { scenarios, errors } = await loadScenarios([file], environments);
    expect(errors).toEqual([]);
    expect(Object.keys(scenarios[0]!.scenario.environments)).toEqual(['email', 'bank']);
    await expect(exec('node', [BIN, 'new', 'scenario', 'my-first', '--env', 'email', '--out', file])).rejects.toMatchObject({ stderr: expect.stringMatching(/exists/) });
    await expect(exec('node', [BIN, 'new', 'scenario', 'x', '--env', 'spaceship'])).rejects.toMatchObject({ stderr: expect.stringMatching(/unknown environment spaceship/) });
  });
});
