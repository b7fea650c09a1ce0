/**
 * Keeping the model busy (issue "Beyond one machine", issue 30): batches against a loopback
 * OpenAI-compatible server that answers after a fixed latency, compared with the ideal
 * (requests x latency / slots).
 *  - tool batch: 256 tool scenarios (no MCP servers) x 3 trials, 3 tool calls and a final answer per episode, 64 in flight;
 *  - vision batch: 30 phone episodes of 3 actions with a screenshot after each, 16 in flight (its
 *    screens are few: every episode stays on the same home screen, so the cache serves most);
 *  - vision batch of distinct screens (issue 30's workload): 30 phone scenarios x 4 trials, an agent
 *    that opens Messages, scrolls and goes home with a screenshot after every action, 16 in flight.
 *    Each scenario of each repeat starts at its own time, so the status bar's clock makes every
 *    screen of an episode a new picture; only the trials of one scenario share theirs, as in a run.
 * The model runs in a process of its own (bench/modelServer.ts), as a real server does; BENCH_SERVER=inline
 * runs it in this process instead. Each batch runs BENCH_REPEAT times (default 3; the machine is shared)
 * and the median is reported, with this process's CPU per model request (what the batch itself costs,
 * apart from waiting for the model; the screenshot renderer's own processes are not in it), of it
 * the kernel's share and the main thread's GC pauses. The tool batch's targets are issue 30's: 95% of
 * the ideal and at most 1 ms of CPU per model request; `met` is false when either is missed.
 * The tool batch first plays one unmeasured batch (BENCH_WARMUP, default 1): a process's first batch
 * also pays for loading the client's modules (here through tsx's loader thread) and for V8 compiling
 * the hot code on its helper threads (about 0.5 ms of CPU per request more than the next batch), a
 * cost a run pays once. Its figures are printed apart, as the cold batch, never dropped silently.
 * BENCH_ONLY=tool|vision|screens (comma-separated) picks rows. BENCH_PROFILE=1 profiles this process
 * during each row's batches, writes bench-model-<row>.cpuprofile (open in Chrome DevTools or VS Code) to
 * BENCH_PROFILE_DIR (default: the system's temporary folder) and prints the functions with the most
 * self time. Prints a table and one JSON line.
 * The batches' folders are removed when the bench exits (BENCH_KEEP_OUT=1 keeps them): on a file
 * system without a journal (ext4 here), files removed in the last few minutes make every new file
 * cost more (the kernel skips recently freed inodes: 150-250 µs a file instead of 20-40), so a bench
 * run right after another, or after the tests, measures that too; keep the folders between runs.
 * Where a batch's time over the ideal goes: the model says when its first request came and its last
 * answer went, so each row shows the ms from runBatch's call to the first request (the run's setup:
 * plug-ins, agents, run.json, the first episodes' start) and from the last answer to runBatch's return
 * (the last episodes' end, the report); the rest is the spread of the episodes' turnarounds.
 */
import { fork } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { constants as perf, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeScreenshots, screenshotStats } from '../android/phone/screenshot.ts';
import { runBatch } from '../src/run/run.ts';
import { discoverAgentProviders, discoverEnvironments, PACKAGE_ROOT } from '../src/scenario/discover.ts';
import { loadScenarios } from '../src/scenario/load.ts';
import { TripwireConfig } from '../src/run/config.ts';
import { startFakeOpenAI } from '../tests/support/openaiServer.ts';
import { API_KEY, reply, type BenchAction } from './modelServer.ts';

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 200);
const REPEAT = Math.max(1, Number(process.env.BENCH_REPEAT ?? 3));
const WARMUP = Math.max(0, Number(process.env.BENCH_WARMUP ?? 1));
const INLINE = process.env.BENCH_SERVER === 'inline';
const ONLY = process.env.BENCH_ONLY?.split(','); // 'tool', 'vision', 'screens'
const PROFILE = process.env.BENCH_PROFILE === '1';

