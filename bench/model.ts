/**
 * Keeping the model busy (issue "Beyond one machine"): batches against a loopback OpenAI-compatible
 * server that answers after a fixed latency, compared with the ideal (requests x latency / slots).
 *  - tool batch: every tool scenario, 3 tool calls and a final answer per episode, 64 in flight;
 *  - vision batch: 30 phone episodes of 3 actions with a screenshot after each, 16 in flight.
 * Prints a table and one JSON line.
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeScreenshots, screenshotStats } from '../android/phone/screenshot.ts';
import { runBatch } from '../src/run/run.ts';
import { discoverAgentProviders, discoverEnvironments, PACKAGE_ROOT } from '../src/scenario/discover.ts';
import { loadScenarios } from '../src/scenario/load.ts';
import { TripwireConfig } from '../src/run/config.ts';
import { call, say, startFakeOpenAI, toolCall, type RecordedRequest } from '../tests/support/openaiServer.ts';

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 200);
const environments = await discoverEnvironments();
const { scenarios } = await loadScenarios([join(PACKAGE_ROOT, 'scenarios')], environments);
const providers = await discoverAgentProviders();

/** Three tool calls (the first tool offered, then the device's no_op or a read), then an answer. */
function reply(req: RecordedRequest, actions: string[]) {
  const done = req.body.messages.filter((m) => m.role === 'tool').length;
  const tools = (req.body.tools ?? []).map((t) => t.function.name);
  const name = actions[done % actions.length]!;
  const r = done >= 3 ? say('Done.') : call(toolCall(tools.includes(name) ? name : tools[0]!, {}));
  return { kind: 'delay' as const, ms: LATENCY_MS, then: r };
}

async function batch(what: string, opts: { scenarios: typeof scenarios; trials: number; slots: number; actions: string[]; screenshots?: boolean }) {
  const server = await startFakeOpenAI((req) => reply(req, opts.actions));
  const out = join(tmpdir(), `tripwire-bench-model-${process.pid}`);
  const config = TripwireConfig.parse({
    agents: { m: { provider: 'openai', model: 'bench', baseURL: server.url, apiKey: 'none', maxConcurrency: opts.slots, maxRetries: 0, ...(opts.screenshots ? { screenshots: true } : {}) } },
  });
  const t0 = performance.now();
  const run = await runBatch({ agents: ['m'], trials: opts.trials, scenarios: opts.scenarios, environments, providers, concurrency: opts.slots, out, config });
  const ms = performance.now() - t0;
  await server.close();
  rmSync(out, { recursive: true, force: true });
  const ideal = (server.requests.length * LATENCY_MS) / opts.slots;
  const errors = run.results.filter((r) => r.status === 'error').length;
  return { what, episodes: run.results.length, requests: server.requests.length, errors, ms: Math.round(ms), idealMs: Math.round(ideal), ratio: Math.round((ideal / ms) * 1000) / 1000 };
}

const tools = scenarios.filter((s) => !('phone' in s.scenario.environments));
const phone = scenarios.filter((s) => 'phone' in s.scenario.environments).slice(0, 30);
const toolBatch = await batch('tool batch, 64 in flight', { scenarios: tools, trials: Math.ceil(640 / tools.length), slots: 64, actions: ['list_accounts', 'search_emails', 'search_files'] });
const before = { ...screenshotStats };
const vision = await batch('vision batch, 16 in flight', { scenarios: phone, trials: 1, slots: 16, actions: ['no_op', 'swipe', 'no_op'], screenshots: true });
await closeScreenshots();
const drawn = screenshotStats.draws - before.draws;
const hits = screenshotStats.hits - before.hits;

console.log(`${'model batch'.padEnd(28)}${'episodes'.padStart(9)}${'requests'.padStart(9)}${'ms'.padStart(8)}${'ideal ms'.padStart(10)}${'of ideal'.padStart(10)}  target`);
console.log(`${toolBatch.what.padEnd(28)}${String(toolBatch.episodes).padStart(9)}${String(toolBatch.requests).padStart(9)}${String(toolBatch.ms).padStart(8)}${String(toolBatch.idealMs).padStart(10)}${`${(toolBatch.ratio * 100).toFixed(1)}%`.padStart(10)}  >= 90%`);
console.log(`${vision.what.padEnd(28)}${String(vision.episodes).padStart(9)}${String(vision.requests).padStart(9)}${String(vision.ms).padStart(8)}${String(vision.idealMs).padStart(10)}${`${(vision.ratio * 100).toFixed(1)}%`.padStart(10)}  >= 50% (within 2x)`);
console.log(`screenshots drawn ${drawn}, served from the cache ${hits}`);
console.log(JSON.stringify({ bench: 'model', latencyMs: LATENCY_MS, tool: toolBatch, vision: { ...vision, screenshotsDrawn: drawn, screenshotCacheHits: hits }, met: toolBatch.ratio >= 0.9 && vision.ratio >= 0.5 }));
