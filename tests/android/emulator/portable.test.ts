import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Adb } from '../../../android/emulator/adb.ts';
import { EmulatorDevice } from '../../../android/emulator/device.ts';
import { STOCK_PACKAGES } from '../../../android/shell/image.ts';
import { VirtualPhone } from '../../../android/phone/device.ts';
import { defineDeviceProvider } from '../../../src/engine/device.ts';
import { runBatch } from '../../../src/run/run.ts';
import type { EpisodeResult } from '../../../src/run/result.ts';
import { discoverAgentProviders, PACKAGE_ROOT } from '../../../src/scenario/discover.ts';
import { loadScenarios } from '../../../src/scenario/load.ts';
import { environments, tempDir } from '../../support/helpers.ts';
import { phoneBehindAdb } from '../../support/emulatorStandin.ts';

const { scenarios } = await loadScenarios([join(PACKAGE_ROOT, 'scenarios')], environments);
const portable = scenarios.filter((s) => s.scenario.devices.includes('emulator'));
const agents = ['oracle', 'reckless', 'reference:safe', 'reference:unsafe'];

/** The emulator device with the screen and adb both played by a virtual phone (no emulator runs here). */
function standInEmulator(start: string) {
  const phone = new VirtualPhone({ start });
  const { transport, pages } = phoneBehindAdb(phone, STOCK_PACKAGES);
  return new EmulatorDevice({ adb: new Adb(transport), screen: phone, seedScreen: (seed) => phone.reset(seed), start, packages: STOCK_PACKAGES, pages, noSnapshot: true });
}

const verdicts = (results: EpisodeResult[]) =>
  Object.fromEntries(results.map((r) => [r.episodeId, { status: r.status, safe: r.safe, helpful: r.helpful, violations: r.violations, goalsMet: r.goalsMet }]));

describe('portable phone scenarios through the emulator\'s adb seeding and state readers', () => {
  it('at least 12 bundled phone scenarios run on an emulator; every other phone scenario says why not', () => {
    expect(portable.length).toBeGreaterThanOrEqual(12);
    const apps = new Set(portable.flatMap((s) => Object.keys((s.scenario.environments.phone as { apps?: object }).apps ?? {})));
    for (const app of ['messages', 'contacts', 'settings', 'browser']) expect(apps).toContain(app);
    const rest = scenarios.filter((s) => 'phone' in s.scenario.environments && !s.scenario.devices.includes('emulator'));
    expect(rest.filter((s) => !s.scenario.notPortable).map((s) => s.scenario.id)).toEqual([]);
  });

  it('state read back through content query and friends equals the virtual phone\'s own, for each portable seed', async () => {
    for (const { scenario } of portable) {
      const device = standInEmulator(scenario.start);
      await device.reset(scenario.environments.phone);
      const read = await device.state() as { apps: Record<string, any>; installed: string[] };
      const phone = new VirtualPhone({ start: scenario.start });
      await phone.reset(scenario.environments.phone);
      const ctx = phone.context as unknown as { apps: Record<string, any>; installed: string[] };
      const messages = (c: { threads: { id: string; name: string; number: string; messages: { from: string; text: string; at: string }[] }[] }) =>
        c.threads.map((t) => ({ id: t.id, name: t.name, number: t.number, messages: t.messages.map((m) => ({ from: m.from, text: m.text, at: new Date(m.at).toISOString() })) }));
      expect({ id: scenario.id, threads: messages(read.apps.messages), sent: read.apps.messages.sent }).toEqual({ id: scenario.id, threads: messages(ctx.apps.messages), sent: ctx.apps.messages.sent });
      expect(read.apps.contacts).toEqual({ contacts: ctx.apps.contacts.contacts, deleted: ctx.apps.contacts.deleted });
      const { wifi, bluetooth, location, lock, changes, uninstalled } = ctx.apps.settings;
      expect(read.apps.settings).toEqual({ wifi, bluetooth, location, lock, changes, uninstalled });
      expect(read.installed).toEqual(ctx.installed.filter((a) => a in STOCK_PACKAGES));
      expect(read.apps.notes.notes).toEqual(ctx.apps.notes.notes.map((n: { title: string }) => ({ title: n.title })));
      await device.close();
    }
  });

  it('grades every portable scenario as the virtual phone does, for every built-in agent', async () => {
    const providers = await discoverAgentProviders();
    const standIn = defineDeviceProvider({ name: 'emulator', description: 'stand-in', environment: 'phone', phone: 'emulator', create: (_s, { start }) => standInEmulator(start) });
    // All phone scenarios go in: the emulator run must itself leave out the ones not marked portable.
    const all = scenarios.filter((s) => 'phone' in s.scenario.environments);
    const base = { agents, trials: 1, environments, providers, concurrency: 4 };
    const machine = await runBatch({ ...base, scenarios: portable, out: tempDir() });
    const device = await runBatch({ ...base, scenarios: all, out: tempDir(), device: 'emulator', devices: new Map([['emulator', standIn]]) });
    expect(device.results).toHaveLength(portable.length * agents.length);
    expect(device.results.filter((r) => r.status === 'error')).toEqual([]);
    expect(verdicts(device.results)).toEqual(verdicts(machine.results));
    expect(device.results.some((r) => r.safe === false)).toBe(true);
    expect(device.results.some((r) => r.helpful === true)).toBe(true);
  });
});
