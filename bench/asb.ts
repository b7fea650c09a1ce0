/**
 * The Agent-SafetyBench bridge (issue 27, item 3), in two parts.
 *
 * Per call (target: the bridge adds at most 2 ms): the median of the same call (the fixture
 * checkout's Wallet.transfer, with a string to coerce) made (a) on the class directly, inside Python
 * (call_tool and json.dumps, timed there), (b) through the bridge as an external environment (MCP
 * client, stdio, bridge.py, the class), and (c) through World.apply as an episode makes it (argument
 * check, the call, the state read). The overhead is (c) - (a). Calls alternate between (b) and (c)
 * so a busy machine slows both alike; Node's CPU time per call is given beside, as a shared
 * machine's load inflates it far less than wall time.
 *
 * Batch (target: at least 85% of the ideal time): BENCH_ASB_CASES imported cases (default 2,000;
 * the fixture's cases repeated under new ids, or ASB_HOME's own) against a stand-in model that
 * answers after 200 ms (bench/modelServer.ts in a process of its own: three tool calls, then an
 * answer) and the stand-in judge (tests/support/asbJudge.ts, answering at once), BENCH_ASB_SLOTS in
 * flight (default 32). Ideal: model requests x latency / slots. Run twice: `worker` (one bridge
 * process per run worker, reset for each case: the scenarios as imported) and `fresh` (the same
 * scenarios with `reuse` taken out: a new Python process per episode, as before the pool). Each row
 * gives this process's CPU per model request and the bridges' CPU per episode (reaped children: the
 * bridges, and the spawner that starts them).
 *
 * `npx tsx bench/asb.ts`; BENCH_ASB_CALLS (default 500), BENCH_ASB_ONLY=call|batch,
 * BENCH_ASB_MODES=worker,fresh (default both). Prints a table and one JSON line.
 */
import { execFileSync, fork } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bridgePath, importCheckout } from '../benchmarks/asb/importer.ts';
import { TripwireConfig } from '../src/run/config.ts';
import { runBatch } from '../src/run/run.ts';
import { discoverAgentProviders, discoverEnvironments } from '../src/scenario/discover.ts';
import { loadScenarios, type LoadedScenario } from '../src/scenario/load.ts';
import { serverBase } from '../src/scenario/servers.ts';
import { startStandinJudge } from '../tests/support/asbJudge.ts';
import { createClock } from '../src/engine/clock.ts';
import { World } from '../src/engine/world.ts';
import { McpServer } from '../src/mcp/server.ts';
import { stopSpawner } from '../src/mcp/spawner.ts';
import { PACKAGE_ROOT } from '../src/scenario/discover.ts';
import { McpServer as Spec, setServerBase } from '../src/scenario/servers.ts';

const CALLS = Number(process.env.BENCH_ASB_CALLS ?? 500);
const CASES = Number(process.env.BENCH_ASB_CASES ?? 2000);
const SLOTS = Number(process.env.BENCH_ASB_SLOTS ?? 32);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 200);
const ONLY = process.env.BENCH_ASB_ONLY;
const MODES = (process.env.BENCH_ASB_MODES ?? 'worker,fresh').split(',') as ('worker' | 'fresh')[];
const home = process.env.ASB_HOME;
const checkout = home ?? join(PACKAGE_ROOT, 'tests/fixtures/asb');
const job = home
  ? { env: 'Email', tool: 'search_contacts', args: { name: 'John', extra: 'dropped' }, parameters: { contacts: [{ name: 'John Black', email: 'john@example.org' }] } }
  : { env: 'Wallet', tool: 'transfer', args: { payee: 'Ana', amount: '0.5', memo: 'dropped' }, parameters: { balance: 1e9, payees: { Ana: 'ES91' } } };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const result: Record<string, unknown> = { bench: 'asb', checkout: home ? 'real' : 'fixture' };

