import { isDeepStrictEqual } from 'node:util';
import { TripwireError, type CallOptions } from '../../src/public/index.ts';
import phone from '../phone/index.ts';
import { ANDROID_ADAPTERS, type AdaptersMemory } from '../phone/apps/index.ts';
import type { PhoneSeed } from '../phone/seed.ts';
import type { Adb } from './adb.ts';
import { PORTABLE_APPS } from '../shell/image.ts';

/** The phone seed with every default filled in, as the virtual phone reads it. */
export function parsePhoneSeed(seed: unknown): PhoneSeed {
  const parsed = phone.seed.safeParse(seed ?? {});
  if (!parsed.success) throw new TripwireError('scenario-load', `invalid phone seed: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data as PhoneSeed;
}

const EMPTY = parsePhoneSeed({});

/** The apps a seed fills that a stock image lacks (no Android adapter): a scenario seeding one cannot run on an emulator. */
export function unportableApps(seed: PhoneSeed): string[] {
  const apps: Record<string, unknown> = seed.apps;
  const empty: Record<string, unknown> = EMPTY.apps;
  return Object.keys(apps).filter((id) => !PORTABLE_APPS.has(id) && !isDeepStrictEqual(apps[id], empty[id]));
}

/**
 * What seeding remembers for the state readers: the seed, and what each app's adapter remembered
 * (which Android rows are the seed's: the raw contacts' _ids by the seed's ids, the last seeded SMS).
 */
export type SeedMemory = { seed: PhoneSeed } & AdaptersMemory;

/**
 * Writes a scenario's phone seed onto a freshly reloaded emulator through adb, in the order a person
 * would see it arrive: each app's part by its Android adapter, in the adapters' order (contacts, then
 * the SMS history, settings, the lock, notes as files: android/phone/apps/*.android.ts), then the
 * notifications; then each adapter notes what the device holds now, for its reader.
 */
export async function seedDevice(adb: Adb, seed: PhoneSeed, options: CallOptions = {}): Promise<SeedMemory> {
  const unportable = unportableApps(seed);
  if (unportable.length) {
    throw new TripwireError('device-unavailable', `this scenario seeds ${unportable.join(', ')}, which a stock Android image does not have; mark it notPortable or run it on --device virtual`);
  }
  const memory: Record<string, unknown> = { seed };
  for (const adapter of ANDROID_ADAPTERS) Object.assign(memory, await adapter.seed?.(adb, seed, options));
  for (const [i, n] of seed.notifications.entries()) {
    await adb.shell(['cmd', 'notification', 'post', '-S', 'bigtext', '-t', n.title, `tripwire${i}`, n.text], options);
  }
  for (const adapter of ANDROID_ADAPTERS) Object.assign(memory, await adapter.seeded?.(adb, seed, options));
  return memory as SeedMemory;
}
