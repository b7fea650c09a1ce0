import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remote } from 'webdriverio';
import { startAppium, type RunningAppium } from '../../android/appium/server.ts';
import { remoteEmulator } from '../../android/emulator/remote.ts';
import { VirtualPhone } from '../../android/phone/device.ts';
import { parsePhoneSeed, unportableApps } from '../../android/emulator/seed.ts';
import { APPS } from '../../android/phone/apps/index.ts';
import { TripwireConfig } from '../../src/run/config.ts';
import type { EpisodeResult } from '../../src/run/result.ts';
import { runBatch } from '../../src/run/run.ts';
import { discoverAgentProviders, discoverDeviceProviders, PACKAGE_ROOT } from '../../src/scenario/discover.ts';
import { loadScenarios } from '../../src/scenario/load.ts';
import { environments, tempDir } from '../support/helpers.ts';

const { scenarios } = await loadScenarios([join(PACKAGE_ROOT, 'scenarios')], environments);
const portable = scenarios.filter((s) => s.scenario.devices.includes('emulator'));
const noWeb = (parsePhoneSeed({}).apps as Record<string, unknown>).browser;
const hasWeb = (s: (typeof portable)[number]) => !isDeepStrictEqual((parsePhoneSeed(s.scenario.environments.phone).apps as Record<string, unknown>).browser, noWeb);
const agents = ['oracle', 'reckless'];

const verdicts = (results: EpisodeResult[]) =>
  Object.fromEntries(results.map((r) => [r.episodeId, { status: r.status, safe: r.safe, helpful: r.helpful, violations: r.violations }]));

let appium: RunningAppium;
beforeAll(async () => {
  // One server for the file, with the insecure features a UiAutomator2 server needs for this path.
  appium = await startAppium({ port: 0, shell: true });
});
afterAll(async () => appium?.close());

// The driver's phone names its apps as a Google image does; a config says so for the image it runs.
const packages = Object.fromEntries(APPS.map((a) => [a.id, a.package]));

type Thread = { id: string; name: string; number: string; messages: { from: string; text: string; at: string }[] };
const threads = (c: { threads: Thread[] }) => c.threads.map((t) => ({ ...t, messages: t.messages.map((m) => ({ from: m.from, text: m.text, at: new Date(m.at).toISOString() })) }));

describe('--device appium=<url> seeding and reading the phone through adb shell commands over the session', () => {
  it('state written with content insert and friends and read back with content query equals the virtual phone\'s own, for every portable seed', { timeout: 120_000 }, async () => {
    for (const { scenario } of portable) {
      const device = await remoteEmulator({ url: appium.url, start: scenario.start, options: { packages } });
      await device.reset(scenario.environments.phone);
      const read = (await device.state()) as { apps: Record<string, any>; installed: string[] };
      const phone = new VirtualPhone({ start: scenario.start });
      await phone.reset(scenario.environments.phone);
      const ctx = phone.context as unknown as { apps: Record<string, any>; installed: string[] };
      expect({ id: scenario.id, threads: threads(read.apps.messages), sent: read.apps.messages.sent }).toEqual({ id: scenario.id, threads: threads(ctx.apps.messages), sent: ctx.apps.messages.sent });
      expect(read.apps.contacts).toEqual({ contacts: ctx.apps.contacts.contacts, deleted: ctx.apps.contacts.deleted });
      const { wifi, bluetooth, location, lock, changes, uninstalled } = ctx.apps.settings;
      expect(read.apps.settings).toEqual({ wifi, bluetooth, location, lock, changes, uninstalled });
      expect(read.installed).toEqual(ctx.installed);
      expect(read.apps.notes.notes).toEqual(ctx.apps.notes.notes.map((n: { title: string }) => ({ title: n.title })));
      const { intent: _intent, ...browser } = ctx.apps.browser;
      expect(read.apps.browser).toEqual(browser);
      await device.close();
    }
  });

  it('answers shell commands in Android\'s formats and failures as UiAutomator2 does', async () => {
    const d = await remote({ hostname: '127.0.0.1', port: appium.port, path: '/', logLevel: 'silent', capabilities: { platformName: 'Android', 'appium:automationName': 'Tripwire' } as WebdriverIO.Capabilities });
    const shell = (command: string, args: string[] = []) => d.executeScript('mobile: shell', [{ command, args }]);
    await shell('content', ['insert', '--uri', 'content://sms/inbox', '--bind', 'address:s:+15550100', '--bind', 'date:l:1767600000000', '--bind', "body:s:'Hi, it'\\''s me'"]);
    expect(await shell('content', ['query', '--uri', 'content://sms', '--projection', '_id:address:body'])).toBe("Row: 0 _id=1, address=+15550100, body=Hi, it's me\n");
    expect(await shell('content query --uri content://sms --where "_id=7"')).toBe('No result found.\n');
    expect(await shell('pm', ['list', 'packages'])).toContain('package:com.android.settings\n');
    await expect(shell('locksettings', ['set-pin', '1234']).then(() => shell('locksettings', ['verify', '--old', '0000']))).rejects.toThrow(/didn't match/);
    await expect(shell('rm', ['-rf', '/'])).rejects.toThrow(/Cannot execute the 'rm' shell command.*not found/);
    expect(await d.executeScript('mobile: execEmuConsoleCommand', [{ command: 'avd snapshot load tripwire-clean' }])).toBe('');
    expect(await shell('content', ['query', '--uri', 'content://sms'])).toBe('No result found.\n');
    expect(await d.executeScript('mobile: execEmuConsoleCommand', [{ command: 'sms send 5550123 Your code is 482913' }])).toBe('');
    expect(await shell('content', ['query', '--uri', 'content://sms/inbox', '--projection', 'address:type:body'])).toBe('Row: 0 address=5550123, type=1, body=Your code is 482913\n');
    await expect(d.executeScript('mobile: execEmuConsoleCommand', [{ command: 'avd snapshot load other' }])).rejects.toThrow(/KO/);
    await d.deleteSession();
  });

  // A Browser scenario's web is served by Tripwire on this machine; the driver's Browser loads it over
  // HTTP from the URL `am start -d` names, as the emulator's Chrome does, so the web's record is the server's.
  it('grades every portable phone scenario as the in-process phone does, with seeding and state through mobile: shell', { timeout: 300_000 }, async () => {
    expect(portable.length).toBeGreaterThanOrEqual(15);
    expect(portable.filter(hasWeb).length).toBeGreaterThanOrEqual(6);
    for (const s of portable) expect(unportableApps(parsePhoneSeed(s.scenario.environments.phone))).toEqual([]);
    const providers = await discoverAgentProviders();
    const base = { agents, trials: 1, environments, providers, concurrency: 4 };
    const config = TripwireConfig.parse({ devices: { appium: { shell: true, packages } } });
    const machine = await runBatch({ ...base, scenarios: portable, out: tempDir() });
    // Every phone scenario goes in: the shell path plays an emulator, which leaves out the unportable ones.
    const phone = scenarios.filter((s) => 'phone' in s.scenario.environments);
    const shell = await runBatch({ ...base, scenarios: phone, out: tempDir(), device: `appium=${appium.url}`, devices: await discoverDeviceProviders(), config });
    expect(shell.results).toHaveLength(portable.length * agents.length);
    expect(shell.results.filter((r) => r.status === 'error')).toEqual([]);
    expect(verdicts(shell.results)).toEqual(verdicts(machine.results));

    expect(shell.results.some((r) => r.safe === false)).toBe(true);
    expect(shell.results.some((r) => r.safe === true && r.helpful === true)).toBe(true);
  });
});
