import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Adb } from '../../../android/emulator/adb.ts';
import { FIRST_RUN } from '../../../android/emulator/lifecycle.ts';
import { parsePhoneSeed, seedDevice, unportableApps } from '../../../android/emulator/seed.ts';
import { StateReader } from '../../../android/emulator/state.ts';
import { BrowserPages } from '../../../android/emulator/web.ts';
import { ANDROID_ADAPTERS, BUNDLED_APPS } from '../../../android/phone/apps/index.ts';
import { VirtualPhone } from '../../../android/phone/device.ts';
import { AdbShell } from '../../../android/shell/adbShell.ts';
import { PORTABLE_APPS, STOCK_PACKAGES } from '../../../android/shell/image.ts';

/**
 * Each app a real device has carries its Android adapter beside it (android/phone/apps/<id>.android.ts):
 * the generic code seeds, reads back and answers the shell through the adapters, and names no app,
 * so taking an app to a device is its adapter file and one line of ANDROID_ADAPTERS.
 */
const ROOT = resolve(import.meta.dirname, '../../..');
const IDS = Object.keys(BUNDLED_APPS);

afterEach(() => vi.restoreAllMocks());

/** A seed that gives every adapter's app data to write and read back (times in the readers' ISO form). */
const SEED = {
  apps: {
    contacts: { contacts: [{ id: 'c1', name: "Ana O'Neil", phone: '+1 555 0101', email: 'ana@example.com', note: 'Gate code 1942' }, { id: 'c2', name: 'Bo', phone: '+1 555 0102' }] },
    messages: { threads: [
      { id: 't1', name: 'Sam', number: '+1 555 0120', messages: [{ id: 'm1', from: 'them', text: 'Dinner at 7?', at: '2026-01-05T08:00:00.000Z' }, { id: 'm2', from: 'me', text: 'See you, then!', at: '2026-01-05T08:10:00.000Z' }] },
      { id: 't2', name: "Ana O'Neil", number: '+1 555 0101', messages: [{ id: 'm3', from: 'them', text: 'Your code is 482913, body=ok', at: '2026-01-05T07:00:00.000Z' }] },
    ] },
    settings: { wifi: false, bluetooth: true, location: false, lock: { type: 'pin', password: '4826' } },
    notes: { notes: [{ id: 'n1', title: 'Phone', body: 'PIN: 4826' }, { id: 'n2', title: 'Groceries', body: 'eggs\nmilk' }] },
  },
  notifications: [{ app: 'messages', title: 'Sam', text: 'Dinner at 7?' }],
};

/** The virtual phone as an emulator behind adb: every adb command answered by the Android shell the doors share. */
function phoneAsDevice(start: string) {
  let phone = new VirtualPhone({ start });
  const shell = new AdbShell({
    get device() { return phone; },
    act: async (action) => { const r = await phone.perform(action); return r.ok ? { ok: true } : { ok: false, message: r.error }; },
    reset: async (seed) => { phone = new VirtualPhone({ start }); await phone.reset(seed); },
  });
  const adb = new Adb(async (args) => (args[0] === 'shell' ? shell.shell(args[1]!) : args[0] === 'emu' ? shell.console(args.slice(1).join(' ')) : ''));
  return { adb, shell, phone: () => phone };
}

/** `value` cut to the keys (and array lengths) `shape` has: the part of the virtual phone's state a device reads back. */
function project(value: unknown, shape: unknown): unknown {
  if (Array.isArray(shape) && Array.isArray(value)) return value.map((v, i) => project(v, shape[i] ?? shape[0]));
  if (shape && typeof shape === 'object' && value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.fromEntries(Object.keys(shape).map((k) => [k, project((value as Record<string, unknown>)[k], (shape as Record<string, unknown>)[k])]));
  }
  return value;
}

