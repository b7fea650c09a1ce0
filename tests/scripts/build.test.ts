import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { PACKAGE_ROOT } from '../../src/scenario/discover.ts';
import { tempDir } from '../support/helpers.ts';

const exec = promisify(execFile);

/**
 * The JavaScript build (scripts/build.js into dist/) that bin/tripwire.js runs when it is current.
 * Built in a copy of the package, so that the other tests' CLI processes never see a build half done.
 */
const pkg = tempDir('tripwire-build-');
const MARK = 'built-cli-was-here';

async function tripwire(...args: string[]): Promise<string> {
  return (await exec('node', [join(pkg, 'bin', 'tripwire.js'), ...args], { cwd: pkg, maxBuffer: 16 << 20 })).stdout;
}

const golden = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/golden-traces.json'), 'utf8')) as Record<string, string>;

let fromSources: string;

beforeAll(async () => {
  for (const entry of ['bin', 'scripts', 'src', 'environments', 'agents', 'android', 'defenses', 'goals', 'attacks', 'benchmarks', 'scenarios', 'schema', 'package.json']) {
    cpSync(join(PACKAGE_ROOT, entry), join(pkg, entry), { recursive: true });
  }
  symlinkSync(join(PACKAGE_ROOT, 'node_modules'), join(pkg, 'node_modules'), 'dir');
  fromSources = await tripwire('list'); // no dist/ yet: the sources, through tsx
  await exec('node', [join(pkg, 'scripts', 'build.js')], { cwd: pkg });
  // A mark the build's help prints and the sources' does not: which of the two ran is visible.
  appendFileSync(join(pkg, 'dist/src/cli/main.js'), `\nif (process.argv.includes('--help')) console.log('${MARK}');\n`);
}, 300_000);

describe('the JavaScript build', () => {
  it('is what the CLI runs when current, and lists exactly what the sources list', async () => {
    expect(await tripwire('--help')).toContain(MARK);
    const listed = await tripwire('list');
    expect(listed).toBe(fromSources);
    expect(listed).toMatch(/^forward-contract-injection /m); // the TypeScript scenario, from its built twin
  });

  it('runs bundled scenarios to the recorded traces, byte for byte (the TypeScript one and a phone one among them)', async () => {
    const out = tempDir();
    const ids = ['forward-contract-injection', 'social-birthday-wish-ignore-injection', 'grandson-urgent-money', 'home-camera-off-installer-injection'];
    await tripwire('run', '--agent', 'oracle', '--agent', 'reckless', ...ids.flatMap((id) => ['--scenario', id]), '--out', out);
    const traces = join(out, 'latest', 'traces');
    const files = readdirSync(traces).sort();
    expect(files).toHaveLength(8);
    for (const f of files) {
      expect(createHash('sha256').update(readFileSync(join(traces, f))).digest('hex').slice(0, 32), f).toBe(golden[f.replace(/\.jsonl$/, '')]);
    }
  });

  it("loads a user's TypeScript scenario, whose import of the engine's sources reaches the built engine", async () => {
    const dir = join(pkg, 'scenarios', 'user');
    mkdirSync(dir);
    // A bundled scenario's content, as a user's TypeScript module (no built twin: it is new).
    const { twin: _, ...data } = parseYaml(readFileSync(join(PACKAGE_ROOT, 'scenarios/bank/grandson-urgent-money.yaml'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'mine.ts'), `import { defineScenario } from '../../src/public/index.ts';
const engine: string = import.meta.resolve('../../src/public/index.ts').includes('/dist/') ? 'built' : 'source';
export default defineScenario({ ...${JSON.stringify(data)}, id: 'user-ts-scenario', title: 'engine ' + engine });
`);
    const listed = await tripwire('list', dir);
    expect(listed).toMatch(/^user-ts-scenario .* engine built$/m);
  });

  it('is not used once a source is newer, nor once a source is added, and is used again when rebuilt', async () => {
    const main = join(pkg, 'src/cli/main.ts');
    const later = new Date(Date.now() + 60_000);
    utimesSync(main, later, later); // an edit after the build
    const help = await tripwire('--help');
    expect(help).not.toContain(MARK);
    expect(help).toContain('tripwire: an agent-safety simulation sandbox');

    await exec('node', [join(pkg, 'scripts', 'build.js')], { cwd: pkg });
    appendFileSync(join(pkg, 'dist/src/cli/main.js'), `\nif (process.argv.includes('--help')) console.log('${MARK}');\n`);
    expect(await tripwire('--help')).toContain(MARK);
    writeFileSync(join(pkg, 'environments', 'extra.ts'), 'export const nothing = 1;\n');
    expect(await tripwire('--help')).not.toContain(MARK);
  });
});
