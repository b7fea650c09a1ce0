/**
 * Security cases at scale (issue 26, "Speed and scale"):
 *  - list: `tripwire list --attack all --json` (the bundled library crossed with every attack): at
 *    least 5,000 cases, in at most 10 s;
 *  - check: `tripwire check --attack all`, every case proved sound or left out, in at most 120 s;
 *  - batch: 2,000 security cases against a loopback model that answers after 200 ms (bench/model.ts's
 *    stand-in, in a process of its own), 64 in flight: at least 90% of the ideal batch time
 *    (requests x latency / slots).
 * The CLI runs built (npm run build first: `npm run bench` does). Prints a table and one JSON line.
 */
import { execFileSync, fork } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from '../src/cli/shared.ts';
import { securityScenarios } from '../src/cli/security.ts';
import { TripwireConfig } from '../src/run/config.ts';
import { runBatch } from '../src/run/run.ts';
import { bundledRegistry } from '../src/registry/registry.ts';
import { PACKAGE_ROOT } from '../src/scenario/discover.ts';

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 200);
const CASES = Number(process.env.BENCH_CASES ?? 2000);
const SLOTS = 64;
const BIN = join(PACKAGE_ROOT, 'bin/tripwire.js');

function timed(args: string[]): { ms: number; stdout: string } {
  const t0 = performance.now();
  const stdout = execFileSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return { ms: Math.round(performance.now() - t0), stdout };
}

// BENCH_ONLY=batch skips list and check (they take a minute or two).
const ONLY_BATCH = process.env.BENCH_ONLY === 'batch';
const list = ONLY_BATCH ? { ms: 0, stdout: '[]' } : timed(['list', '--attack', 'all', '--json']);
const listed = (JSON.parse(list.stdout) as unknown[]).length;
const check = ONLY_BATCH ? { ms: 0, stdout: '{"sound":0,"unsound":0}' } : timed(['check', '--attack', 'all', '--json']);
const checked = JSON.parse(check.stdout) as { sound: number; unsound: number };

// The batch: a deterministic sample of sound cases (no phone: its screens are bench/model.ts's vision batch).
const registry = bundledRegistry();
const { environments, scenarios } = await load([], [], registry);
const tools = scenarios.filter((l) => !('phone' in l.scenario.environments));
const picked = (await securityScenarios(tools, environments, registry, { attacks: ['all'], sample: Math.round(CASES * 1.2), seed: 'bench' }, {})).scenarios
  .filter((l) => l.scenario.id.includes('@'))
  .slice(0, CASES);
// BENCH_PLAIN=1: the same batch over plain tool scenarios (repeated to the same count), to tell what cases add from what the machine takes.
if (process.env.BENCH_PLAIN === '1') picked.splice(0, picked.length, ...Array.from({ length: CASES }, (_, i) => ({ ...tools[i % tools.length]!, scenario: { ...tools[i % tools.length]!.scenario, id: `${tools[i % tools.length]!.scenario.id}-${i}` } })));

const child = fork(join(import.meta.dirname, 'modelServer.ts'), [], { execArgv: ['--import', 'tsx'], env: { ...process.env, BENCH_LATENCY_MS: String(LATENCY_MS), BENCH_ACTIONS: 'search_emails,list_accounts,search_files' } });
const next = () => new Promise<any>((resolve) => child.once('message', resolve));
const { url } = await next();
const out = join(tmpdir(), `tripwire-bench-security-${process.pid}`);
const config = TripwireConfig.parse({ agents: { m: { provider: 'openai', model: 'bench', baseURL: url, apiKey: 'none', maxConcurrency: SLOTS, maxRetries: 0 } } });
const providers = await registry.list('agent');
child.send('stats');
const before = await next();
// BENCH_PROFILE=<file.cpuprofile>: a CPU profile of the batch alone (not the loading and crossing before it).
const profiler = process.env.BENCH_PROFILE ? new Session() : undefined;
const post = (method: string, params?: object) => new Promise<any>((resolve, reject) => profiler!.post(method, params ?? {}, (e, r) => (e ? reject(e) : resolve(r))));
if (profiler) {
  profiler.connect();
  await post('Profiler.enable');
  await post('Profiler.start');
}
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const run = await runBatch({ agents: ['m'], trials: 1, scenarios: picked, environments, providers, concurrency: SLOTS, out, config, registry });
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
if (profiler) writeFileSync(process.env.BENCH_PROFILE!, JSON.stringify((await post('Profiler.stop')).profile));
child.send('stats');
const after = await next();
child.disconnect();
rmSync(out, { recursive: true, force: true });
const requests = after.requests - before.requests;
const idealMs = (requests * LATENCY_MS) / SLOTS;
const ratio = Math.round((idealMs / ms) * 1000) / 1000;
// What the batch itself costs, apart from waiting for the model: on a shared machine, wall time also waits for other work.
const cpuPerRequestMs = Math.round(((cpu.user + cpu.system) / 1000 / Math.max(1, requests)) * 100) / 100;
const sec = run.summary.agents[0]?.security as { cases: number } | undefined;

const rows = [
  { what: `list --attack all (${listed} cases)`, value: `${list.ms} ms`, target: '>= 5000 cases, <= 10000 ms', met: listed >= 5000 && list.ms <= 10_000 },
  { what: `check --attack all (${checked.sound} sound, ${checked.unsound} not)`, value: `${check.ms} ms`, target: '<= 120000 ms', met: check.ms <= 120_000 },
  { what: `batch of ${picked.length} cases, ${requests} requests`, value: `${Math.round(ms)} ms, ${(ratio * 100).toFixed(1)}% of ideal ${Math.round(idealMs)} ms, CPU ${cpuPerRequestMs} ms/req`, target: '>= 90% of ideal', met: ratio >= 0.9 },
];
for (const r of rows) console.log(`${r.what.padEnd(52)} ${r.value.padEnd(40)} ${r.target}  ${r.met ? 'met' : 'MISSED'}`);
console.log(JSON.stringify({
  bench: 'security', listed, listMs: list.ms, checkMs: check.ms, sound: checked.sound, unsound: checked.unsound,
  batch: { cases: picked.length, graded: sec?.cases, requests, ms: Math.round(ms), idealMs: Math.round(idealMs), ratio, cpuPerRequestMs, latencyMs: LATENCY_MS, slots: SLOTS },
  met: rows.every((r) => r.met),
}));