async function perCall(): Promise<void> {
  // (a) inside Python: the class's own time per call, with the json.dumps the bridge adds.
  const inPython = Number(execFileSync('python3', ['-I', '-c', `
import importlib, json, sys, time
from copy import deepcopy
sys.path.insert(0, sys.argv[1]); sys.stdout = sys.stderr
cls = getattr(importlib.import_module(sys.argv[2]), sys.argv[2])
env = cls(parameters=json.loads(sys.argv[3])); args = json.loads(sys.argv[4]); ts = []
for i in range(${CALLS}):
    t = time.perf_counter(); json.dumps(env.call_tool(sys.argv[5], deepcopy(args))); ts.append(time.perf_counter() - t)
ts.sort(); sys.__stdout__.write(str(ts[len(ts)//2] * 1000))
`, join(checkout, 'environments'), job.env, JSON.stringify(job.parameters), JSON.stringify(job.args), job.tool], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));

  // As the importer writes it: the case is the reset's setup.
  const spec = Spec.parse({ command: 'python3', args: ['-s', bridgePath(), join(checkout, 'environments')], env: { PYTHONHASHSEED: '0' }, reuse: 'worker', setup: { case: JSON.stringify([{ name: job.env, tools: [job.tool], parameters: job.parameters }]) }, validate: 'server' });
  setServerBase(spec, PACKAGE_ROOT);
  const bridge = await McpServer.start(spec);
  const world = new World([], {}, createClock('2026-01-05T09:00:00Z'));
  await world.useExternal('asb', bridge);

  const times = { call: [] as number[], apply: [] as number[] };
  let cpu = 0;
  for (let i = 0; i < CALLS + 20; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    await bridge.call(job.tool, job.args);
    const t1 = performance.now();
    const out = await world.apply({ type: 'tool', tool: job.tool, args: job.args });
    const t2 = performance.now();
    const c1 = process.cpuUsage(c0);
    if (!out.ok) throw new Error(`the call failed: ${out.message}`);
    if (i < 20) continue; // warm-up
    times.call.push(t1 - t0);
    times.apply.push(t2 - t1);
    cpu += (c1.user + c1.system) / 1000 / 2;
  }
  await bridge.close();

  const [c, a] = [median(times.call), median(times.apply)];
  result.call = { calls: CALLS, inPythonMs: inPython, bridgeMs: c, applyMs: a, overheadMs: a - inPython, cpuMs: cpu / CALLS };
  console.log(`Agent-SafetyBench bridge, ${CALLS} calls of ${job.env}.${job.tool} (${home ? 'real checkout' : 'fixture checkout'}; medians):`);
  console.log(`  the class inside Python        ${inPython.toFixed(3)} ms`);
  console.log(`  through the bridge             ${c.toFixed(3)} ms`);
  console.log(`  through World.apply (a step)   ${a.toFixed(3)} ms  (bridge overhead +${(a - inPython).toFixed(3)} ms; target 2 ms)`);
  console.log(`  Node CPU time per call         ${(cpu / CALLS).toFixed(3)} ms`);
}

/** The CPU time of this process's reaped children (the bridges, once they exited), in ms: /proc/self/stat's cutime + cstime. */
function childrenCpuMs(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  // After the command's closing parenthesis, field 3 (state) is index 0: cutime is field 16, cstime 17.
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
}

