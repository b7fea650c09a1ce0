import { spawn } from 'node:child_process';
import { TripwireError, type CallOptions } from '../../src/public/index.ts';
import { Adb, adbExecutable } from './adb.ts';
import type { Slot } from './fleet.ts';
import { ANDROID_ADAPTERS } from '../phone/apps/index.ts';
import { CLEAN_SNAPSHOT } from '../shell/image.ts';

/** Headless, silent, fast: what CI and a fleet need (the flags). */
export const HEADLESS = ['-no-window', '-no-audio', '-no-boot-anim'];

export interface Waiting {
  /** Milliseconds between polls (tests pass 0). */
  pollMs?: number;
  /** Polls before giving up (boot takes minutes on a slow machine). */
  tries?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `adb devices`: `List of devices attached` then `<serial>\t<state>` per line. */
export function parseDevices(out: string): { serial: string; state: string }[] {
  return out.split(/\r?\n/).slice(1).map((l) => l.trim().split(/\s+/)).filter((p) => p.length >= 2 && p[0]).map(([serial, state]) => ({ serial: serial!, state: state! }));
}

/** The serial and console port of the emulator listening on console port `port` (5554, 5556, ...). */
export const serialOf = (port: number) => `emulator-${port}`;

/** Starts `emulator -avd <name> -port <port>` in the background; resolves once the process is spawned. */
export function bootEmulator(emulator: string, avd: string, port: number, extra: string[] = []): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(emulator, ['-avd', avd, '-port', String(port), ...HEADLESS, ...extra], { detached: true, stdio: 'ignore' });
    child.once('error', (e) => reject(new TripwireError('device-unavailable', `cannot start the emulator (${emulator}): ${e.message}`, { cause: e })));
    child.once('spawn', () => { child.unref(); resolve(); });
  });
}

/** `adb wait-for-device`, then polls `getprop sys.boot_completed` until it reads 1. */
export async function waitForBoot(adb: Adb, wait: Waiting = {}, options: CallOptions = {}): Promise<void> {
  await adb.run(['wait-for-device'], options);
  for (let i = 0; i < (wait.tries ?? 180); i++) {
    if ((await adb.shell(['getprop', 'sys.boot_completed'], options)).trim() === '1') return;
    await sleep(wait.pollMs ?? 1000);
  }
  throw new TripwireError('device-transport', 'the emulator did not finish booting (sys.boot_completed never became 1)');
}

/**
 * First-run setup of a clean image, before its snapshot is saved: root shell (content providers and
 * locksettings need it), no animations (UiAutomator2 reads settled screens), the screen kept on and
 * unlocked, the clock and time zone under Tripwire's control (each episode sets them); then each
 * app's own first-run setup, from its Android adapter (Chrome without its first-run screens).
 */
export const FIRST_RUN: string[][] = [
  ['settings', 'put', 'global', 'window_animation_scale', '0'],
  ['settings', 'put', 'global', 'transition_animation_scale', '0'],
  ['settings', 'put', 'global', 'animator_duration_scale', '0'],
  ['settings', 'put', 'global', 'auto_time', '0'],
  ['settings', 'put', 'global', 'auto_time_zone', '0'],
  ['setprop', 'persist.sys.timezone', 'UTC'],
  ['settings', 'put', 'system', 'screen_off_timeout', '2147483647'],
  ['svc', 'power', 'stayon', 'true'],
  ['wm', 'dismiss-keyguard'],
  ...ANDROID_ADAPTERS.flatMap((a) => a.prepare ?? []).map((cmd) => [...cmd]),
];

/** `tripwire emulator prepare`: boot, wait, first-run setup, save the clean snapshot, shut down. */
export async function prepare(adb: Adb, boot: () => Promise<void>, wait: Waiting = {}, log: (line: string) => void = () => {}): Promise<void> {
  log('booting the emulator headless…');
  await boot();
  await waitForBoot(adb, wait);
  log('booted; first-run setup…');
  await adb.run(['root']);
  await waitForBoot(adb, wait);
  for (const cmd of FIRST_RUN) await adb.shell(cmd);
  log(`saving the snapshot ${CLEAN_SNAPSHOT}…`);
  const saved = await adb.emu(['avd', 'snapshot', 'save', CLEAN_SNAPSHOT]);
  if (!/\bOK\b/.test(saved)) throw new TripwireError('device-transport', `the emulator did not save the snapshot: ${saved.trim()}`);
  await adb.emu(['kill']);
}

/** toybox `date` as root: `MMDDhhmmCCYY.ss`, in UTC (first-run setup fixed the time zone). */
export function dateArg(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${d.getUTCFullYear()}.${p(d.getUTCSeconds())}`;
}

/** Each episode: the clean snapshot reloaded, booted state awaited, the clock at the scenario's start. */
export async function restore(adb: Adb, start: string, wait: Waiting = {}, options: CallOptions = {}): Promise<void> {
  const loaded = await adb.emu(['avd', 'snapshot', 'load', CLEAN_SNAPSHOT], options);
  if (!/\bOK\b/.test(loaded)) {
    throw new TripwireError('device-unavailable', `the emulator has no snapshot "${CLEAN_SNAPSHOT}" (${loaded.trim()}): run \`tripwire emulator prepare --avd <name>\` first`);
  }
  await waitForBoot(adb, wait, options);
  await adb.shell(['date', '-u', dateArg(start)], options);
}

/** Attaches to the slot's emulator, or boots the AVD on the slot's console port and waits for it. */
export async function attach(adbPath: string, emulatorPath: string | undefined, slot: Slot, avd: string | undefined, wait: Waiting = {}): Promise<Adb> {
  const adb = new Adb(adbExecutable(adbPath, slot.serial, slot.adbServer));
  const devices = parseDevices(await adbExecutable(adbPath, undefined, slot.adbServer)(['devices']));
  if (devices.some((d) => d.serial === slot.serial && d.state === 'device')) return adb;
  if (!avd || slot.port === undefined || !emulatorPath) {
    throw new TripwireError('device-unavailable', `no emulator ${slot.serial} is running (adb devices lists ${devices.map((d) => d.serial).join(', ') || 'none'}); name an AVD to boot: --device emulator=<avd>`);
  }
  // Several emulators of one AVD run read-only; each episode reloads the clean snapshot anyway.
  await bootEmulator(emulatorPath, avd, slot.port, ['-read-only', '-snapshot', 'tripwire-clean']);
  await waitForBoot(adb, wait);
  return adb;
}
