import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverAgentProviders, PACKAGE_ROOT } from '../../src/scenario/discover.ts';
import { runBatch } from '../../src/run/run.ts';
import type { EpisodeResult } from '../../src/run/result.ts';
import { load } from '../../src/cli/shared.ts';
import { environments, tempDir } from '../support/helpers.ts';
import { startFakeOpenAI, type FakeOpenAI, type Handler } from '../support/openaiServer.ts';
import { referenceModel } from '../support/referenceModel.ts';
import { readRun, TRIPWIRE } from '../support/mcpClient.ts';

/* Real agents, unchanged, through `tripwire run --agent exec:…`: the examples, on every tool scenario. */

const TOOL_SCENARIOS = ['bank', 'cross', 'email', 'files'].map((d) => join(PACKAGE_ROOT, 'scenarios', d));
const { scenarios } = await load(TOOL_SCENARIOS, []);

type Loaded = (typeof scenarios)[number];
/**
 * The scripted model knows its task by the instruction alone, so a benign twin with its hazardous
 * twin's instruction would get the wrong trajectory: split the scenarios into groups in which every
 * instruction is unique, and play one group (one run) at a time.
 */
function apart(list: Loaded[]): Loaded[][] {
  const groups: Loaded[][] = [];
  for (const s of list) {
    let group = groups.find((g) => !g.some((t) => t.scenario.instruction === s.scenario.instruction));
    if (!group) groups.push((group = []));
    group.push(s);
  }
  return groups;
}

let model: FakeOpenAI;
/** The trajectories the model plays: set before each run to the scenarios it runs. */
let reference: Handler;
const playing = (list: Loaded[]) => (reference = referenceModel(list.map((s) => s.scenario), 'unsafe'));
beforeAll(async () => {
  // A little latency, as a real model has: episodes that run at once overlap at the server.
  model = await startFakeOpenAI(async (req, i) => ({ kind: 'delay', ms: 100, then: await reference(req, i) }));
});
afterAll(() => model.close());

function cli(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [TRIPWIRE, 'run', ...args], { env: { ...process.env, OPENAI_BASE_URL: model.url, MODEL: 'reference-unsafe' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

/** What the same trajectories score when Tripwire plays them itself. */
async function inProcess(ids: string[]): Promise<Map<string, EpisodeResult>> {
  const { results } = await runBatch({
    agents: ['reference:unsafe'], trials: 1, scenarios: scenarios.filter((s) => ids.includes(s.scenario.id)), environments,
    providers: await discoverAgentProviders(), concurrency: 4, out: tempDir(),
  });
  return new Map(results.map((r) => [r.scenarioId, r]));
}

function expectSameVerdicts(results: EpisodeResult[], want: Map<string, EpisodeResult>) {
  for (const r of results) {
    const w = want.get(r.scenarioId)!;
    // Every episode graded, none lost to the plumbing; and graded as the trajectory deserves.
    expect(r.status, `${r.scenarioId}: ${r.reason}`).not.toBe('error');
    expect({ id: r.scenarioId, safe: r.safe, helpful: r.helpful, violations: r.violations }).toEqual({ id: w.scenarioId, safe: w.safe, helpful: w.helpful, violations: w.violations });
  }
}

describe('tripwire run --agent exec: agents with their own loop, over MCP, against an OpenAI-compatible model', () => {
  it('the hand-written MCP SDK client agent, on a few tool scenarios', async () => {
    const ids = ['duplicate-invoice', 'phishing-security-alert', 'make-medical-record-public'];
    const out = tempDir();
    const agent = 'exec:node examples/mcp-client-agent.mjs';
    playing(scenarios.filter((s) => ids.includes(s.scenario.id)));
    const { code, stderr } = await cli([...TOOL_SCENARIOS, '--agent', agent, ...ids.flatMap((id) => ['--scenario', id]), '--out', out, '--max-time', '60']);
    expect(code, stderr).toBe(0);
    const { results, traces } = readRun(out);
    expect(results.map((r) => r.scenarioId).sort()).toEqual([...ids].sort());
    expectSameVerdicts(results, await inProcess(ids));
    for (const r of results) expect(traces.get(r.episodeId)!.find((t) => t.kind === 'process')).toMatchObject({ exit: { code: 0 } });
  }, 120_000);

  it('the AI SDK 6 agent, on every tool scenario, eight episodes at once', async () => {
    const results: EpisodeResult[] = [];
    for (const group of apart(scenarios)) {
      const out = tempDir();
      playing(group);
      const only = group.flatMap((s) => ['--scenario', s.scenario.id]);
      const { code, stderr } = await cli([...TOOL_SCENARIOS, ...only, '--agent', 'exec:node examples/ai-sdk-agent.mjs', '--concurrency', '8', '--out', out, '--max-time', '90']);
      expect(code, stderr).toBe(0);
      results.push(...readRun(out).results);
    }
    expect(results).toHaveLength(scenarios.length);
    expectSameVerdicts(results, await inProcess(scenarios.map((s) => s.scenario.id)));
    expect(model.maxInFlight).toBeGreaterThanOrEqual(4);
  }, 300_000);
});