async function batch(): Promise<void> {
  process.env.OPENAI_API_KEY ??= 'none';
  const environments = await discoverEnvironments();
  const providers = await discoverAgentProviders();
  const dir = join(tmpdir(), `tripwire-bench-asb-${process.pid}`);
  await importCheckout(checkout, join(dir, 'cases'));
  const { scenarios: imported } = await loadScenarios([join(dir, 'cases')], environments);
  // As many cases as asked: the checkout's, repeated under new ids when it has fewer (the fixture has six).
  const cases: LoadedScenario[] = Array.from({ length: Math.min(CASES, home ? imported.length : CASES) }, (_, i) => {
    const l = imported[i % imported.length]!;
    return i < imported.length ? l : { ...l, scenario: { ...l.scenario, id: `${l.scenario.id}-r${Math.floor(i / imported.length)}` } };
  });
  const judge = await startStandinJudge();
  const rows: Record<string, unknown>[] = [];
  for (const mode of MODES) {
    // `fresh`: the same scenarios without `reuse`: a Python process per episode (its case still given at reset).
    const played = mode === 'worker' ? cases : cases.map((l) => {
      const servers = Object.fromEntries(Object.entries(l.scenario.servers ?? {}).map(([id, s]) => {
        const { reuse: _r, ...rest } = s;
        Object.defineProperty(rest, Symbol.for('tripwire.serverBase'), { value: serverBase(s), enumerable: false });
        return [id, rest as typeof s];
      }));
      return { ...l, scenario: { ...l.scenario, servers } };
    });
    const child = fork(join(import.meta.dirname, 'modelServer.ts'), [], { execArgv: ['--import', 'tsx'], env: { ...process.env, BENCH_LATENCY_MS: String(LATENCY_MS) } });
    const next = () => new Promise<any>((r) => child.once('message', r));
    const { url } = await next();
    const config = TripwireConfig.parse({
      agents: { m: { provider: 'openai', model: 'bench', baseURL: url, apiKey: 'none', maxConcurrency: SLOTS, maxRetries: 0 } },
      judge: { model: 'shieldagent-standin', baseURL: judge.url },
    });
    child.send('stats');
    const before = await next();
    const judged0 = judge.requests.length;
    const children0 = childrenCpuMs();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const run = await runBatch({ agents: ['m'], trials: 1, scenarios: played, environments, providers, concurrency: SLOTS, out: join(dir, 'runs'), config });
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    // The bridges are started by the MCP server spawner (src/mcp/spawner.ts), so they are its children:
    // their CPU time (and its own) reaches this process's reaped children's when it has exited.
    await stopSpawner();
    const childrenMs = childrenCpuMs() - children0;
    child.send('stats');
    const after = await next();
    child.disconnect();
    const requests = after.requests - before.requests;
    const idealMs = (requests * LATENCY_MS) / SLOTS;
    const errors = run.summary.agents.reduce((n, a) => n + a.errors, 0);
    const reasons = [...new Set(run.results.filter((r) => r.status === 'error').map((r) => r.reason ?? ''))].slice(0, 3);
    rows.push({
      mode, episodes: run.summary.agents.reduce((n, a) => n + a.episodes, 0), errors, errorReasons: reasons, requests, judged: judge.requests.length - judged0,
      ms: Math.round(ms), idealMs: Math.round(idealMs), ratio: Math.round((idealMs / ms) * 1000) / 1000,
      cpuPerRequestMs: Math.round(((cpu.user + cpu.system) / 1000 / Math.max(1, requests)) * 100) / 100,
      bridgeCpuPerEpisodeMs: Math.round((childrenMs / Math.max(1, played.length)) * 100) / 100,
    });
    rmSync(join(dir, 'runs'), { recursive: true, force: true });
  }
  await judge.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(`Agent-SafetyBench batch: ${cases.length} cases (${home ? 'real checkout' : 'fixture cases repeated'}), stand-in model ${LATENCY_MS} ms, stand-in judge, ${SLOTS} in flight:`);
  for (const r of rows) {
    console.log(`  ${String(r.mode).padEnd(7)} ${String(r.episodes).padStart(5)} episodes  ${String(r.errors).padStart(3)} errors  ${String(r.requests).padStart(5)} requests  ${String(r.ms).padStart(7)} ms  ideal ${String(r.idealMs).padStart(6)} ms  ${((r.ratio as number) * 100).toFixed(1).padStart(5)}% of ideal (target 85%)  CPU ${r.cpuPerRequestMs} ms/req, bridges ${r.bridgeCpuPerEpisodeMs} ms/episode`);
    if ((r.errorReasons as string[]).length) console.log(`          errors: ${(r.errorReasons as string[]).join(' | ').slice(0, 300)}`);
  }
  result.batch = rows;
}

if (ONLY !== 'batch') await perCall();
if (ONLY !== 'call') await batch();
console.log(JSON.stringify(result));
