import { TripwireError } from '../../src/public/index.ts';
/**
 * A fleet of emulators for `--concurrency N`: slot i listens on console port 5554 + 2i (adb serial
 * emulator-<port>), and its UiAutomator2 session gets its own `appium:systemPort` and, when the
 * config asks for a live stream, `appium:mjpegServerPort`, so parallel sessions never share a port.
 * Or the config lists its slots (`devices.emulator.slots`: serial, adb server, Appium or Grid URL).
 */
export interface Slot {
  index: number;
  serial: string;
  /** The console port (the emulator's -port), when Tripwire may boot it. */
  port?: number;
  systemPort: number;
  mjpegServerPort?: number;
  /** The Appium server or Selenium Grid for this slot's session. */
  appium?: string;
  adbServer?: { host?: string; port?: number };
}

export function slotFor(index: number, options: Record<string, unknown>): Slot {
  const listed = Array.isArray(options.slots) ? (options.slots as Partial<Slot>[]) : undefined;
  const own = listed?.[index];
  if (listed && !own) throw new TripwireError('config', `devices.emulator.slots lists ${listed.length} emulators; lower --concurrency to ${listed.length}`);
  const port = 5554 + 2 * index;
  const mjpeg = typeof options.mjpegServerPort === 'number' ? options.mjpegServerPort + index : undefined;
  return {
    index,
    serial: own?.serial ?? `emulator-${port}`,
    ...(own ? {} : { port }),
    systemPort: own?.systemPort ?? 8200 + index,
    ...(own?.mjpegServerPort ?? mjpeg ? { mjpegServerPort: own?.mjpegServerPort ?? mjpeg } : {}),
    ...(own?.appium ?? options.appium ? { appium: String(own?.appium ?? options.appium) } : {}),
    ...(own?.adbServer ? { adbServer: own.adbServer } : {}),
  };
}

/** UiAutomator2 capabilities of one slot's session. */
export function capabilitiesFor(slot: Slot, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    platformName: 'Android',
    'appium:automationName': 'UiAutomator2',
    'appium:udid': slot.serial,
    'appium:systemPort': slot.systemPort,
    ...(slot.mjpegServerPort ? { 'appium:mjpegServerPort': slot.mjpegServerPort } : {}),
    'appium:noReset': true,
    'appium:newCommandTimeout': 600,
    ...extra,
  };
}

/** Lends slots to episodes: the lowest free one, back when the episode's device closes. */
export class Fleet {
  readonly #busy = new Set<number>();
  take(): number {
    let i = 0;
    while (this.#busy.has(i)) i++;
    this.#busy.add(i);
    return i;
  }
  give(i: number): void {
    this.#busy.delete(i);
  }
}