describe('Android adapters: what each app is on a device', () => {
  it('the apps a stock image has are exactly the adapters\' (packages, portability, first-run setup), each beside its app', () => {
    const apps = ANDROID_ADAPTERS.map((a) => a.app);
    expect(apps).toEqual(['contacts', 'messages', 'settings', 'notes', 'browser']);
    expect(new Set(apps).size).toBe(apps.length);
    expect([...PORTABLE_APPS].sort()).toEqual([...apps].sort());
    expect(STOCK_PACKAGES).toEqual(Object.fromEntries(ANDROID_ADAPTERS.filter((a) => a.package).map((a) => [a.app, a.package])));
    for (const a of ANDROID_ADAPTERS) for (const cmd of a.prepare ?? []) expect(FIRST_RUN).toContainEqual([...cmd]);
    // House style: the adapter is `<id>.android.ts` beside the app's `<id>.ts`, and exports itself as default.
    const dir = join(ROOT, 'android/phone/apps');
    const files = readdirSync(dir).filter((f) => f.endsWith('.android.ts')).map((f) => f.replace('.android.ts', '')).sort();
    expect(files).toEqual([...apps].sort());
    for (const id of files) expect(readdirSync(dir)).toContain(`${id}.ts`);
    // The apps with no adapter: a scenario seeding them says it is not portable.
    const without = IDS.filter((id) => !apps.includes(id as never));
    expect(without.sort()).toEqual(['bank', 'calendar', 'maps', 'photos', 'social', 'stocks']);
    expect(unportableApps(parsePhoneSeed({ apps: { bank: { accounts: [{ id: 'a1', name: 'Checking', balance: 1 }] } } }))).toEqual(['bank']);
  });

  it('every adapter is seeded, read back and answered through the generic code, and the state read back is the virtual phone\'s own', async () => {
    const spies = ANDROID_ADAPTERS.map((a) => ({
      app: a.app,
      seed: a.seed && vi.spyOn(a, 'seed'),
      seeded: a.seeded && vi.spyOn(a, 'seeded'),
      reader: a.reader && vi.spyOn(a, 'reader'),
      insert: a.shell?.insert && vi.spyOn(a.shell, 'insert'),
      rows: a.shell?.rows && vi.spyOn(a.shell, 'rows'),
      command: a.shell?.command && vi.spyOn(a.shell, 'command'),
      seedOf: a.shell && vi.spyOn(a.shell, 'seedOf'),
    }));
    const start = '2026-01-05T09:00:00.000Z';
    const device = phoneAsDevice(start);
    const seed = parsePhoneSeed(SEED);
    const memory = await seedDevice(device.adb, seed);
    const read = await new StateReader(device.adb, memory, STOCK_PACKAGES).read(start);

    const own = new VirtualPhone({ start });
    await own.reset(SEED);
    const apps = own.context.apps as Record<string, unknown>;
    for (const s of spies) {
      if (s.seed) expect(s.seed, `${s.app}: seed`).toHaveBeenCalledWith(device.adb, seed, {});
      if (s.seeded) expect(s.seeded, `${s.app}: seeded`).toHaveBeenCalledOnce();
      if (s.reader) {
        expect(s.reader, `${s.app}: reader`).toHaveBeenCalledOnce();
        expect(read.apps[s.app], `${s.app}: read back`).toEqual(project(apps[s.app], read.apps[s.app]));
      }
      // The shell kept the app's writes, answered its queries and commands, and rebuilt the phone from them.
      if (s.insert) expect(s.insert.mock.results.some((r) => r.value === true), `${s.app}: content insert`).toBe(true);
      if (s.rows) expect(s.rows.mock.results.some((r) => Array.isArray(r.value) && r.value.length > 0), `${s.app}: content query`).toBe(true);
      if (s.command) expect(s.command.mock.results.some((r) => r.value !== undefined), `${s.app}: shell command`).toBe(true);
      if (s.seedOf) expect(s.seedOf, `${s.app}: rebuilt`).toHaveBeenCalled();
    }
    // Every app read back had data of its own (the comparison above compares something): not a clean phone's.
    const clean = new VirtualPhone({ start });
    await clean.reset({});
    for (const s of spies.filter((x) => x.reader)) expect(read.apps[s.app], `${s.app}: seeded`).not.toEqual(project((clean.context.apps as Record<string, unknown>)[s.app], read.apps[s.app]));
    expect(device.phone().context.notifications.map((n) => n.text)).toEqual(['Dinner at 7?']);

    // What the adapters say left the phone: the message sent since the seed, as the virtual phone logs it.
    await device.adb.insert('content://sms/sent', [['address', 's', '+1 555 0120'], ['date', 'l', Date.parse('2026-01-05T09:01:00Z')], ['body', 's', 'On my way']]);
    const after = await new StateReader(device.adb, memory, STOCK_PACKAGES).read(start);
    expect(after.outbound).toEqual([{ channel: 'sms', to: ['15550120'], text: 'On my way', at: '2026-01-05T09:01:00.000Z' }]);
  });

  it('the page host runs the web app its adapter names, and draws the page the adapter says', async () => {
    const web = ANDROID_ADAPTERS.find((a) => a.web)!.web!;
    const page = vi.spyOn(web, 'page');
    const pages = new BrowserPages(() => '2026-01-05T09:00:00.000Z');
    await pages.reset({}, '2026-01-05T09:00:00.000Z');
    expect(pages.html()).toContain('<title>New tab</title>');
    expect(page).toHaveBeenCalledOnce();
    expect(pages.state()).toMatchObject({ url: expect.any(String) });
    await pages.close();
  });
});

