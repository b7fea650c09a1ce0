import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playback } from '../../src/agent/playback.ts';
import { runEpisode } from '../../src/engine/episode.ts';
import { ServerPool } from '../../src/mcp/pool.ts';
import { runBatch } from '../../src/run/run.ts';
import { discoverAgentProviders } from '../../src/scenario/discover.ts';
import { setServerBase } from '../../src/scenario/servers.ts';
import type { ScenarioInput } from '../../src/scenario/scenario.ts';
import { environments, scenario, tempDir } from '../support/helpers.ts';

/**
 * Servers kept per run worker (`reuse: worker`, src/mcp/pool.ts), on a small server that counts
 * what it served (programs/resettableServer.mjs): reused across a worker's episodes and reset for
 * each with its own setup, replaced when it died or its reset failed, stopped with the run.
 */
const SERVER = join(import.meta.dirname, 'programs/resettableServer.mjs');

function poolScenario(id: string, actions: unknown[], server: Record<string, unknown> = {}) {
  const s = scenario({
    id, title: id, risk: 'compromise-availability', fulfillable: true, instruction: 'Test.', environments: {},
    servers: { box: { command: 'node', args: [SERVER], reuse: 'worker', setup: { name: id }, ...server } },
    helpfulness: [{ id: 'ends', description: 'ends', check: { type: 'status', is: ['finished'] } }],
    reference: { safe: actions },
  } as unknown as ScenarioInput);
  setServerBase(s.servers!.box!, tempDir());
  return { scenario: s, file: `${id}.yaml` };
}

const WHOAMI = { type: 'tool', tool: 'whoami', args: {} };
const BUMP = { type: 'tool', tool: 'bump', args: {} };
const FINISH = { type: 'finish', answer: 'done' };

