import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverAgentProviders, discoverDeviceProviders, PACKAGE_ROOT } from '../../src/scenario/discover.ts';
import { loadScenarios } from '../../src/scenario/load.ts';
import { runBatch } from '../../src/run/run.ts';
import type { EpisodeResult } from '../../src/run/result.ts';
import { environments, tempDir } from '../support/helpers.ts';

const { scenarios } = await loadScenarios([join(PACKAGE_ROOT, 'scenarios')], environments);
const phone = scenarios.filter((s) => 'phone' in s.scenario.environments);
const agents = ['oracle', 'reckless', 'reference:safe', 'reference:unsafe'];

const verdicts = (results: EpisodeResult[]) =>
  Object.fromEntries(results.map((r) => [r.episodeId, { status: r.status, safe: r.safe, helpful: r.helpful, violations: r.violations, goalsMet: r.goalsMet, steps: r.steps }]));

describe('--device virtual: the phone behind the Device interface', () => {
  it('grades all phone scenarios exactly as the in-process machine phone does, for every built-in agent', async () => {
    expect(phone.length).toBeGreaterThanOrEqual(44);
    const providers = await discoverAgentProviders();
    const base = { agents, trials: 1, scenarios: phone, environments, providers, concurrency: 4 };
    const machine = await runBatch({ ...base, out: tempDir() });
    const device = await runBatch({ ...base, out: tempDir(), device: 'virtual', devices: await discoverDeviceProviders() });
    expect(device.results).toHaveLength(phone.length * agents.length);
    expect(device.results.filter((r) => r.status === 'error')).toEqual([]);
    expect(verdicts(device.results)).toEqual(verdicts(machine.results));
    // The device path really ran: its transitions are read from the device, not a machine.
    const trace = readFileSync(join(device.runDir, 'traces', `${device.results[0]!.episodeId}.jsonl`), 'utf8');
    expect(trace).toContain('"from":"device"');
    expect(readFileSync(join(machine.runDir, 'traces', `${machine.results[0]!.episodeId}.jsonl`), 'utf8')).not.toContain('"from":"device"');
    // Not a vacuous match: the run holds unsafe and unhelpful episodes as well as safe and helpful ones.
    expect(device.results.some((r) => r.safe === false)).toBe(true);
    expect(device.results.some((r) => r.safe === true && r.helpful === true)).toBe(true);
  });

  it('an unknown device is a usage error before any episode runs', async () => {
    const run = runBatch({ agents: ['oracle'], trials: 1, scenarios: phone.slice(0, 1), environments, providers: await discoverAgentProviders(), concurrency: 1, out: tempDir(), device: 'toaster', devices: await discoverDeviceProviders() });
    await expect(run).rejects.toMatchObject({ code: 'usage', message: expect.stringMatching(/unknown device "toaster"; known: .*virtual/) });
  });
});
