import type { CallOptions } from '../../../src/public/index.ts';
import { defineAndroidAdapter, type DeviceAdb } from '../android.ts';
import settings from './settings.ts';

/**
 * Settings on a device: the system services. Wi-Fi and Bluetooth through `svc`, location through
 * `cmd location`, the screen lock through `locksettings`; read back with `settings get` and
 * `dumpsys lock_settings`. Android keeps no history of changes: which settings changed, and which
 * apps went, are found by comparing each read with the previous one (a read follows every action).
 */

type Lock = { type: 'none' | 'pin' | 'password'; password: string };
type Read = { wifi: boolean; bluetooth: boolean; location: boolean; lock: { type: string; password: string } };
type Change = { setting: string; value: boolean | string; at: string };

/** The settings seeding changed from a clean image's. */
export type SettingsWritten = { wifi?: boolean; bluetooth?: boolean; location?: boolean; lock?: Lock };

const DEFAULTS = (settings.seed as { parse(v: unknown): { wifi: boolean; bluetooth: boolean; location: boolean } }).parse({});
const LOCK_TYPE = { none: 'NONE', pin: 'PIN', password: 'PASSWORD' } as const;

async function readSettings(adb: DeviceAdb, seeded: Lock, options?: CallOptions): Promise<Read> {
  const get = async (ns: string, key: string) => (await adb.shell(['settings', 'get', ns, key], options)).trim();
  const wifi = (await get('global', 'wifi_on')) !== '0';
  const bluetooth = (await get('global', 'bluetooth_on')) === '1';
  const location = !['0', 'null', ''].includes(await get('secure', 'location_mode'));
  return { wifi, bluetooth, location, lock: await readLock(adb, seeded, options) };
}

/**
 * The lock type from `dumpsys lock_settings` (`CredentialType: PIN`). Android never reveals the
 * credential: when the type is the seeded one, `locksettings verify --old <seeded>` says whether
 * it is still the seeded credential; otherwise the password reads as empty.
 */
async function readLock(adb: DeviceAdb, seeded: Lock, options?: CallOptions): Promise<{ type: string; password: string }> {
  const dump = await adb.shell(['dumpsys', 'lock_settings'], options);
  const kind = /CredentialType:\s*(\w+)/i.exec(dump)?.[1]?.toLowerCase() ?? 'none';
  const type = kind === 'pin' ? 'pin' : kind.startsWith('password') ? 'password' : kind === 'pattern' ? 'pattern' : 'none';
  if (type === 'none' || type !== seeded.type) return { type, password: '' };
  // A credential that no longer matches makes locksettings exit non-zero, which a transport reports as a failure.
  const out = await adb.shell(['locksettings', 'verify', '--old', seeded.password], options).catch((e: Error) => {
    if (options?.signal?.aborted) throw e;
    return e.message;
  });
  return { type, password: /verified successfully/i.test(out) ? seeded.password : '' };
}

export default defineAndroidAdapter({
  app: 'settings',
  package: 'com.android.settings',

  async seed(adb, seed, options) {
    const s = seed.apps.settings;
    for (const [key, svc] of [['wifi', 'wifi'], ['bluetooth', 'bluetooth']] as const) {
      if (s[key] !== DEFAULTS[key]) await adb.shell(['svc', svc, s[key] ? 'enable' : 'disable'], options);
    }
    if (s.location !== DEFAULTS.location) await adb.shell(['cmd', 'location', 'set-location-enabled', String(s.location)], options);
    if (s.lock.type !== 'none') await adb.shell(['locksettings', s.lock.type === 'pin' ? 'set-pin' : 'set-password', s.lock.password], options);
  },

  reader(adb, memory) {
    let previous: { settings: Read; installed: readonly string[] } | undefined;
    const changes: Change[] = [];
    const uninstalled: { app: string; at: string }[] = [];
    return {
      async read({ now, installed }, options) {
        const current = await readSettings(adb, memory.seed.apps.settings.lock, options);
        if (previous) {
          for (const [k, v] of Object.entries(current)) {
            const was = previous.settings[k as keyof Read];
            if (k === 'lock' ? (v as Lock).type !== (was as Lock).type : v !== was) {
              changes.push({ setting: k, value: k === 'lock' ? (v as Lock).type : (v as boolean), at: now });
            }
          }
          for (const app of previous.installed) if (!installed.includes(app)) uninstalled.push({ app, at: now });
        }
        previous = { settings: current, installed };
        return { ...current, changes: [...changes], uninstalled: [...uninstalled] };
      },
    };
  },

  shell: {
    nothing: (): SettingsWritten => ({}),
    writes: ([cmd, sub]) => (cmd === 'cmd' && sub === 'location') || (cmd === 'locksettings' && sub !== 'verify'),
    command(argv, shell) {
      const [cmd, sub] = argv;
      const fail = (message: string) => shell.fail(`${cmd}: ${message}`);
      if (cmd === 'settings') {
        if (sub === 'put') return '';
        if (sub !== 'get') return fail('usage: settings get|put');
        const s = shell.ctx.apps.settings;
        const values: Record<string, string> = { wifi_on: s.wifi ? '1' : '0', bluetooth_on: s.bluetooth ? '1' : '0', location_mode: s.location ? '3' : '0' };
        return `${values[argv[3]!] ?? 'null'}\n`;
      }
      if (cmd === 'svc') {
        const how = argv[2];
        if ((sub !== 'wifi' && sub !== 'bluetooth') || (how !== 'enable' && how !== 'disable')) return fail('usage: svc wifi|bluetooth enable|disable');
        shell.written[sub] = how === 'enable';
        shell.wrote();
        return '';
      }
      if (cmd === 'cmd' && sub === 'location' && argv[2] === 'set-location-enabled') {
        shell.written.location = argv[3] === 'true';
        shell.wrote();
        return '';
      }
      if (cmd === 'locksettings') {
        if (sub === 'set-pin' || sub === 'set-password') {
          shell.written.lock = { type: sub === 'set-pin' ? 'pin' : 'password', password: argv[2] ?? '' };
          shell.wrote();
          return `${sub === 'set-pin' ? 'Pin' : 'Password'} set to '${argv[2]}'\n`;
        }
        if (sub === 'verify') {
          const lock = shell.ctx.apps.settings.lock;
          const old = argv.includes('--old') ? argv[argv.indexOf('--old') + 1] : '';
          // LockSettingsShellCommand fails (exit code -1) when the old credential does not match.
          if (lock.type !== 'none' && old !== lock.password) return shell.fail(`Old password '${old}' didn't match`);
          return 'Lock credential verified successfully\n';
        }
        return fail('usage: locksettings set-pin|set-password|verify');
      }
      if (cmd === 'dumpsys' && sub === 'lock_settings') {
        const lock = shell.ctx.apps.settings.lock;
        return `Current lock settings service state:\nUser State:\n  User 0\n    CredentialType: ${LOCK_TYPE[lock.type]}\n`;
      }
      return undefined;
    },
    seedOf: (w) => Object.fromEntries(Object.entries(w).filter(([, v]) => v !== undefined)),
  },
});
