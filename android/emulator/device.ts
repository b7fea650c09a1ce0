import { showLiveScreen, type CallOptions, type Device, type DeviceResult, type DeviceScreen, type PerformOptions, type ScreenAction, TripwireError } from '../../src/public/index.ts';
import { isDeepStrictEqual } from 'node:util';
import { ANDROID_ADAPTERS, APPS } from '../phone/apps/index.ts';
import type { Adb } from './adb.ts';
import { restore, type Waiting } from './lifecycle.ts';
import type { PhoneSeed } from '../phone/seed.ts';
import { parsePhoneSeed, seedDevice, type SeedMemory } from './seed.ts';
import { StateReader } from './state.ts';
import type { PageHost } from './web.ts';

/** The app whose seed and state are the page host's (the one whose adapter has `web`), and its empty seed. */
const WEB: string | undefined = ANDROID_ADAPTERS.find((a) => a.web)?.app;
const webSeed = (seed: PhoneSeed) => (WEB ? (seed.apps as Record<string, unknown>)[WEB] : undefined);
const EMPTY_WEB = webSeed(parsePhoneSeed({}));

/**
 * What a device shows and how it is driven: Appium's UiAutomator2 session on the emulator
 * (AppiumDevice), or in tests the virtual phone. The emulator device adds seeding and state.
 */
export type Screen = Pick<Device, 'pageSource' | 'elements' | 'screenshot' | 'perform' | 'close'> & {
  /** The device changed behind the screen driver's back (adb opened an app): what it remembers of the screen is stale. */
  changed?(): void;
};

export interface EmulatorDeviceOptions {
  adb: Adb;
  screen: Screen;
  /** The scenario's clock start: the device clock is set to it at each reset. */
  start: string;
  packages: Record<string, string>;
  /** Serves the scenario's web pages to the emulator's browser and keeps the browser's state. */
  pages?: PageHost;
  wait?: Waiting;
  /** A stand-in whose screen is itself a phone hears the seed too (UiAutomator2 needs none). */
  seedScreen?: (seed: unknown, options?: CallOptions) => Promise<void>;
  /** open_app through adb with the image's packages (UiAutomator2 knows no Tripwire app names). */
  openAppsByAdb?: boolean;
  /** Skip reloading the snapshot (a stand-in phone has none). */
  noSnapshot?: boolean;
  /** Shows this device's screen in the viewer for that episode (the MJPEG stream when given). */
  live?: { episodeId: string; stream?: string };
  /** Called once when the device closes (releases its fleet slot). */
  onClose?: () => void;
}

/**
 * A real Android emulator as a Device: the screen and actions through the screen driver, and
 * everything predicates need through adb. Each reset reloads the clean snapshot, sets the clock and
 * seeds; state() reads the providers and system services into the virtual phone's context shape.
 */
export class EmulatorDevice implements Device {
  readonly #o: EmulatorDeviceOptions;
  #reader?: StateReader;
  #memory?: SeedMemory;
  #at: string;
  readonly #hideLive?: () => void;

  constructor(options: EmulatorDeviceOptions) {
    this.#o = options;
    this.#at = options.start;
    if (options.live) this.#hideLive = showLiveScreen(options.live.episodeId, { png: () => this.screenshot(), ...(options.live.stream ? { stream: options.live.stream } : {}) });
  }

  /** The world clock's time of the last action or event (what changes are stamped with). */
  get now(): string {
    return this.#at;
  }

  async reset(seed: unknown, options: CallOptions = {}): Promise<void> {
    const parsed = parsePhoneSeed(seed);
    if (!this.#o.noSnapshot) await restore(this.#o.adb, this.#o.start, this.#o.wait, options);
    await this.#o.seedScreen?.(seed, options);
    this.#memory = await seedDevice(this.#o.adb, parsed, options);
    const web = webSeed(parsed);
    await this.#o.pages?.reset(web, this.#o.start);
    if (WEB && this.#o.pages && !isDeepStrictEqual(web, EMPTY_WEB) && parsed.open !== WEB) {
      // The browser's tab starts on the scenario's web, as the virtual Browser opens on its home page.
      await this.#open(WEB, options);
      await this.#o.adb.shell(['input', 'keyevent', '3'], options);
    }
    if (parsed.open) await this.#open(parsed.open, options);
    this.#o.screen.changed?.();
    this.#reader = new StateReader(this.#o.adb, this.#memory, this.#o.packages);
    this.#at = this.#o.start;
  }

  /** Brings an app to the front as its launcher icon would (`monkey` launches a package's main activity). */
  async #open(app: string, options: CallOptions): Promise<void> {
    if (app === WEB && this.#o.pages) {
      await this.#o.adb.shell(['am', 'start', '-a', 'android.intent.action.VIEW', '-d', this.#o.pages.deviceUrl(), this.#o.packages[app]!], options);
      return;
    }
    const pkg = this.#o.packages[app];
    if (pkg) await this.#o.adb.shell(['monkey', '-p', pkg, '-c', 'android.intent.category.LAUNCHER', '1'], options);
  }

  pageSource(options?: CallOptions): Promise<string> {
    return this.#o.screen.pageSource(options);
  }

  elements(options?: CallOptions): Promise<DeviceScreen> {
    return this.#o.screen.elements(options);
  }

  screenshot(options?: CallOptions): Promise<Buffer> {
    return this.#o.screen.screenshot(options);
  }

  async perform(action: ScreenAction, options: PerformOptions = {}): Promise<DeviceResult> {
    if (options.at) this.#at = options.at;
    if (action.action === 'open_app' && this.#o.openAppsByAdb) {
      const app = APPS.find((a) => a.label.toLowerCase() === action.name.trim().toLowerCase() || a.id === action.name.trim().toLowerCase());
      if (!app || !this.#o.packages[app.id]) return { ok: false, code: 'invalid-arguments', error: `open_app: no app named "${action.name}" is installed` };
      await this.#open(app.id, options);
      this.#o.screen.changed?.();
      return { ok: true };
    }
    return this.#o.screen.perform(action, options);
  }

  /** An SMS arrives: through the emulator console, as a carrier would deliver it. */
  async event(event: { type: string; at: string; [k: string]: unknown }, options?: CallOptions): Promise<{ ok: true } | { ok: false; error: string }> {
    if (event.type !== 'receive_sms') return { ok: false, error: `the emulator takes no "${event.type}" events (only receive_sms)` };
    const from = event.from as { number?: string } | undefined;
    if (!from?.number || typeof event.text !== 'string') return { ok: false, error: 'receive_sms needs from.number and text' };
    this.#at = event.at;
    const out = await this.#o.adb.emu(['sms', 'send', from.number.replace(/[^\d+]/g, ''), event.text], options);
    return /\bOK\b/.test(out) ? { ok: true } : { ok: false, error: `the emulator refused the SMS: ${out.trim()}` };
  }

  async state(options?: CallOptions): Promise<Record<string, unknown>> {
    if (!this.#reader) throw new TripwireError('api', 'state() before reset(): the emulator has no scenario seeded');
    const state = await this.#reader.read(this.#at, options);
    if (WEB && this.#o.pages) {
      state.apps[WEB] = this.#o.pages.state();
      state.outbound = [...state.outbound, ...(this.#o.pages.outbound?.() ?? [])];
    }
    return state;
  }

  async close(): Promise<void> {
    this.#hideLive?.();
    try {
      await this.#o.screen.close();
    } finally {
      this.#o.onClose?.();
    }
  }
}
