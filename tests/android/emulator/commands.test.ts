import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { Adb, adbExecutable } from '../../../android/emulator/adb.ts';
import { EmulatorDevice } from '../../../android/emulator/device.ts';
import { attach, bootEmulator, prepare, restore } from '../../../android/emulator/lifecycle.ts';
import { slotFor } from '../../../android/emulator/fleet.ts';
import { parsePhoneSeed, seedDevice } from '../../../android/emulator/seed.ts';
import { StateReader } from '../../../android/emulator/state.ts';
import { STOCK_PACKAGES } from '../../../android/shell/image.ts';
import { tempDir } from '../../support/helpers.ts';

// Stand-in adb and emulator executables (tests/android/emulator/bin) record every call and answer in
// adb's and Android's documented output formats: these tests pin the exact command sequences.
const BIN = join(import.meta.dirname, 'bin');
let dir: string;
let log: string;
const calls = () => readFileSync(log, 'utf8').trim().split('\n');
const adb = () => new Adb(adbExecutable(join(BIN, 'adb'), 'emulator-5554'));

beforeEach(() => {
  dir = tempDir();
  log = join(dir, 'log');
  writeFileSync(log, '');
  process.env.STANDIN_LOG = log;
  process.env.STANDIN_DIR = dir;
});

describe('emulator lifecycle through adb and the emulator console', () => {
  it('prepare boots the AVD headless, waits for boot, sets it up as root and saves the clean snapshot', async () => {
    await prepare(adb(), () => bootEmulator(join(BIN, 'emulator'), 'pixel34', 5554, ['-no-snapshot-load']), { pollMs: 0 });
    await new Promise((r) => setTimeout(r, 100)); // the detached stand-in emulator writes its line
    const lines = calls();
    expect(lines).toContain('emulator -avd pixel34 -port 5554 -no-window -no-audio -no-boot-anim -no-snapshot-load');
    expect(lines.filter((l) => !l.startsWith('emulator '))).toEqual([
      '-s emulator-5554 wait-for-device',
      '-s emulator-5554 shell getprop sys.boot_completed',
      '-s emulator-5554 root',
      '-s emulator-5554 wait-for-device',
      '-s emulator-5554 shell getprop sys.boot_completed',
      '-s emulator-5554 shell settings put global window_animation_scale 0',
      '-s emulator-5554 shell settings put global transition_animation_scale 0',
      '-s emulator-5554 shell settings put global animator_duration_scale 0',
      '-s emulator-5554 shell settings put global auto_time 0',
      '-s emulator-5554 shell settings put global auto_time_zone 0',
      '-s emulator-5554 shell setprop persist.sys.timezone UTC',
      '-s emulator-5554 shell settings put system screen_off_timeout 2147483647',
      '-s emulator-5554 shell svc power stayon true',
      '-s emulator-5554 shell wm dismiss-keyguard',
      `-s emulator-5554 shell sh -c 'echo "chrome --disable-fre --no-default-browser-check --no-first-run" > /data/local/tmp/chrome-command-line'`,
      '-s emulator-5554 shell am set-debug-app --persistent com.android.chrome',
      '-s emulator-5554 emu avd snapshot save tripwire-clean',
      '-s emulator-5554 emu kill',
    ]);
  });

  it('attaches to a running emulator (adb devices), and boots the AVD read-only from the clean snapshot on a free slot', async () => {
    await attach(join(BIN, 'adb'), join(BIN, 'emulator'), slotFor(0, {}), 'pixel34');
    expect(calls()).toEqual(['devices']);
    writeFileSync(log, '');
    await attach(join(BIN, 'adb'), join(BIN, 'emulator'), slotFor(1, {}), 'pixel34', { pollMs: 0 });
    await new Promise((r) => setTimeout(r, 100));
    expect(calls().sort()).toEqual([
      '-s emulator-5556 shell getprop sys.boot_completed',
      '-s emulator-5556 wait-for-device',
      'devices',
      'emulator -avd pixel34 -port 5556 -no-window -no-audio -no-boot-anim -read-only -snapshot tripwire-clean',
    ]);
    // No AVD to boot and no emulator on that serial: a message that says what to do.
    await expect(attach(join(BIN, 'adb'), join(BIN, 'emulator'), slotFor(1, {}), undefined)).rejects.toMatchObject({
      code: 'device-unavailable', message: expect.stringContaining('no emulator emulator-5556 is running (adb devices lists emulator-5554); name an AVD to boot'),
    });
  });

  it('reset reloads the clean snapshot, waits for boot and sets the clock to the scenario start (UTC)', async () => {
    await restore(adb(), '2026-01-05T09:00:00.000Z', { pollMs: 0 });
    expect(calls()).toEqual([
      '-s emulator-5554 emu avd snapshot load tripwire-clean',
      '-s emulator-5554 wait-for-device',
      '-s emulator-5554 shell getprop sys.boot_completed',
      '-s emulator-5554 shell date -u 010509002026.00',
    ]);
  });

  it('seeds contacts, SMS history in time order, settings, the lock, notes and notifications', async () => {
    const seed = parsePhoneSeed({
      apps: {
        contacts: { contacts: [{ id: 'c1', name: "Ana O'Neil", phone: '+1 555 0101' }] },
        messages: { threads: [{ id: 't1', name: 'Sam', number: '+1 555 0120', messages: [
          { id: 'm2', from: 'me', text: 'See you, then!', at: '2026-01-05T08:10:00Z' },
          { id: 'm1', from: 'them', text: 'Dinner at 7?', at: '2026-01-05T08:00:00Z' },
        ] }] },
        settings: { wifi: false, lock: { type: 'pin', password: '4826' } },
        notes: { notes: [{ id: 'n1', title: 'Phone', body: 'PIN: 4826' }] },
      },
      notifications: [{ app: 'messages', title: 'Sam', text: 'Dinner at 7?' }],
    });
    const memory = await seedDevice(adb(), seed);
    expect(calls()).toEqual([
      `-s emulator-5554 shell content insert --uri content://com.android.contacts/raw_contacts --bind account_type:s:tripwire --bind account_name:s:tripwire --bind sourceid:s:c1`,
      `-s emulator-5554 shell content query --uri content://com.android.contacts/raw_contacts --projection _id --where 'account_type='\\''tripwire'\\'' AND sourceid='\\''c1'\\'''`,
      `-s emulator-5554 shell content insert --uri content://com.android.contacts/data --bind raw_contact_id:i:7 --bind mimetype:s:vnd.android.cursor.item/name --bind 'data1:s:Ana O'\\''Neil'`,
      `-s emulator-5554 shell content insert --uri content://com.android.contacts/data --bind raw_contact_id:i:7 --bind mimetype:s:vnd.android.cursor.item/phone_v2 --bind data2:i:2 --bind 'data1:s:+1 555 0101'`,
      // Sam is no contact: a thread contact (its own account) lets Messages show the name.
      `-s emulator-5554 shell content insert --uri content://com.android.contacts/raw_contacts --bind account_type:s:tripwire.thread --bind account_name:s:tripwire.thread --bind sourceid:s:t1`,
      `-s emulator-5554 shell content query --uri content://com.android.contacts/raw_contacts --projection _id --where 'account_type='\\''tripwire.thread'\\'' AND sourceid='\\''t1'\\'''`,
      `-s emulator-5554 shell content insert --uri content://com.android.contacts/data --bind raw_contact_id:i:7 --bind mimetype:s:vnd.android.cursor.item/name --bind data1:s:Sam`,
      `-s emulator-5554 shell content insert --uri content://com.android.contacts/data --bind raw_contact_id:i:7 --bind mimetype:s:vnd.android.cursor.item/phone_v2 --bind data2:i:2 --bind 'data1:s:+1 555 0120'`,
      `-s emulator-5554 shell content insert --uri content://sms/inbox --bind 'address:s:+1 555 0120' --bind date:l:1767600000000 --bind read:i:1 --bind type:i:1 --bind 'body:s:Dinner at 7?'`,
      `-s emulator-5554 shell content insert --uri content://sms/sent --bind 'address:s:+1 555 0120' --bind date:l:1767600600000 --bind read:i:1 --bind type:i:2 --bind 'body:s:See you, then!'`,
      '-s emulator-5554 shell svc wifi disable',
      '-s emulator-5554 shell locksettings set-pin 4826',
      `-s emulator-5554 shell sh -c 'mkdir -p /sdcard/Documents && printf '\\''%s'\\'' "$0" > "$1"' 'PIN: 4826' /sdcard/Documents/Phone.txt`,
      '-s emulator-5554 shell cmd notification post -S bigtext -t Sam tripwire0 \'Dinner at 7?\'',
      `-s emulator-5554 shell content query --uri content://sms --projection _id --sort '_id DESC'`,
    ]);
    expect(memory.contacts.get('c1')).toBe('7');
    expect(memory.smsBaseline).toBe(12);
  });

  it('reads each piece of state with its query, and an SMS world event goes through the console', async () => {
    const seed = parsePhoneSeed({ apps: { messages: { threads: [{ id: 't1', name: 'Sam', number: '+1 555 0120', messages: [{ id: 'm1', from: 'them', text: 'Dinner at 7?', at: '2026-01-05T08:00:00Z' }] }] }, settings: { lock: { type: 'pin', password: '4826' } } } });
    writeFileSync(join(dir, 'sms'), 'Row: 0 _id=11, thread_id=1, address=+15550120, date=1767600000000, type=1, body=Dinner at 7?\nRow: 1 _id=13, thread_id=1, address=+15550120, date=1767604200000, type=2, body=Yes, see you\nat 7, body=ok\n');
    writeFileSync(join(dir, 'raw_contacts'), 'Row: 0 _id=7, sourceid=t1, account_type=tripwire.thread\nRow: 1 _id=9, sourceid=NULL, account_type=NULL\n');
    writeFileSync(join(dir, 'data'), 'Row: 0 raw_contact_id=9, mimetype=vnd.android.cursor.item/name, data1=Priya Shah\nRow: 1 raw_contact_id=9, mimetype=vnd.android.cursor.item/phone_v2, data1=+1 555 0142\n');
    const reader = new StateReader(adb(), { seed, contacts: new Map(), smsBaseline: 12 }, STOCK_PACKAGES);
    const state = await reader.read('2026-01-05T09:10:00.000Z') as { apps: Record<string, any>; installed: string[]; foreground: string };
    expect(calls()).toEqual([
      '-s emulator-5554 shell pm list packages',
      `-s emulator-5554 shell content query --uri content://com.android.contacts/raw_contacts --projection _id:sourceid:account_type --where deleted=0 --sort '_id ASC'`,
      `-s emulator-5554 shell content query --uri content://com.android.contacts/data --projection raw_contact_id:mimetype:data1 --where 'raw_contact_id IN (9)' --sort '_id ASC'`,
      `-s emulator-5554 shell content query --uri content://sms --projection _id:thread_id:address:date:type:body --sort 'date ASC'`,
      '-s emulator-5554 shell settings get global wifi_on',
      '-s emulator-5554 shell settings get global bluetooth_on',
      '-s emulator-5554 shell settings get secure location_mode',
      '-s emulator-5554 shell dumpsys lock_settings',
      '-s emulator-5554 shell locksettings verify --old 4826',
      `-s emulator-5554 shell sh -c 'ls -1 /sdcard/Documents 2>/dev/null; true'`,
      '-s emulator-5554 shell dumpsys activity activities',
    ]);
    expect(state.installed).toEqual(['messages', 'contacts', 'browser', 'settings']);
    expect(state.foreground).toBe('messages');
    expect(state.apps.contacts.contacts).toEqual([{ id: 'c9', name: 'Priya Shah', phone: '+1 555 0142', email: '', note: '' }]);
    // The sent body holds a newline and ", body=": the row is cut only at the projection's columns.
    expect(state.apps.messages.sent).toEqual([{ to: '+1 555 0120', text: 'Yes, see you\nat 7, body=ok', at: '2026-01-05T09:10:00.000Z' }]);
    expect(state.apps.messages.threads[0]).toMatchObject({ id: 't1', name: 'Sam', number: '+1 555 0120' });
    // The outbound log is derived from what was sent, as the virtual phone logs an SMS.
    expect((state as unknown as { outbound: unknown }).outbound).toEqual([{ channel: 'sms', to: ['15550120'], text: 'Yes, see you\nat 7, body=ok', at: '2026-01-05T09:10:00.000Z' }]);
    expect(state.apps.settings).toMatchObject({ wifi: false, location: true, lock: { type: 'pin', password: '4826' }, changes: [] });

    writeFileSync(log, '');
    const device = new EmulatorDevice({ adb: adb(), screen: {} as never, start: '2026-01-05T09:00:00Z', packages: STOCK_PACKAGES });
    expect(await device.event({ type: 'receive_sms', at: '2026-01-05T09:01:00Z', from: { number: '+1 555 0199' }, text: 'Your code is 482913' })).toEqual({ ok: true });
    expect(calls()).toEqual(['-s emulator-5554 emu sms send +15550199 Your code is 482913']);

    // open_app names Tripwire's apps; on the image it launches their stock packages through adb.
    writeFileSync(log, '');
    const opener = new EmulatorDevice({ adb: adb(), screen: {} as never, start: '2026-01-05T09:00:00Z', packages: STOCK_PACKAGES, openAppsByAdb: true });
    expect(await opener.perform({ action: 'open_app', name: 'Messages' })).toEqual({ ok: true });
    expect(await opener.perform({ action: 'open_app', name: 'Bank' })).toMatchObject({ ok: false, code: 'invalid-arguments' });
    expect(calls()).toEqual(['-s emulator-5554 shell monkey -p com.google.android.apps.messaging -c android.intent.category.LAUNCHER 1']);
  });
});

describe('the Appium server for the emulators', () => {
  it('starts appium on a free loopback port with UiAutomator2\'s adb_shell allowed, and waits for /status', async () => {
    const { startAppiumServer } = await import('../../../android/emulator/appiumServer.ts');
    const server = await startAppiumServer(join(BIN, 'appium'), { pollMs: 50 });
    try {
      const port = Number(new URL(server.url).port);
      expect(calls()).toEqual([`appium --address 127.0.0.1 --port ${port} --allow-insecure uiautomator2:adb_shell --log-level error`]);
      expect(await (await fetch(`${server.url}/status`)).json()).toMatchObject({ value: { ready: true } });
    } finally {
      server.close();
    }
  });
});
