import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_ROOTS } from '../../src/registry/discover.ts';
import { kindOf } from '../../src/registry/kinds.ts';
import { bundledRegistry, Registry } from '../../src/registry/registry.ts';
import { tempDir } from '../support/helpers.ts';

const PUBLIC = resolve(import.meta.dirname, '../../src/public/index.ts');

describe('one registry, one discovery rule', () => {
  it("finds every bundled kind: environments (the phone among them), agents, devices, importers", async () => {
    const r = bundledRegistry();
    const envs = await r.list('environment');
    expect([...envs.keys()]).toEqual(expect.arrayContaining(['bank', 'email', 'phone']));
    expect([...(await r.list('agent')).keys()]).toEqual(expect.arrayContaining(['oracle', 'reckless', 'scripted', 'exec']));
    expect([...(await r.list('device')).keys()].sort()).toEqual(['adb', 'appium', 'emulator', 'virtual']);
    expect([...(await r.list('importer')).keys()]).toEqual(['msb', 'asb']);
  });

  it('android/ is a content root of mixed plug-ins, not an environment folder', () => {
    const android = BUNDLED_ROOTS.find((root) => root.dir.endsWith('android'))!;
    expect(android.index).toBeUndefined();
    expect(BUNDLED_ROOTS.filter((root) => root.index === 'environment').map((root) => root.dir.split(/[\\/]/).pop())).toEqual(['environments']);
  });

  it("adds a user's folder and modules by the same rule, and names both files when two plug-ins share a name", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'mine'));
    writeFileSync(join(dir, 'mine', 'reporter.ts'), `import { defineReporter } from '${PUBLIC}';\nexport default defineReporter({ name: 'mine', description: 'x', create: () => ({}) });\n`);
    writeFileSync(join(dir, 'metrics.ts'), `import { defineMetric } from '${PUBLIC}';\nexport default [defineMetric({ name: 'm1', title: 'M1', tally: () => ({ add() {}, value: () => 1 }) }), defineMetric({ name: 'm2', title: 'M2', tally: () => ({ add() {}, value: () => 2 }) })];\n`);
    const r = new Registry({ plugins: [dir, join(dir, 'metrics.ts')] });
    // The core's reporters come first, then the user's, found by the same rule.
    expect([...(await r.list('reporter')).keys()]).toEqual(['summary', 'html', 'junit', 'github', 'inspect', 'inspect-json', 'otel', 'mine']);
    expect([...(await r.list('metric')).keys()]).toEqual(['guard', 'security', 'msb', 'asb', 'm1', 'm2']); // the core's guard and security metrics, the bundled MobileSafetyBench metric, then the user's
    expect((await r.list('environment')).has('phone')).toBe(true);
    writeFileSync(join(dir, 'again.ts'), `import { defineReporter } from '${PUBLIC}';\nexport default defineReporter({ name: 'mine', description: 'y', create: () => ({}) });\n`);
    await expect(new Registry({ plugins: [dir, join(dir, 'again.ts')] }).list('reporter')).rejects.toThrow(/two reporter plug-ins are named "mine": .*reporter\.ts and .*again\.ts/);
  });

  it('a module that is not a plug-in is a plugin error naming the file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'nothing.ts'), 'export default 42;\n');
    await expect(new Registry({ plugins: [join(dir, 'nothing.ts')] }).list('agent')).rejects.toMatchObject({ code: 'plugin', message: expect.stringContaining('nothing.ts') });
  });

  it('classifies by kind tag, then by shape', () => {
    expect(kindOf({ kind: 'guard', name: 'g' })).toBe('guard');
    expect(kindOf({ name: 'a', create() {} })).toBe('agent');
    expect(kindOf({ name: 'd', environment: 'phone', create() {} })).toBe('device');
    expect(kindOf({ name: 'i', defaultOut: 'x', run() {} })).toBe('importer');
    expect(kindOf({ name: 'nothing' })).toBeUndefined();
  });
});
