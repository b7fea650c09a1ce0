import { TripwireError } from '../../src/public/index.ts';
import { AppiumDevice } from '../webdriver/device.ts';
import { Adb } from './adb.ts';
import { appiumAdb } from './appiumAdb.ts';
import { EmulatorDevice } from './device.ts';
import { HOST_FROM_EMULATOR, packagesOf } from '../shell/image.ts';
import { BrowserPages } from './web.ts';

export interface RemoteEmulatorOptions {
  /** The Appium server or Selenium Grid that holds the emulator. */
  url: string;
  capabilities?: Record<string, unknown>;
  start: string;
  /** The config's `devices.appium`: `packages` (the image's apps), `webHost` (how the device reaches this machine). */
  options: Record<string, unknown>;
}

/**
 * An emulator that only an Appium server reaches (a remote server, a Selenium Grid node): the same
 * EmulatorDevice as `--device emulator`, with every adb command sent over the session (UiAutomator2's
 * `mobile: shell` and `mobile: execEmuConsoleCommand`) instead of a local adb. Each reset reloads the
 * clean snapshot, then seeds; state is read after every action, as on a local emulator.
 */
export async function remoteEmulator(o: RemoteEmulatorOptions): Promise<EmulatorDevice> {
  const webHost = o.options.webHost ?? HOST_FROM_EMULATOR;
  if (typeof webHost !== 'string') throw new TripwireError('config', 'devices.appium.webHost must be a host name or address');
  const screen = new AppiumDevice({ url: o.url, start: o.start, plain: true, ...(o.capabilities ? { capabilities: o.capabilities } : {}) });
  let device: EmulatorDevice | undefined;
  const pages = await new BrowserPages(() => device?.now ?? o.start, webHost).listen();
  device = new EmulatorDevice({
    adb: new Adb(appiumAdb(screen)), screen, start: o.start, packages: packagesOf(o.options), pages, openAppsByAdb: true,
    onClose: () => void pages.close(),
  });
  return device;
}