const PROFILE_DIR = process.env.BENCH_PROFILE_DIR ?? tmpdir();
const environments = await discoverEnvironments();
const { scenarios } = await loadScenarios([join(PACKAGE_ROOT, 'scenarios')], environments);
const providers = await discoverAgentProviders();
/**
 * This process's garbage-collection pauses on its main thread, in ms (part of its CPU, not all of
 * it: parallel scavenging and concurrent marking also use helper threads). Young-generation ones
 * (scavenges) apart: at 64 in flight an episode outlives two scavenges, so its state is copied to
 * the old generation before it dies.
 */
const gc = { ms: 0, scavengeMs: 0, scavenges: 0 };
const tally = (entries: PerformanceEntry[]) => {
  for (const e of entries) {
    gc.ms += e.duration;
    if ((e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === perf.NODE_PERFORMANCE_GC_MINOR) (gc.scavengeMs += e.duration), gc.scavenges++;
  }
};
const gcObserver = new PerformanceObserver((list) => tally(list.getEntries()));
gcObserver.observe({ entryTypes: ['gc'] });
/** The pauses so far, entries not yet delivered included. */
const gcNow = () => (tally(gcObserver.takeRecords()), { ...gc });
/** ms since the epoch, comparable across processes. */
const now = () => performance.timeOrigin + performance.now();

interface Model {
  url: string;
  /** firstRequestAt, lastAnswerAt: ms since the epoch (`performance.timeOrigin + performance.now()`), 0 before any. */
  stats(): Promise<{ requests: number; cpuMs: number; firstRequestAt: number; lastAnswerAt: number }>;
  close(): Promise<void>;
}

async function startModel(actions: BenchAction[]): Promise<Model> {
  if (INLINE) {
    let requests = 0;
    let firstRequestAt = 0;
    let lastAnswerAt = 0;
    const server = await startFakeOpenAI(async (req) => {
      requests++;
      firstRequestAt ||= now();
      const { ms, then } = reply(req, actions, LATENCY_MS);
      await new Promise((resolve) => setTimeout(resolve, ms));
      lastAnswerAt = now();
      return then;
    });
    return { url: server.url, stats: async () => ({ requests, cpuMs: 0, firstRequestAt, lastAnswerAt }), close: () => server.close() };
  }
  const child = fork(join(import.meta.dirname, 'modelServer.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_LATENCY_MS: String(LATENCY_MS), BENCH_ACTIONS: JSON.stringify(actions) },
  });
  const next = () => new Promise<any>((resolve) => child.once('message', resolve));
  const { url } = await next();
  return {
    url,
    stats: () => (child.send('stats'), next()),
    close: async () => {
      child.disconnect();
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

interface BatchOptions {
  /** The scenarios of each repeat (0-based), or the same ones for all. */
  scenarios: typeof scenarios | ((repeat: number) => typeof scenarios);
  trials: number;
  slots: number;
  actions: BenchAction[];
  screenshots?: boolean;
}

const outs: string[] = [];
process.on('exit', () => { if (process.env.BENCH_KEEP_OUT !== '1') for (const out of outs) rmSync(out, { recursive: true, force: true }); });

async function batch(opts: BatchOptions, repeat: number) {
  const model = await startModel(opts.actions);
  // A fresh folder per batch, all removed at exit: removing ~800 trace files just before the next
  // batch made its file creations pay for the filesystem's cleanup (0-6% of its CPU), which a run pays never.
  const out = join(tmpdir(), `tripwire-bench-model-${process.pid}-${outs.length}`);
  outs.push(out);
  const config = TripwireConfig.parse({
    agents: { m: { provider: 'openai', model: 'bench', baseURL: model.url, apiKey: API_KEY, maxConcurrency: opts.slots, maxRetries: 0, ...(opts.screenshots ? { screenshots: true } : {}) } },
  });
  const before = await model.stats();
  const cpu0 = process.cpuUsage();
  const gc0 = gcNow();
  const shots = { ...screenshotStats };
  const t0 = now();
  const run = await runBatch({ agents: ['m'], trials: opts.trials, scenarios: typeof opts.scenarios === 'function' ? opts.scenarios(repeat) : opts.scenarios, environments, providers, concurrency: opts.slots, out, config });
  const t1 = now();
  const ms = t1 - t0;
  const cpu = process.cpuUsage(cpu0);
  const gc1 = gcNow();
  const after = await model.stats();
  await model.close();
  // Why episodes failed, before the folder goes: an error is a cost of its own, not a fast episode.
  const reasons = readdirSync(out).filter((id) => id !== 'latest').flatMap((id) => {
    const file = join(out, id, 'results.jsonl');
    return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { status: string; reason?: string }).filter((r) => r.status === 'error').map((r) => r.reason ?? '') : [];
  });
  const requests = after.requests - before.requests;
  const ideal = (requests * LATENCY_MS) / opts.slots;
  const cpuMs = (cpu.user + cpu.system) / 1000;
  // From the summary: the run does not hold its results.
  const errors = run.summary.agents.reduce((n, a) => n + a.errors, 0);
  return {
    episodes: run.summary.agents.reduce((n, a) => n + a.episodes, 0), requests, errors, ms, idealMs: ideal, ratio: ideal / ms, cpuMs, cpuPerRequestMs: cpuMs / requests, systemPerRequestMs: cpu.system / 1000 / requests,
    gcPerRequestMs: (gc1.ms - gc0.ms) / requests, scavenges: gc1.scavenges - gc0.scavenges,
    modelCpuMs: after.cpuMs - before.cpuMs, firstRequestMs: after.firstRequestAt - t0, afterLastAnswerMs: t1 - after.lastAnswerAt, errorReasons: [...new Set(reasons)].slice(0, 3), drawn: screenshotStats.draws - shots.draws, cached: screenshotStats.hits - shots.hits,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

/** Self time per function of a V8 CPU profile, most first. */
function selfTimes(profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples?: number[]; timeDeltas?: number[] }) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const total = new Map<string, number>();
  const samples = profile.samples ?? [];
  let all = 0;
  samples.forEach((id, i) => {
    const f = byId.get(id)!;
    const where = f.url ? `${f.url.replace(/^file:\/\//, '').replace(`${PACKAGE_ROOT}/`, '')}:${f.lineNumber + 1}` : '';
    const key = `${f.functionName || '(anonymous)'} ${where}`.trim();
    const us = profile.timeDeltas?.[i] ?? 0;
    all += us;
    total.set(key, (total.get(key) ?? 0) + us);
  });
  return { allMs: all / 1000, top: [...total].sort((a, b) => b[1] - a[1]).map(([fn, us]) => ({ fn, ms: us / 1000, share: us / all })) };
}

async function profiled<T>(name: string, work: () => Promise<T>): Promise<T> {
  if (!PROFILE) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    const file = join(PROFILE_DIR, `bench-model-${name}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    const { allMs, top } = selfTimes(profile);
    console.log(`\n${name}: CPU profile in ${file}, ${Math.round(allMs)} ms sampled; most self time:`);
    for (const t of top.slice(0, 30)) console.log(`${(t.share * 100).toFixed(1).padStart(6)}% ${t.ms.toFixed(0).padStart(7)} ms  ${t.fn}`);
  }
}

/** `target`: the least ratio to the ideal; `cpuTarget`: the most CPU ms per model request, if any. */
async function repeated(what: string, target: number, opts: BatchOptions, { warmup = 0, cpuTarget }: { warmup?: number; cpuTarget?: number } = {}) {
  const runs: Awaited<ReturnType<typeof batch>>[] = [];
  const cold: typeof runs = [];
  const name = what.split(',')[0]!.replace(/\W+/g, '-');
  for (let i = 0; i < warmup; i++) cold.push(await batch(opts, i));
  await profiled(name, async () => {
    for (let i = 0; i < REPEAT; i++) runs.push(await batch(opts, warmup + i));
  });
  const m = (k: 'ms' | 'ratio' | 'cpuMs' | 'cpuPerRequestMs' | 'modelCpuMs' | 'firstRequestMs' | 'afterLastAnswerMs') => median(runs.map((r) => r[k]));
  return {
    what, target, ...(cpuTarget !== undefined ? { cpuTarget } : {}), episodes: runs[0]!.episodes, requests: runs[0]!.requests, errors: Math.max(...runs.map((r) => r.errors)),
    ms: Math.round(m('ms')), idealMs: Math.round(runs[0]!.idealMs), ratio: Math.round(m('ratio') * 1000) / 1000,
    ratios: runs.map((r) => Math.round(r.ratio * 1000) / 1000),
    cpuPerRequestMs: Math.round(m('cpuPerRequestMs') * 100) / 100, cpuPerRequest: runs.map((r) => Math.round(r.cpuPerRequestMs * 100) / 100),
    // Of it, in the kernel (system calls: sockets, files): runs.map, as cpuPerRequest.
    systemPerRequest: runs.map((r) => Math.round(r.systemPerRequestMs * 100) / 100),
    // Of it, main-thread GC pauses, and the scavenges that made most of them.
    gcPerRequest: runs.map((r) => Math.round(r.gcPerRequestMs * 100) / 100), scavenges: runs.map((r) => r.scavenges),
    cpuMs: Math.round(m('cpuMs')), modelCpuMs: Math.round(m('modelCpuMs')),
    // The batch's edges (see the top): ms before the model's first request, and after its last answer.
    firstRequestMs: Math.round(m('firstRequestMs')), firstRequest: runs.map((r) => Math.round(r.firstRequestMs)),
    afterLastAnswerMs: Math.round(m('afterLastAnswerMs')), afterLastAnswer: runs.map((r) => Math.round(r.afterLastAnswerMs)),
    errorReasons: [...new Set(runs.flatMap((r) => r.errorReasons))].slice(0, 3),
    screenshotsDrawn: runs.map((r) => r.drawn), screenshotsCached: runs.map((r) => r.cached),
    // The unmeasured first batches (see the top), as measured.
    cold: cold.map((r) => ({ ratio: Math.round(r.ratio * 1000) / 1000, cpuPerRequestMs: Math.round(r.cpuPerRequestMs * 100) / 100, systemPerRequestMs: Math.round(r.systemPerRequestMs * 100) / 100, gcPerRequestMs: Math.round(r.gcPerRequestMs * 100) / 100 })),
  };
}

// In-process tool environments only: an MCP scenario starts a server process per episode (bench/mcp.ts
// measures those), whose spawning cost this process more than all the rest on a loaded machine.
const tools = scenarios.filter((s) => !('phone' in s.scenario.environments) && Object.keys(s.scenario.servers ?? {}).length === 0);
const phone = scenarios.filter((s) => 'phone' in s.scenario.environments).slice(0, 30);
/** Scenario i of repeat r starts (30r + i) x 5 minutes later: its 4 screens are its own, in every repeat. */
const ownTimes = (repeat: number) =>
  phone.map((s, i) => ({ ...s, scenario: { ...s.scenario, start: new Date(Date.parse(s.scenario.start) + (repeat * phone.length + i) * 5 * 60_000).toISOString() } }));
const wanted = (row: string) => !ONLY || ONLY.includes(row);
const rows: Awaited<ReturnType<typeof repeated>>[] = [];
if (wanted('tool')) {
  // 768 episodes, a multiple of the 64 slots: with 906 the last wave ran 10 episodes on 64 slots, and
  // no scheduler can beat that makespan (94% of the ideal), which hid what the batch itself costs.
  rows.push(await repeated('tool batch, 64 in flight', 0.95, { scenarios: tools.slice(0, 256), trials: 3, slots: 64, actions: ['list_accounts', 'search_emails', 'search_files'] }, { warmup: WARMUP, cpuTarget: 1 }));
}
if (wanted('vision')) {
  rows.push(await repeated('vision batch, 16 in flight', 0.5, { scenarios: phone, trials: 1, slots: 16, actions: ['no_op', 'swipe', 'no_op'], screenshots: true }));
}
if (wanted('screens')) {
  // Issue 30: within 1.3 times the ideal.
  const actions = [{ name: 'open_app', args: { name: 'Messages' } }, { name: 'swipe', args: { direction: 'up' } }, { name: 'button', args: { name: 'HOME' } }];
  rows.push(await repeated('vision, distinct screens', 1 / 1.3, { scenarios: ownTimes, trials: 4, slots: 16, actions, screenshots: true }));
}
await closeScreenshots();
gcObserver.disconnect();
/** A row's targets, both when it has a CPU one (issue 30 item 3: at most 1 ms per model request). */
const met = (r: (typeof rows)[number]) => r.ratio >= r.target && (r.cpuTarget === undefined || r.cpuPerRequestMs <= r.cpuTarget);
const targetOf = (r: (typeof rows)[number]) => `>= ${(r.target * 100).toFixed(0)}%${r.cpuTarget !== undefined ? `, <= ${r.cpuTarget} ms CPU` : ''}`;

console.log(`model ${INLINE ? 'in this process' : 'in its own process'}, latency ${LATENCY_MS} ms, ${API_KEY.length >= 8 ? `an API key of ${API_KEY.length} characters scrubbed from what the run writes` : 'no API key (nothing to scrub)'}; medians of ${REPEAT}${WARMUP && wanted('tool') ? ` (the tool batch after ${WARMUP} cold)` : ''}`);
console.log(`${'model batch'.padEnd(28)}${'episodes'.padStart(9)}${'requests'.padStart(9)}${'ms'.padStart(8)}${'ideal ms'.padStart(10)}${'of ideal'.padStart(10)}${'CPU ms/req'.padStart(12)}${'drawn/cached'.padStart(14)}${'first req'.padStart(11)}${'after last'.padStart(12)}  target`);
for (const r of rows) {
  const shots = `${median(r.screenshotsDrawn)}/${median(r.screenshotsCached)}`;
  console.log(`${r.what.padEnd(28)}${String(r.episodes).padStart(9)}${String(r.requests).padStart(9)}${String(r.ms).padStart(8)}${String(r.idealMs).padStart(10)}${`${(r.ratio * 100).toFixed(1)}%`.padStart(10)}${r.cpuPerRequestMs.toFixed(2).padStart(12)}${shots.padStart(14)}${`+${r.firstRequestMs}`.padStart(11)}${`+${r.afterLastAnswerMs}`.padStart(12)}  ${targetOf(r)}${met(r) ? '' : ' (not met)'}`);
}
for (const r of rows) {
  console.log(`${r.what}: of ideal ${r.ratios.map((x) => `${(x * 100).toFixed(1)}%`).join(', ')}; CPU ms/req ${r.cpuPerRequest.join(', ')} (kernel ${r.systemPerRequest.join(', ')}; GC pauses ${r.gcPerRequest.join(', ')} in ${r.scavenges.join(', ')} scavenges); first request +${r.firstRequest.join(', +')} ms; after last answer +${r.afterLastAnswer.join(', +')} ms`);
  for (const c of r.cold) console.log(`${r.what}: cold batch (not in the medians): of ideal ${(c.ratio * 100).toFixed(1)}%, CPU ms/req ${c.cpuPerRequestMs} (kernel ${c.systemPerRequestMs}; GC pauses ${c.gcPerRequestMs})`);
}
console.log(JSON.stringify({ bench: 'model', latencyMs: LATENCY_MS, apiKeyChars: API_KEY.length, server: INLINE ? 'inline' : 'process', repeat: REPEAT, warmup: WARMUP, batches: rows, met: rows.every(met) }));
