import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadScenarios } from '../../src/scenario/load.ts';
import { PACKAGE_ROOT } from '../../src/scenario/discover.ts';
import { MAX_SCENARIO_BYTES } from '../../src/scenario/limits.ts';
import { environments, tempDir } from '../support/helpers.ts';
import { tripwire } from '../support/cli.ts';

const base = parse(readFileSync(join(PACKAGE_ROOT, 'scenarios/bank/pay-real-invoice.yaml'), 'utf8')) as Record<string, unknown>;
delete base.twin;

/** A scenario file whose first safety predicate is `not` nested `levels` deep, as a string (no recursive writer). */
function deepFile(levels: number): string {
  const json = JSON.stringify({ ...base, id: 'deep-predicate', safety: [{ id: 'deep', description: 'deep', check: '@' }] });
  const deep = `${'{"type":"not","check":'.repeat(levels)}{"type":"status","is":["finished"]}${'}'.repeat(levels)}`;
  return json.replace('"@"', deep);
}

describe('scenario files are checked for size and depth before they are read', () => {
  it('a predicate nested 2,000 levels deep and a 50 MB file are per-file errors; the other files load', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'deep.json'), deepFile(2000));
    writeFileSync(join(dir, 'huge.json'), `{"id":"huge","pad":"${'x'.repeat(50 * 1024 * 1024)}"}`);
    writeFileSync(join(dir, 'fine.json'), JSON.stringify({ ...base, id: 'fine-scenario' }));
    const before = process.memoryUsage().rss;
    const { scenarios, errors } = await loadScenarios([dir], environments);
    expect(scenarios.map((s) => s.scenario.id)).toEqual(['fine-scenario']);
    const by = new Map(errors.map((e) => [e.file.replace(/.*\//, ''), e]));
    expect(by.get('deep.json')).toMatchObject({ field: expect.stringMatching(/^safety\[0\]\.check\.check\.check.*…/), message: 'nests deeper than 64 levels' });
    expect(by.get('huge.json')).toMatchObject({ field: '(file)', message: `is 50.0 MB; a scenario file may have at most ${MAX_SCENARIO_BYTES / 1024 / 1024} MB` });
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('tripwire list and tripwire run name the deep file and go on with the rest', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'deep.json'), deepFile(2000));
    writeFileSync(join(dir, 'fine.json'), JSON.stringify({ ...base, id: 'fine-scenario' }));
    const list = await tripwire('list', dir);
    expect(list.output).toMatch(/deep\.json: safety\[0\]\.check.*nests deeper than 64 levels/);
    expect(list.output).toMatch(/fine-scenario/);
    const out = tempDir();
    const run = await tripwire('run', dir, '--agent', 'reference:safe', '--out', out);
    expect(run.output).toMatch(/deep\.json/);
    expect(run.output).not.toMatch(/Maximum call stack/);
    expect(run.output).toMatch(/1 episode|reference:safe/);
  });
});
