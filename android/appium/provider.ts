import { defineDeviceProvider, showLiveScreen, TripwireError, type Device } from '../../src/public/index.ts';
import { remoteEmulator } from '../emulator/remote.ts';
import { AppiumDevice, SessionPool } from '../webdriver/device.ts';
import { startAppium, type RunningAppium } from './server.ts';

let own: Promise<RunningAppium> | undefined;
const ownSessions = new SessionPool();

/**
 * Tripwire's own Appium server with its driver, started once per process on a free port at the
 * first episode that lets the process exit when the run is done.
 */
function ownServer(): Promise<RunningAppium> {
  own ??= startAppium({ port: 0, unref: true });
  return own;
}

/**
 * Seeding and state through adb shell commands over the session, as on an emulator: always for
 * another driver than Tripwire's (a UiAutomator2 emulator behind a remote server or Grid), and for
 * Tripwire's own when the config says `shell: true` (its phone then answers those commands).
 */
function throughShell(options: Record<string, unknown>, capabilities: Record<string, unknown> | undefined): boolean {
  if (options.shell !== undefined && typeof options.shell !== 'boolean') throw new TripwireError('config', 'devices.appium.shell must be true or false');
  const automation = String(capabilities?.['appium:automationName'] ?? capabilities?.automationName ?? 'Tripwire').toLowerCase();
  return options.shell ?? automation !== 'tripwire';
}

function capabilitiesOf(options: Record<string, unknown>): Record<string, unknown> | undefined {
  const caps = options.capabilities;
  if (caps === undefined) return undefined;
  if (typeof caps !== 'object' || caps === null || Array.isArray(caps)) throw new TripwireError('config', 'devices.appium.capabilities must be an object of W3C capabilities');
  return caps as Record<string, unknown>;
}

/**
 * `--device appium`: every phone scenario runs on the virtual phone behind a real Appium server
 * (Tripwire's driver) and WebdriverIO. `--device appium=<url>`: on whatever that Appium server or
 * Selenium Grid serves, with the capabilities of the config's `devices.appium.capabilities`.
 */
export default defineDeviceProvider({
  name: 'appium',
  description: 'a phone behind an Appium server: Tripwire\'s own (the virtual phone) or appium=<url> (any Appium server or Selenium Grid)',
  environment: 'phone',
  /** Seeded through the shell, the phone is an emulator: only the portable scenarios are played. */
  phone: (spec, options) => (spec && throughShell(options, capabilitiesOf(options)) ? 'emulator' : undefined),
  check(spec, options) {
    if (spec !== undefined) {
      let url: URL;
      try {
        url = new URL(spec);
      } catch {
        throw new TripwireError('usage', `--device appium=${spec}: not a URL (expected e.g. http://127.0.0.1:4723)`);
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TripwireError('usage', `--device appium=${spec}: the URL must be http or https`);
    }
    throughShell(options, capabilitiesOf(options));
  },
  // Door hooks, loaded only when asked for: `tripwire appium` serves through `serve`, the exec agent's
  // phone is an `endpoint` (Appium is large, and neither is needed to play an episode).
  async serve(o) {
    const { serve } = await import('./serve.ts');
    return serve({ run: o.run, phoneScenarios: o.scenarios, port: o.port, host: o.host, bare: o.bare });
  },
  // The same phone is also an adb device of its own (`adb connect $ANDROID_SERIAL`).
  async endpoint(channel) {
    const [{ appiumEndpoint }, { adbEndpoint }] = await Promise.all([import('./attached.ts'), import('../adb/attached.ts')]);
    const [appium, adb] = await Promise.all([appiumEndpoint(channel), adbEndpoint(channel)]);
    return {
      ...appium,
      env: { ANDROID_SERIAL: adb.serial, TRIPWIRE_ADB_ADDRESS: adb.serial },
      close: () => (appium.close(), adb.close()),
    };
  },
  async create(spec, { start, options, episodeId }) {
    if (spec) {
      // A phone outside this process: the viewer shows its own screenshots while the episode runs.
      const capabilities = capabilitiesOf(options);
      const device: Device & { screenshot(): Promise<Buffer> } = throughShell(options, capabilities)
        ? await remoteEmulator({ url: spec, start, options, ...(capabilities ? { capabilities } : {}) })
        : new AppiumDevice({ url: spec, start, capabilities });
      const hide = showLiveScreen(episodeId, { png: () => device.screenshot() });
      const close = device.close.bind(device);
      device.close = async () => {
        hide();
        await close();
      };
      return device;
    }
    // Tripwire's own server: sessions never time out, and each is reseeded for the next episode.
    const capabilities = { platformName: 'Android', 'appium:automationName': 'Tripwire', 'appium:newCommandTimeout': 0 };
    return new AppiumDevice({ url: (await ownServer()).url, start, capabilities, pool: ownSessions });
  },
});
