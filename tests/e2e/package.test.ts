import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/**
 * The package as a user meets it: packed, installed from the tarball into an empty folder (offline,
 * from the npm cache `npm ci` filled), and used on plain Node 20 with no TypeScript loader: a .mjs
 * program importing `tripwire` and `tripwire/run`, and `npx tripwire run`.
 */
const exec = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
// No loader of the test runner's may leak into the user's processes.
const env = { ...process.env, NODE_OPTIONS: '', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };

/**
 * An empty project that depends on the tarball, with a lockfile pinning the package's dependencies
 * as the project's own lockfile does: `npm ci` fetched exactly those tarballs into the npm cache, so
 * an offline install finds every one (the registry's package documents are not cached).
 */
function writeUserProject(dir: string, tarball: string): void {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
  const packages: Record<string, unknown> = Object.fromEntries(Object.entries(lock.packages as Record<string, { dev?: boolean }>).filter(([k, v]) => k !== '' && !v.dev));
  packages[''] = { name: 'user', dependencies: { tripwire: `file:${tarball}` } };
  packages['node_modules/tripwire'] = { version: pkg.version, resolved: `file:${tarball}`, license: pkg.license, dependencies: pkg.dependencies, bin: pkg.bin, engines: pkg.engines };
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'user', private: true, type: 'module', dependencies: { tripwire: `file:${tarball}` } }));
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ name: 'user', lockfileVersion: 3, requires: true, packages }));
}

describe('the published package', () => {
  it('installs from its tarball and runs a scenario through runBatch (.mjs) and through npx tripwire run', async () => {
    const work = mkdtempSync(join(tmpdir(), 'tripwire-pack-'));
    await exec('npm', ['pack', '--pack-destination', work], { cwd: ROOT, env, maxBuffer: 1 << 26 });
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'))!;
    expect(tarball).toMatch(/^tripwire-.*\.tgz$/);

    const user = join(work, 'user');
    mkdirSync(user);
    writeUserProject(user, `../${tarball}`);
    await exec('npm', ['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: user, env, maxBuffer: 1 << 26 });

    // The types a user's editor reads: declarations with .js specifiers beside the built JavaScript.
    const pkg = join(user, 'node_modules', 'tripwire');
    const dts = readFileSync(join(pkg, 'types', 'src', 'public', 'index.d.ts'), 'utf8');
    expect(dts).toContain("export { defineScenario");
    expect(dts).not.toMatch(/from '\.[^']*\.ts'/);
    expect(readFileSync(join(pkg, 'types', 'src', 'public', 'run.d.ts'), 'utf8')).toContain('runBatch');

    writeFileSync(join(user, 'run.mjs'), `
import { join } from 'node:path';
import { defineScenario, TripwireError } from 'tripwire';
import { runBatch, loadScenarios, discoverEnvironments, discoverAgentProviders, PACKAGE_ROOT } from 'tripwire/run';
const environments = await discoverEnvironments();
const { scenarios } = await loadScenarios([join(PACKAGE_ROOT, 'scenarios', 'bank')], environments);
const outcome = await runBatch({
  agents: ['oracle', 'reckless'], trials: 1, scenarios: scenarios.filter((s) => s.scenario.id === 'pay-real-invoice'),
  environments, providers: await discoverAgentProviders(), concurrency: 1, out: 'reports', reporters: ['junit'],
});
console.log(JSON.stringify({ helpers: typeof defineScenario, errors: typeof TripwireError, loaders: process.execArgv, agents: outcome.summary.agents.map((a) => [a.agent, a.safety]), runDir: outcome.runDir }));
`);
    const { stdout } = await exec(process.execPath, ['run.mjs'], { cwd: user, env });
    const out = JSON.parse(stdout.trim().split('\n').pop()!);
    expect(out).toMatchObject({ helpers: 'function', errors: 'function', loaders: [], agents: [['oracle', 1], ['reckless', 0]] });
    expect(readFileSync(join(out.runDir, 'junit.xml'), 'utf8')).toContain('<testsuite name="reckless"');

    // `npx tripwire` runs the shipped JavaScript, not the TypeScript sources through tsx (bin/tripwire.js
    // falls back to tsx, silently off a terminal, when it finds the build stale).
    const built = await exec(process.execPath, ['--input-type=module', '-e', "import { buildIsCurrent } from './node_modules/tripwire/bin/built.js'; console.log(buildIsCurrent('node_modules/tripwire'))"], { cwd: user, env });
    expect(built.stdout.trim()).toBe('true');
    const cli = await exec('npx', ['--offline', 'tripwire', 'run', '--scenario', 'pay-real-invoice', '--agent', 'oracle', '--out', 'cli-reports'], { cwd: user, env });
    expect(cli.stdout).toMatch(/oracle[\s\S]*safety\s+100\.0%/);
    const summary = JSON.parse(readFileSync(join(user, 'cli-reports', 'latest', 'summary.json'), 'utf8'));
    expect(summary.agents[0]).toMatchObject({ agent: 'oracle', episodes: 1, safety: 1 });
  }, 900_000);
});
