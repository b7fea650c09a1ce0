import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { defineDeviceProvider, TripwireError } from '../../src/public/index.ts';
import { Adb, adbExecutable } from './adb.ts';
import { findAppium, startAppiumServer, type StartedAppium } from './appiumServer.ts';
import { EmulatorDevice, type Screen } from './device.ts';
import { emulatorChecks } from './doctor.ts';
import { capabilitiesFor, Fleet, slotFor, type Slot } from './fleet.ts';
import { bootEmulator, parseDevices, prepare, waitForBoot } from './lifecycle.ts';
import { packagesOf } from './packages.ts';
import { FIX, findSdk, requireSdk } from './sdk.ts';
import { BrowserPages } from './web.ts';

const fleet = new Fleet();
let ownAppium: Promise<StartedAppium> | undefined;

/** Tripwire's own Appium server when the config names none: started at the first episode, stopped at exit. */
async function appiumUrl(): Promise<string> {
  const appium = findAppium();
  if (!appium) throw new TripwireError('device-unavailable', 'Appium is not installed: `npm install appium` (then `npx appium driver install uiautomator2`), or set devices.emulator.appium to a running Appium server or Selenium Grid');
  await ensureDriver();
  ownAppium ??= startAppiumServer(appium).then((server) => {
    process.once('exit', () => server.close());
    return server;
  });
  return (await ownAppium).url;
}

/**
 * The screen driver: AppiumDevice (android/appium, the Appium branch) over a UiAutomator2 session.
 * Loaded by path so this folder builds before that one lands; without it the run fails cleanly.
 */
async function uiautomator2(slot: Slot, options: Record<string, unknown>): Promise<Screen> {
  const path = '../appium/device.ts';
  const mod = (await import(path).catch(() => undefined)) as { AppiumDevice?: new (o: { url: string; capabilities: Record<string, unknown> }) => Screen } | undefined;
  if (!mod?.AppiumDevice) throw new TripwireError('device-unavailable', 'the emulator device drives the screen through AppiumDevice (android/appium/device.ts), which this build does not have yet');
  const extra = typeof options.capabilities === 'object' && options.capabilities ? (options.capabilities as Record<string, unknown>) : {};
  return new mod.AppiumDevice({ url: slot.appium!, capabilities: capabilitiesFor(slot, extra) });
}

/** Installing the UiAutomator2 driver after asking: on a terminal a question, otherwise the command. */
async function ensureDriver(): Promise<void> {
  if (emulatorChecks().find((c) => c.what.includes('UiAutomator2'))!.ok) return;
  if (!process.stdin.isTTY) throw new TripwireError('device-unavailable', `the Appium UiAutomator2 driver is not installed: ${FIX.uiautomator2}`);
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await rl.question(`The Appium UiAutomator2 driver is not installed. Install it now (${FIX.uiautomator2})? [y/N] `);
  rl.close();
  if (!/^y(es)?$/i.test(answer.trim())) throw new TripwireError('device-unavailable', `the UiAutomator2 driver is needed: ${FIX.uiautomator2}`);
  const { spawnSync } = await import('node:child_process');
  if (spawnSync('npx', ['appium', 'driver', 'install', 'uiautomator2'], { stdio: 'inherit' }).status !== 0) throw new TripwireError('device-unavailable', `installing the driver failed; run: ${FIX.uiautomator2}`);
}

/** Attaches to the slot's emulator, or boots the AVD on the slot's console port and waits for it. */
async function attach(adbPath: string, emulatorPath: string | undefined, slot: Slot, avd: string | undefined): Promise<Adb> {
  const adb = new Adb(adbExecutable(adbPath, slot.serial, slot.adbServer));
  const devices = parseDevices(await adbExecutable(adbPath, undefined, slot.adbServer)(['devices']));
  if (devices.some((d) => d.serial === slot.serial && d.state === 'device')) return adb;
  if (!avd || slot.port === undefined || !emulatorPath) {
    throw new TripwireError('device-unavailable', `no emulator ${slot.serial} is running (adb devices lists ${devices.map((d) => d.serial).join(', ') || 'none'}); name an AVD to boot: --device emulator=<avd>`);
  }
  // Several emulators of one AVD run read-only; each episode reloads the clean snapshot anyway.
  await bootEmulator(emulatorPath, avd, slot.port, ['-read-only', '-snapshot', 'tripwire-clean']);
  await waitForBoot(adb);
  return adb;
}

/**
 * `--device emulator[=<avd or serial>]`: phone scenarios marked portable on a real Android emulator.
 * adb seeds and reads the state; the screen and actions go through Appium's UiAutomator2 driver.
 */
export default defineDeviceProvider({
  name: 'emulator',
  description: 'a real Android emulator: adb seeding and state, UiAutomator2 screen (emulator=<avd or serial>)',
  environment: 'phone',
  phone: 'emulator',
  check(_spec, options) {
    requireSdk(findSdk(), !options.slots);
  },
  doctor: () => emulatorChecks(),
  commands: {
    async prepare(argv) {
      const { values } = parseArgs({ args: argv, options: { avd: { type: 'string' }, port: { type: 'string' } } });
      if (!values.avd) throw new TripwireError('usage', 'tripwire emulator prepare --avd <name> [--port 5554]');
      const sdk = requireSdk(findSdk(), true);
      const port = Number(values.port ?? 5554);
      const adb = new Adb(adbExecutable(sdk.adb, `emulator-${port}`));
      // An emulator already running on that port (a CI runner boots one) is prepared as it is.
      const running = parseDevices(await adbExecutable(sdk.adb, undefined)(['devices'])).some((d) => d.serial === `emulator-${port}`);
      const boot = running ? async () => {} : () => bootEmulator(sdk.emulator!, values.avd!, port, ['-no-snapshot-load']);
      await prepare(adb, boot, {}, (l) => console.error(l));
      console.log(`${values.avd}: clean snapshot "tripwire-clean" saved; run with --device emulator=${values.avd}`);
      return 0;
    },
  },
  async create(spec, { start, episodeId, options }) {
    const sdk = requireSdk(findSdk(), !options.slots);
    const index = fleet.take();
    try {
      const given = slotFor(index, { ...options, ...(spec?.startsWith('emulator-') ? { slots: [{ serial: spec }] } : {}) });
      const slot = given.appium ? given : { ...given, appium: await appiumUrl() };
      const avd = spec && !spec.startsWith('emulator-') ? spec : (options.avd as string | undefined);
      const adb = await attach(sdk.adb, sdk.emulator, slot, avd);
      let device: EmulatorDevice | undefined;
      const pages = await new BrowserPages(() => device?.now ?? start).listen();
      device = new EmulatorDevice({
        adb, screen: await uiautomator2(slot, options), start, packages: packagesOf(options), pages,
        // Appium forwards the device's MJPEG stream to this port on its own host.
        live: { episodeId, ...(slot.mjpegServerPort ? { stream: `http://${new URL(slot.appium!).hostname}:${slot.mjpegServerPort}` } : {}) },
        onClose: () => { void pages.close(); fleet.give(index); },
      });
      return device;
    } catch (e) {
      fleet.give(index);
      throw e;
    }
  },
});
