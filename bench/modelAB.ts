/**
 * bench/model.ts's tool batch for two checkouts of Tripwire in one process, taking turns (A B, then
 * B A, ...): on a shared machine whose speed changes from one minute to the next (the same checkout's
 * CPU per request ranged 0.79 to 1.09 ms across runs here), what both see alike cancels out, and the
 * difference stays. Each checkout plays with its own engine, environments, scenarios and agent;
 * node_modules (the openai client among them) and the model's process are shared.
 *   npx tsx bench/modelAB.ts <checkout A> [<checkout B>, default this one]   (BENCH_AB_PAIRS, default 6)
 * Each plays one unmeasured batch first (see bench/model.ts). Prints each side's CPU per model request
 * and share of the ideal (medians), and the median of B - A over the pairs.
 */
import { fork } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_KEY } from './modelServer.ts';

const here = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [a = '', b = here] = process.argv.slice(2).map((p) => resolve(p));
if (!a) throw new Error('usage: npx tsx bench/modelAB.ts <checkout A> [<checkout B>]');
const PAIRS = Math.max(1, Number(process.env.BENCH_AB_PAIRS ?? 6));
const LATENCY_MS = 200;
const SLOTS = 64;

const child = fork(join(here, 'bench', 'modelServer.ts'), [], {
  execArgv: ['--import', 'tsx'],
  env: { ...process.env, BENCH_LATENCY_MS: String(LATENCY_MS), BENCH_ACTIONS: 'list_accounts,search_emails,search_files' },
});
const next = () => new Promise<any>((r) => child.once('message', r));
const { url } = await next();
const stats = (): Promise<{ requests: number }> => (child.send('stats'), next());

const outs: string[] = [];
process.on('exit', () => { for (const out of outs) rmSync(out, { recursive: true, force: true }); });

async function checkout(root: string) {
  const { runBatch } = (await import(`${root}/src/run/run.ts`)) as typeof import('../src/run/run.ts');
  const { discoverAgentProviders, discoverEnvironments } = (await import(`${root}/src/scenario/discover.ts`)) as typeof import('../src/scenario/discover.ts');
  const { loadScenarios } = (await import(`${root}/src/scenario/load.ts`)) as typeof import('../src/scenario/load.ts');
  const { TripwireConfig } = (await import(`${root}/src/run/config.ts`)) as typeof import('../src/run/config.ts');
  const environments = await discoverEnvironments();
  const { scenarios } = await loadScenarios([join(root, 'scenarios')], environments);
  const providers = await discoverAgentProviders();
  // bench/model.ts's: 256 in-process tool scenarios x 3 trials, 3 tool calls and an answer each.
  const tools = scenarios.filter((s) => !('phone' in s.scenario.environments) && Object.keys(s.scenario.servers ?? {}).length === 0).slice(0, 256);
  const config = TripwireConfig.parse({ agents: { m: { provider: 'openai', model: 'bench', baseURL: url, apiKey: API_KEY, maxConcurrency: SLOTS, maxRetries: 0 } } });
  const cpu: number[] = [];
  const ratio: number[] = [];
  return {
    root, cpu, ratio,
    async batch(measured: boolean) {
      const out = join(tmpdir(), `tripwire-bench-modelab-${process.pid}-${outs.length}`);
      outs.push(out);
      const before = await stats();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await runBatch({ agents: ['m'], trials: 3, scenarios: tools, environments, providers, concurrency: SLOTS, out, config });
      const ms = performance.now() - t0;
      const c = process.cpuUsage(c0);
      const requests = (await stats()).requests - before.requests;
      if (!measured) return;
      cpu.push((c.user + c.system) / 1000 / requests);
      ratio.push((requests * LATENCY_MS) / SLOTS / ms);
    },
  };
}

const median = (s: number[]) => [...s].sort((x, y) => x - y)[Math.floor((s.length - 1) / 2)]!;
const [A, B] = [await checkout(a), await checkout(b)];
await A.batch(false);
await B.batch(false);
for (let p = 0; p < PAIRS; p++) for (const c of p % 2 ? [B, A] : [A, B]) await c.batch(true);
child.disconnect();
const diffs = A.cpu.map((x, i) => B.cpu[i]! - x);
const fmt = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(' ');
for (const [name, s] of [['A', A], ['B', B]] as const) {
  console.log(`${name} ${s.root}: CPU ms/request ${median(s.cpu).toFixed(3)} (${fmt(s.cpu)}), of ideal ${(median(s.ratio) * 100).toFixed(1)}% (${s.ratio.map((r) => (r * 100).toFixed(1)).join(' ')})`);
}
console.log(`B - A: ${median(diffs).toFixed(3)} ms per request, median of ${PAIRS} pairs (${fmt(diffs)})`);
console.log(JSON.stringify({ bench: 'modelAB', a: A.root, b: B.root, cpuPerRequestMs: { a: median(A.cpu), b: median(B.cpu) }, ratio: { a: median(A.ratio), b: median(B.ratio) }, diffMs: median(diffs), diffs, pairs: PAIRS }));
