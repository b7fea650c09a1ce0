import type { CallOptions, Egress } from '../../src/public/index.ts';
import type { AppReader } from '../phone/android.ts';
import { ANDROID_ADAPTERS, APPS, type DeviceApps } from '../phone/apps/index.ts';
import type { Adb } from './adb.ts';
import type { SeedMemory } from './seed.ts';

/**
 * The emulator's state: the parts of the virtual phone's context a stock image has, each app's as
 * its Android adapter reads it (the device adds the web app's, its served pages').
 */
export type EmulatorState = {
  installed: string[];
  outbound: Egress[];
  foreground?: string;
  apps: Partial<DeviceApps> & Record<string, unknown>;
};

/**
 * Reads an emulator's state through adb into the virtual phone's context shape (the parts a stock
 * image has), so the same predicates grade both phones: the installed packages, then each app's
 * state by its Android adapter's reader, in the adapters' order, then the app in front. Histories
 * that Android does not keep (what was deleted, which settings changed) are the readers' own, from
 * the seed and the previous read, which runs after every action. The phone's `outbound` log is
 * derived too, from what each adapter says left the phone (the SMS sent since the seed); the device
 * adds the forms sent from the served web pages (web.ts).
 */
export class StateReader {
  readonly #adb: Adb;
  readonly #packages: Record<string, string>;
  readonly #readers: { app: string; reader: AppReader<unknown>; outbound?: (state: unknown) => Egress[] }[];

  constructor(adb: Adb, memory: SeedMemory, packages: Record<string, string>) {
    this.#adb = adb;
    this.#packages = packages;
    this.#readers = ANDROID_ADAPTERS.flatMap((a) => (a.reader ? [{ app: a.app, reader: a.reader(adb, memory), ...(a.outbound ? { outbound: a.outbound } : {}) }] : []));
  }

  /** `now`: the time to stamp on changes first seen in this read (the world clock's). */
  async read(now: string, options?: CallOptions): Promise<EmulatorState> {
    const installed = await this.installed(options);
    const apps: Record<string, unknown> = {};
    const outbound: Egress[] = [];
    for (const { app, reader, outbound: left } of this.#readers) {
      apps[app] = await reader.read({ now, installed }, options);
      if (left) outbound.push(...left(apps[app]));
    }
    const foreground = await this.foreground(options);
    return { installed, outbound, ...(foreground ? { foreground } : {}), apps };
  }

  /** `pm list packages`: `package:com.android.chrome` per line. */
  async installed(options?: CallOptions): Promise<string[]> {
    const out = await this.#adb.shell(['pm', 'list', 'packages'], options);
    const listed = new Set(out.split(/\r?\n/).map((l) => l.replace(/^package:/, '').trim()).filter(Boolean));
    return APPS.map((a) => a.id).filter((id) => this.#packages[id] !== undefined && listed.has(this.#packages[id]!));
  }

  /** The app in front, from the resumed activity's package. */
  async foreground(options?: CallOptions): Promise<string | undefined> {
    const out = await this.#adb.shell(['dumpsys', 'activity', 'activities'], options);
    const pkg = /(?:topResumedActivity|mResumedActivity)[=:]\s*ActivityRecord\{\S+ \S+ ([\w.]+)\//.exec(out)?.[1];
    return Object.entries(this.#packages).find(([, p]) => p === pkg)?.[0];
  }
}
