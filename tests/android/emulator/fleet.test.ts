import { describe, expect, it } from 'vitest';
import { capabilitiesFor, Fleet, slotFor } from '../../../android/emulator/fleet.ts';

describe('a fleet of emulators for --concurrency', () => {
  it('gives each parallel episode its own console port, serial, systemPort and MJPEG port', () => {
    const fleet = new Fleet();
    const [a, b, c] = [fleet.take(), fleet.take(), fleet.take()];
    const slots = [a, b, c].map((i) => slotFor(i, { appium: 'http://127.0.0.1:4723', mjpegServerPort: 7810 }));
    expect(slots.map((s) => [s.serial, s.port, s.systemPort, s.mjpegServerPort])).toEqual([
      ['emulator-5554', 5554, 8200, 7810], ['emulator-5556', 5556, 8201, 7811], ['emulator-5558', 5558, 8202, 7812],
    ]);
    expect(capabilitiesFor(slots[1]!)).toMatchObject({
      platformName: 'Android', 'appium:automationName': 'UiAutomator2', 'appium:udid': 'emulator-5556', 'appium:systemPort': 8201, 'appium:mjpegServerPort': 7811,
    });
    // A slot given back is lent again before a new one is opened.
    fleet.give(b);
    expect(fleet.take()).toBe(b);
    expect(fleet.take()).toBe(3);
  });

  it('listed slots (a Selenium Grid or remote Appium servers) are used as given, and too few is an error', () => {
    const options = { slots: [{ serial: 'emulator-5554', appium: 'http://grid:4444/wd/hub', adbServer: { host: '10.0.0.5' } }] };
    expect(slotFor(0, options)).toEqual({ index: 0, serial: 'emulator-5554', systemPort: 8200, appium: 'http://grid:4444/wd/hub', adbServer: { host: '10.0.0.5' } });
    expect(() => slotFor(1, options)).toThrow(/lists 1 emulators; lower --concurrency to 1/);
  });
});
