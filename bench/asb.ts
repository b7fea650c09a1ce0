/**
 * What the Agent-SafetyBench bridge adds to a tool call (issue 27, item 3; target at most 2 ms): the
 * median of the same call (the fixture checkout's Wallet.transfer, with a string to coerce) made
 * (a) on the class directly, inside Python (call_tool and json.dumps, timed there), (b) through
 * the bridge as an external environment (MCP client, stdio, bridge.py, the class), and (c) through
 * World.apply as an episode makes it (argument check, the call, the state read). The overhead is
 * (c) - (a). Calls alternate between (b) and (c) so a busy machine slows both alike; Node's CPU time
 * per call is given beside, as a shared machine's load inflates it far less than wall time.
 * `npx tsx bench/asb.ts` (BENCH_ASB_CALLS, default 500; ASB_HOME: a real checkout's Email instead).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { bridgePath } from '../benchmarks/asb/importer.ts';
import { createClock } from '../src/engine/clock.ts';
import { World } from '../src/engine/world.ts';
import { McpServer } from '../src/mcp/server.ts';
import { PACKAGE_ROOT } from '../src/scenario/discover.ts';
import { McpServer as Spec, setServerBase } from '../src/scenario/servers.ts';

const CALLS = Number(process.env.BENCH_ASB_CALLS ?? 500);
const home = process.env.ASB_HOME;
const checkout = home ?? join(PACKAGE_ROOT, 'tests/fixtures/asb');
const job = home
  ? { env: 'Email', tool: 'search_contacts', args: { name: 'John', extra: 'dropped' }, parameters: { contacts: [{ name: 'John Black', email: 'john@example.org' }] } }
  : { env: 'Wallet', tool: 'transfer', args: { payee: 'Ana', amount: '0.5', memo: 'dropped' }, parameters: { balance: 1e9, payees: { Ana: 'ES91' } } };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

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

const spec = Spec.parse({ command: 'python3', args: ['-s', bridgePath(), join(checkout, 'environments')], env: { PYTHONHASHSEED: '0', ASB_CASE: JSON.stringify([{ name: job.env, tools: [job.tool], parameters: job.parameters }]) }, validate: 'server' });
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
console.log(`Agent-SafetyBench bridge, ${CALLS} calls of ${job.env}.${job.tool} (${home ? 'real checkout' : 'fixture checkout'}; medians):`);
console.log(`  the class inside Python        ${inPython.toFixed(3)} ms`);
console.log(`  through the bridge             ${c.toFixed(3)} ms`);
console.log(`  through World.apply (a step)   ${a.toFixed(3)} ms  (bridge overhead +${(a - inPython).toFixed(3)} ms; target 2 ms)`);
console.log(`  Node CPU time per call         ${(cpu / CALLS).toFixed(3)} ms`);
