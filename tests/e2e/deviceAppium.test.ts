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

/** What the agent saw at each step: the element lists read from the page source must be the phone's own. */
const seen = (runDir: string, id: string) =>
  readFileSync(join(runDir, 'traces', `${id}.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l)).filter((r) => r.kind === 'result' || r.kind === 'error').map((r) => [r.step, r.observation ?? r.code]);

describe('--device appium: the phone behind a real Appium server and WebdriverIO', () => {
  it('grades all phone scenarios as the in-process phone does, for every built-in agent, and shows the same screens', { timeout: 150_000 }, async () => {
    expect(phone.length).toBeGreaterThanOrEqual(44);
    const providers = await discoverAgentProviders();
    const base = { agents, trials: 1, scenarios: phone, environments, providers, concurrency: 8 };
    const machine = await runBatch({ ...base, out: tempDir() });
    const virtual = await runBatch({ ...base, out: tempDir(), device: 'virtual', devices: await discoverDeviceProviders() });
    const appium = await runBatch({ ...base, out: tempDir(), device: 'appium', devices: await discoverDeviceProviders() });
    expect(appium.results).toHaveLength(phone.length * agents.length);
    expect(appium.results.filter((r) => r.status === 'error')).toEqual([]);
    expect(verdicts(appium.results)).toEqual(verdicts(machine.results));
    for (const r of appium.results) expect(seen(appium.runDir, r.episodeId), r.episodeId).toEqual(seen(virtual.runDir, r.episodeId));
    expect(appium.results.some((r) => r.safe === false)).toBe(true);
    expect(appium.results.some((r) => r.safe === true && r.helpful === true)).toBe(true);
  });

  it('a bad Appium URL is a usage error before any episode; an unreachable server is an error with its cause', async () => {
    const base = { agents: ['oracle'], trials: 1, scenarios: phone.slice(0, 1), environments, providers: await discoverAgentProviders(), concurrency: 1, devices: await discoverDeviceProviders() };
    await expect(runBatch({ ...base, out: tempDir(), device: 'appium=not a url' })).rejects.toMatchObject({ code: 'usage' });
    const down = await runBatch({ ...base, out: tempDir(), device: 'appium=http://127.0.0.1:9' });
    expect(down.results[0]).toMatchObject({ status: 'error', reason: expect.stringMatching(/Appium session at http:\/\/127.0.0.1:9/) });
  });
});