/** Runs the scenarios in order on one worker, each playing its reference; what each `whoami` answered, by scenario. */
async function inOneWorker(loaded: ReturnType<typeof poolScenario>[]) {
  const dir = tempDir('tripwire-pool-run-');
  const run = await runBatch({ agents: ['reference:safe'], trials: 1, scenarios: loaded, environments, providers: await discoverAgentProviders(), concurrency: 1, out: dir });
  const seen = new Map<string, { pid: number; setup: unknown; episodes: number; calls: number; counter: number }[]>();
  for (const r of run.results) {
    const records = readFileSync(join(run.runDir, 'traces', `${r.episodeId}.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { kind: string; tool?: string; observation?: string });
    seen.set(r.scenarioId, records.filter((x) => x.kind === 'result' && x.tool === 'whoami').map((x) => JSON.parse(x.observation!)));
  }
  return { results: run.results, seen };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('MCP servers kept per run worker (reuse: worker)', () => {
  it("one process serves a worker's episodes, reset for each with that episode's setup, and is stopped with the run", async () => {
    const { results, seen } = await inOneWorker(['p-one', 'p-two', 'p-three'].map((id) => poolScenario(id, [BUMP, BUMP, WHOAMI, FINISH])));
    expect(results.map((r) => r.status)).toEqual(['finished', 'finished', 'finished']);
    const [one, two, three] = ['p-one', 'p-two', 'p-three'].map((id) => seen.get(id)![0]!);
    // The same process, each episode its own setup, the counter cleared by each reset (2, never 4 or 6).
    expect(new Set([one!.pid, two!.pid, three!.pid]).size).toBe(1);
    expect([one, two, three].map((w) => ({ setup: w!.setup, episodes: w!.episodes, counter: w!.counter }))).toEqual([
      { setup: { name: 'p-one' }, episodes: 1, counter: 2 },
      { setup: { name: 'p-two' }, episodes: 2, counter: 2 },
      { setup: { name: 'p-three' }, episodes: 3, counter: 2 },
    ]);
    expect(alive(one!.pid)).toBe(false);
  }, 60_000);

  it('a server that died is replaced for the next episode (the episode it died in is an error, the run goes on); so is one whose reset fails', async () => {
    const { results, seen } = await inOneWorker([
      poolScenario('d-dies', [WHOAMI, { type: 'tool', tool: 'die', args: {} }, FINISH]),
      poolScenario('d-after', [WHOAMI, FINISH]),
      poolScenario('d-refuses-reuse', [WHOAMI, FINISH], { setup: { failIfUsed: true } }),
    ]);
    expect(results.map((r) => [r.scenarioId, r.status])).toEqual([['d-dies', 'error'], ['d-after', 'finished'], ['d-refuses-reuse', 'finished']]);
    expect(results[0]!.reason).toMatch(/MCP server/);
    const [dies, after, refuses] = ['d-dies', 'd-after', 'd-refuses-reuse'].map((id) => seen.get(id)![0]!);
    // Each a process of its own, serving its first episode.
    expect(new Set([dies!.pid, after!.pid, refuses!.pid]).size).toBe(3);
    expect([dies!.episodes, after!.episodes, refuses!.episodes]).toEqual([1, 1, 1]);
    expect(refuses!.setup).toEqual({ failIfUsed: true });
  }, 60_000);

  it('the pool: scenarios of the same command, arguments and variables share a process; others, servers not marked reusable and servers whose episode failed a request do not', async () => {
    const pool = new ServerPool();
    const play = async (loaded: ReturnType<typeof poolScenario>, actions: unknown[]) => {
      const pids: number[] = [];
      const result = await runEpisode({
        episodeId: `t__${loaded.scenario.id}__t1`, scenario: loaded.scenario, environments: [], agentName: 't', agent: playback(actions), trial: 1,
        externals: pool.factories(loaded.scenario),
        listener: (r) => { if (r.kind === 'result' && r.tool === 'whoami') pids.push((JSON.parse(r.observation as string) as { pid: number }).pid); },
      });
      return { result, pid: pids[0]! };
    };
    try {
      const a = await play(poolScenario('k-a', []), [WHOAMI, FINISH]);
      const b = await play(poolScenario('k-b', [], { setup: { other: 'setup, same process' } }), [WHOAMI, FINISH]);
      expect(b.pid).toBe(a.pid);
      const c = await play(poolScenario('k-c', [], { env: { OTHER: '1' } }), [WHOAMI, FINISH]);
      expect(c.pid).not.toBe(a.pid);
      expect(pool.idle).toBe(2);
      const fresh = [await play(poolScenario('k-d', [], { reuse: undefined }), [WHOAMI, FINISH]), await play(poolScenario('k-e', [], { reuse: undefined }), [WHOAMI, FINISH])];
      expect(new Set([a.pid, c.pid, ...fresh.map((f) => f.pid)]).size).toBe(4);
      expect(fresh.every((f) => !alive(f.pid))).toBe(true);
      expect(pool.idle).toBe(2);
      // A call that fails at the transport (here: it outlasts the call limit), on k-a's process: that process is stopped, not given back.
      const slow = poolScenario('k-f', [], { limits: { callMs: 300 } }).scenario;
      const hung = await runEpisode({ episodeId: 't__k-f__t1', scenario: slow, environments: [], agentName: 't', agent: playback([{ type: 'tool', tool: 'hang', args: {} }, FINISH]), trial: 1, externals: pool.factories(slow) });
      expect(hung.status).toBe('error');
      expect(pool.idle).toBe(1);
      await new Promise((r) => setTimeout(r, 200));
      expect(alive(a.pid)).toBe(false);
      expect(pool.stats).toMatchObject({ reused: 2, replaced: 0 });
    } finally {
      await pool.close();
    }
    expect(pool.idle).toBe(0);
  }, 60_000);
});

describe('a scenario that declares reuse', () => {
  it('names what is wrong: reuse of a server Tripwire does not start over stdio, setup without a command', () => {
    const issues = (server: Record<string, unknown>) => {
      try {
        poolScenario('bad', [], server);
        return [];
      } catch (e) {
        return [(e as Error).message];
      }
    };
    expect(issues({ command: undefined, url: 'http://127.0.0.1:1/mcp' }).join()).toMatch(/`reuse` needs a stdio server/);
    expect(issues({ url: 'http://127.0.0.1:{port}/mcp' }).join()).toMatch(/`reuse` needs a stdio server/);
    expect(issues({ command: undefined, reuse: undefined, url: 'http://127.0.0.1:1/mcp' }).join()).toMatch(/`setup` needs a `command`/);
  });
});