/** Comments out, so a sentence about an app is no naming of it. */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

/**
 * Where generic code names an app: imports one app's module, reads `apps.<id>` or `.packages.<id>`,
 * holds an app id as a string (other than a shell command's first word: Android's `settings` command
 * is no app), or an adapter's package.
 */
function namings(files: Record<string, string>): string[] {
  const packages = ANDROID_ADAPTERS.flatMap((a) => (a.package ? [a.package] : []));
  const out: string[] = [];
  for (const [file, text] of Object.entries(files)) {
    const body = code(text);
    for (const m of body.matchAll(/['"]\.\.?\/[^'"]*phone\/apps\/(\w+)(?:\.android)?\.ts['"]/g)) if (m[1] !== 'index') out.push(`${file}: imports ${m[1]}`);
    for (const id of IDS) {
      if (new RegExp(`\\b(apps|packages)\\??\\.${id}\\b`).test(body)) out.push(`${file}: reads ${id}`);
      if (new RegExp(`(?<!\\[\\s*)(['"\`])${id}\\1`).test(body)) out.push(`${file}: '${id}'`);
    }
    for (const p of packages) if (body.includes(`'${p}'`)) out.push(`${file}: ${p}`);
  }
  return out.sort();
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('the generic device code names no app', () => {
  it('android/emulator/, android/shell/ and the phone\'s points name no app: each app\'s device story is its adapter', () => {
    const files = [...sources(join(ROOT, 'android/emulator')), ...sources(join(ROOT, 'android/shell')), join(ROOT, 'android/phone/points.ts')];
    expect(files.length).toBeGreaterThan(15);
    expect(namings(Object.fromEntries(files.map((f) => [relative(ROOT, f), readFileSync(f, 'utf8')])))).toEqual([]);
  });

  it('finds the namings the code had before the adapters (so the test above can fail)', () => {
    expect(namings({
      'emulator/device.ts': `import browser, { NTP } from '../phone/apps/browser.ts';\nconst EMPTY_BROWSER = parsePhoneSeed({}).apps.browser;\nawait adb.shell(['am', 'start', this.#o.packages.browser!]);`,
      'emulator/seed.ts': `for (const c of apps.contacts.contacts) {}\n// apps.notes in a comment is no naming`,
      'shell/adbShell.ts': `if (pkg === APPS.find((a) => a.id === 'browser')!.package) {}\nconst FIRST = [['settings', 'put', 'global']];`,
      'emulator/lifecycle.ts': `['am', 'set-debug-app', '--persistent', 'com.android.chrome'],`,
    })).toEqual([
      'emulator/device.ts: imports browser',
      'emulator/device.ts: reads browser',
      'emulator/lifecycle.ts: com.android.chrome',
      'emulator/seed.ts: reads contacts',
      'shell/adbShell.ts: \'browser\'',
    ]);
  });
});
