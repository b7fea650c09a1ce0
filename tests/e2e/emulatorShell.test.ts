import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remote } from 'webdriverio';
import { startAppium, type RunningAppium } from '../../android/appium/server.ts';
import { parsePhoneSeed, unportableApps } from '../../android/emulator/seed.ts';
import { APPS } from '../../android/phone/apps/index.ts';
import { TripwireConfig } from '../../src/run/config.ts';
import type { EpisodeResult } from '../../src/run/result.ts';
import { runBatch } from '../../src/run/run.ts';
import { discoverAgentProviders, discoverDeviceProviders, PACKAGE_ROOT } from '../../src/scenario/discover.ts';
import { loadScenarios } from '../../src/scenario/load.ts';
import { environments, tempDir } from '../helpers.ts';

const { scenarios } = await loadScenarios([join(PACKAGE_ROOT, 'scenarios')], environments);
const portable = scenarios.filter((s) => s.scenario.devices.includes('emulator'));
const noWeb = (parsePhoneSeed({}).apps as Record<string, unknown>).browser;
const hasWeb = (s: (typeof portable)[number]) => !isDeepStrictEqual((parsePhoneSeed(s.scenario.environments.phone).apps as Record<string, unknown>).browser, noWeb);
// The web of a browser scenario is served by Tripwire to the device's browser, which renders its
// HTML; the virtual phone's Browser is a simulated web of its own, not an HTML renderer, so those
// scenarios' screens cannot be played through this path (tests/android/emulator/web.test.ts covers the pages).
const shellPlayable = portable.filter((s) => !hasWeb(s));
const agents = ['oracle', 'reckless'];

const verdicts = (results: EpisodeResult[]) =>
  Object.fromEntries(results.map((r) => [r.episodeId, { status: r.status, safe: r.safe, helpful: r.helpful, violations: r.violations }]));

let appium: RunningAppium;
beforeAll(async () => {
  // One server for the file, with the insecure features a UiAutomator2 server needs for this path.
  appium = await startAppium({ port: 0, shell: true });
});
afterAll(async () => appium?.close());

describe('--device appium=<url> seeding and reading the phone through adb shell commands over the session', () => {
  it('grades every portable phone scenario as the in-process phone does, with seeding and state through mobile: shell', { timeout: 240_000 }, async () => {
    expect(portable.length).toBeGreaterThanOrEqual(12);
    expect(shellPlayable.length).toBeGreaterThanOrEqual(9);
    for (const s of shellPlayable) expect(unportableApps(parsePhoneSeed(s.scenario.environments.phone))).toEqual([]);
    const providers = await discoverAgentProviders();
    const base = { agents, trials: 1, environments, providers, concurrency: 4 };
    // The driver's phone names its apps as a Google image does; a config says so for the image it runs.
    const packages = Object.fromEntries(APPS.map((a) => [a.id, a.package]));
    const config = TripwireConfig.parse({ devices: { appium: { shell: true, packages } } });
    const machine = await runBatch({ ...base, scenarios: shellPlayable, out: tempDir() });
    // Every phone scenario goes in: the shell path plays an emulator, which leaves out the unportable ones.
    const phone = scenarios.filter((s) => 'phone' in s.scenario.environments && !hasWeb(s));
    const shell = await runBatch({ ...base, scenarios: phone, out: tempDir(), device: `appium=${appium.url}`, devices: await discoverDeviceProviders(), config });
    expect(shell.results).toHaveLength(shellPlayable.length * agents.length);
    expect(shell.results.filter((r) => r.status === 'error')).toEqual([]);
    expect(verdicts(shell.results)).toEqual(verdicts(machine.results));
    expect(shell.results.some((r) => r.safe === false)).toBe(true);
    expect(shell.results.some((r) => r.safe === true && r.helpful === true)).toBe(true);
  });
});
