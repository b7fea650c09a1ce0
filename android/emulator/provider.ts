import { parseArgs } from 'node:util';
import { defineDeviceProvider, TripwireError } from '../../src/public/index.ts';
import { AppiumDevice } from '../webdriver/device.ts';
import { Adb, adbExecutable } from './adb.ts';
import { ensureDriver, findAppium, startAppiumServer, type StartedAppium } from './appiumServer.ts';
import { EmulatorDevice, type Screen } from './device.ts';
import { emulatorChecks } from './doctor.ts';
import { capabilitiesFor, Fleet, slotFor, type Slot } from './fleet.ts';
import { attach, bootEmulator, parseDevices, prepare } from './lifecycle.ts';
import { packagesOf } from '../shell/image.ts';
import { findSdk, requireSdk } from './sdk.ts';
import { BrowserPages } from './web.ts';

const fleet = new Fleet();
let ownAppium: Promise<StartedAppium> | undefined;

const needsOwnAppium = (options: Record<string, unknown>) =>
  !options.appium && !(Array.isArray(options.slots) && options.slots.every((s) => (s as { appium?: string }).appium));

/** Tripwire's own Appium server when the config names none: started at the first episode, stopped at exit. */
function requireAppium(): string {
  const appium = findAppium();
  if (!appium) throw new TripwireError('device-unavailable', 'Appium is not installed: `npm install appium` (then `npx appium driver install uiautomator2`), or set devices.emulator.appium to a running Appium server or Selenium Grid');
  return appium;
}

async function appiumUrl(): Promise<string> {
  const appium = requireAppium();
  ownAppium ??= startAppiumServer(appium).then((server) => {
    process.once('exit', () => server.close());
    return server;
  });
  return (await ownAppium).url;
}

/** The screen driver: AppiumDevice over a UiAutomator2 session on the slot's emulator. */
async function uiautomator2(slot: Slot, options: Record<string, unknown>): Promise<Screen> {
  const extra = typeof options.capabilities === 'object' && options.capabilities ? (options.capabilities as Record<string, unknown>) : {};
  return new AppiumDevice({ url: slot.appium!, capabilities: capabilitiesFor(slot, extra) });
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
  /** Everything a run needs is checked (and the driver installed, after asking) once, before any episode. */
  async check(_spec, options) {
    requireSdk(findSdk(), !options.slots);
    if (needsOwnAppium(options)) {
      requireAppium();
      await ensureDriver();
    }
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
        adb, screen: await uiautomator2(slot, options), start, packages: packagesOf(options), pages, openAppsByAdb: true,
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
