import { TripwireError, type CallOptions } from '../../src/public/index.ts';
import type { AdbTransport } from './adb.ts';
import { CLEAN_SNAPSHOT } from '../shell/image.ts';

/** What the transport needs of an Appium session: UiAutomator2's `mobile:` commands, and a fresh session. */
export interface AppiumSession {
  execute(script: string, args: Record<string, unknown>, options?: CallOptions): Promise<unknown>;
  reconnect(): Promise<void>;
}

/**
 * adb through an Appium session, for an emulator that only a remote Appium server or Selenium Grid
 * reaches: `adb shell <line>` is UiAutomator2's `mobile: shell` (the `adb_shell` insecure feature;
 * the server runs `adb shell` with the line, which the device's shell splits as adb's would), and
 * `adb emu <words>` is `mobile: execEmuConsoleCommand` (`emulator_console`), whose output lacks the
 * console's closing `OK`, put back here so both transports answer alike. Reloading the snapshot
 * takes the UiAutomator2 server down with the rest of the device, so the session is renewed after it.
 */
export function appiumAdb(session: AppiumSession): AdbTransport {
  return async (args, options) => {
    const [verb, ...rest] = args;
    if (verb === 'shell') return String(await session.execute('mobile: shell', { command: rest.join(' '), timeout: 120_000 }, options));
    if (verb === 'emu') {
      const command = rest.join(' ');
      let out: string;
      try {
        out = String(await session.execute('mobile: execEmuConsoleCommand', { command }, options));
      } catch (e) {
        // The console said KO (adb emu prints it): the caller reads it as the emulator's refusal.
        return `KO: ${(e as Error).message}\n`;
      }
      if (command === `avd snapshot load ${CLEAN_SNAPSHOT}`) await session.reconnect();
      return `${out ? `${out}\n` : ''}OK\n`;
    }
    // The session is open on a running device, which is what `adb wait-for-device` waits for.
    if (verb === 'wait-for-device') return '';
    throw new TripwireError('device-transport', `adb ${verb} has no equivalent through an Appium session`);
  };
}
