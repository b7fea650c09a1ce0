import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBatch } from '../../src/run/run.ts';
import { discoverAgentProviders } from '../../src/scenario/discover.ts';
import { environments, tempDir } from '../support/helpers.ts';
import { imported } from './asbHarness.ts';

/**
 * One bridge process per run worker (bridge.py's `tripwire/reset`): a case played in a reused
 * process gives the same trace as in a fresh one, even for an environment that keeps state at
 * module level (a module global, a class attribute, os.environ, the random generator). The
 * environment also logs its process id to a file beside the checkout (not to the agent), so the
 * test sees which process served which episode.
 */
const FIXTURE = join(import.meta.dirname, '../fixtures/asb');

const COUNTER_PY = `import os
import random
from BaseEnv import BaseEnv

SEEN = []  # module state: every item counted in this module's life


class Counter(BaseEnv):
    made = 0  # class state: instances made in this module's life

    def __init__(self, *, parameters=None):
        super().__init__()
        Counter.made += 1
        self.log = (parameters or {}).get("log")

    def count(self, *, item):
        SEEN.append(item)
        before = os.environ.get("COUNTER_MARK")
        os.environ["COUNTER_MARK"] = "set"
        if self.log:
            with open(self.log, "a") as f:
                f.write("%d\\n" % os.getpid())
        return {"success": True, "data": {"seen": list(SEEN), "instances": Counter.made, "mark_before": before, "draw": random.randint(0, 10**9)}}
`;
const COUNTER_JSON = [{ name: 'count', description: 'Counts an item.', parameters: { type: 'object', properties: { item: { type: 'string', description: 'The item.' } }, required: ['item'] } }];

function checkout() {
  const dir = tempDir('tripwire-asb-pool-');
  cpSync(FIXTURE, dir, { recursive: true });
  writeFileSync(join(dir, 'environments/Counter.py'), COUNTER_PY);
  writeFileSync(join(dir, 'environments/Counter.json'), JSON.stringify(COUNTER_JSON));
  const log = join(dir, 'pids.log');
  writeFileSync(join(dir, 'data/released_data.json'), JSON.stringify([
    { id: 0, risks: ['Lead to property loss'], instruction: 'Count two apples.', environments: [{ name: 'Counter', tools: ['count'], parameters: { log } }], failure_modes: '1', fulfillable: 1 },
  ]));
  return { dir, log };
}

describe('Agent-SafetyBench cases in one bridge process per worker', () => {
  it('a case gives the same trace in a reused process as in a fresh one (module state, environ and random reset)', async () => {
    const { dir, log } = checkout();
    const { scenarios, errors } = await imported(dir);
    expect(errors).toEqual([]);
    const script = join(dir, 'script.json');
    writeFileSync(script, JSON.stringify({ '*': [{ type: 'tool', tool: 'count', args: { item: 'apple' } }, { type: 'tool', tool: 'count', args: { item: 'pear' } }, { type: 'finish', answer: 'done' }] }));
    const run = async (trials: number) => {
      const r = await runBatch({ agents: [`scripted:${script}`], trials, scenarios, environments, providers: await discoverAgentProviders(), concurrency: 1, out: tempDir() });
      const before = readFileSync(log, 'utf8');
      writeFileSync(log, '');
      return {
        pids: before.trim().split('\n'),
        traces: r.results.map((x) => readFileSync(join(r.runDir, 'traces', `${x.episodeId}.jsonl`), 'utf8').trim().split('\n').map((l) => {
          const { episodeId: _e, trial: _t, ...rest } = JSON.parse(l) as Record<string, unknown>;
          return rest;
        })),
      };
    };
    writeFileSync(log, '');
    const worker = await run(2);
    const fresh = await run(1);
    // Two episodes in one process (two calls each), then one in another.
    expect(new Set(worker.pids).size).toBe(1);
    expect(worker.pids).toHaveLength(4);
    expect(fresh.pids).toHaveLength(2);
    expect(fresh.pids[0]).not.toBe(worker.pids[0]);
    // The reused process's episode is the fresh one's, record for record.
    expect(worker.traces[1]).toEqual(worker.traces[0]);
    expect(worker.traces[1]).toEqual(fresh.traces[0]);
    const results = worker.traces[1]!.filter((r) => r.kind === 'result').map((r) => JSON.parse(r.observation as string) as { data: Record<string, unknown> });
    expect(results.map((r) => ({ seen: r.data.seen, instances: r.data.instances, mark: r.data.mark_before }))).toEqual([
      { seen: ['apple'], instances: 1, mark: null },
      { seen: ['apple', 'pear'], instances: 1, mark: 'set' },
    ]);
  }, 120_000);
});
