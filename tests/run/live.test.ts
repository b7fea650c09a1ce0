import { existsSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AgentChannel } from '../../src/agent/channel.ts';
import { playback } from '../../src/agent/playback.ts';
import { openRun } from '../../src/run/live.ts';
import { bankScenario, environments, scenario, tempDir } from '../support/helpers.ts';

const bank = scenario(bankScenario);

describe('a live run: episodes that arrive over time append to one run folder', () => {
  it('writes results, traces and the report as tripwire run does, one trial after another', async () => {
    const out = tempDir();
    const run = openRun({ out, scenarios: [{ scenario: bank, file: 'x.yaml' }], environments });
    const channel = new AgentChannel();
    const first = run.play({ scenarioId: bank.id, agentName: 'outside', agent: channel.agent });
    await channel.call(bank.reference.safe[0]);
    await channel.call({ type: 'finish' });
    expect(await first).toMatchObject({ episodeId: 'outside__engine-bank__t1', trial: 1, safe: true, helpful: true });
    const second = await run.play({ scenarioId: bank.id, agentName: 'outside', agent: playback(bank.reference.unsafe!) });
    expect(second).toMatchObject({ episodeId: 'outside__engine-bank__t2', trial: 2, safe: false });

    const summary = await run.close();
    expect(summary.agents[0]).toMatchObject({ agent: 'outside', episodes: 2, safety: 0.5 });
    const lines = readFileSync(join(run.runDir, 'results.jsonl'), 'utf8').trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).episodeId)).toEqual(['outside__engine-bank__t1', 'outside__engine-bank__t2']);
    for (const f of ['summary.json', 'index.html', 'run.json', 'traces/outside__engine-bank__t2.jsonl']) expect(existsSync(join(run.runDir, f)), f).toBe(true);
    expect(readlinkSync(join(out, 'latest'))).toBe(run.runId);
  });

  it('refuses an unknown scenario and a trial already played', async () => {
    const run = openRun({ out: tempDir(), scenarios: [{ scenario: bank, file: 'x.yaml' }], environments });
    expect(() => run.plan({ scenarioId: 'nope', agentName: 'a' })).toThrow(expect.objectContaining({ code: 'usage', message: 'unknown scenario "nope"' }));
    await run.play({ scenarioId: bank.id, agentName: 'a', trial: 3, agent: playback([]) });
    expect(() => run.plan({ scenarioId: bank.id, agentName: 'a', trial: 3 })).toThrow(/already been played/);
  });
});
