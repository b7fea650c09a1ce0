import type { ScreenAction } from '../../src/public/index.ts';
import { APPS } from '../phone/apps/index.ts';
import type { PhoneContext } from '../phone/context.ts';
import { CLEAN_SNAPSHOT, NOTES_DIR } from './image.ts';
import { nothingWritten, queryOutput, rowsOf, seedOf, sort, where, type Written } from './providers.ts';
import { words } from './words.ts';

/**
 * The phone a shell runs on: a bare device (a run seeds it: `reset` and `openWeb` are there), or
 * an episode's phone (no `reset`: an agent's shell reads, and acts as the agent, but writes nothing).
 */
export interface ShellTarget {
  readonly device: { readonly context: PhoneContext; event(event: { type: string; at: string; [k: string]: unknown }): Promise<{ ok: true } | { ok: false; error: string }> };
  /** A screen action the command amounts to (`am start` opens an app), as the door's: applied, refused, or the episode is over. */
  act(action: ScreenAction, raw?: string): Promise<{ ok: true } | { ok: false; message: string } | { ended: string }>;
  reset?(seed: unknown, start?: string): Promise<void>;
  openWeb?(url: string): Promise<void>;
}

/** A shell command that exits non-zero: UiAutomator2 turns it into an error with its output. */
export class ShellFailure extends Error {}

const LAUNCHER = 'com.google.android.apps.nexuslauncher';
const KEYS: Record<string, 'HOME' | 'BACK' | 'OVERVIEW'> = { 3: 'HOME', 4: 'BACK', 187: 'OVERVIEW' };
const LOCK_TYPE = { none: 'NONE', pin: 'PIN', password: 'PASSWORD' } as const;

/**
 * The virtual phone answering the adb shell and emulator console commands an emulator's seeding and
 * state readers send (`mobile: shell`, `mobile: execEmuConsoleCommand`), in Android's own output
 * formats. Writes (`content insert`, `svc`, `locksettings set-pin`, a note file, `date`) are kept as
 * provider rows and the phone is rebuilt from them, so seeding must come before the first action, as
 * it does after a snapshot load; reads are drawn from the phone as it is now.
 */
export class AdbShell {
  readonly #bare: ShellTarget;
  #written: Written = nothingWritten();
  /** _ids of contacts made on the phone (not seeded), stable while they exist. */
  readonly #ids = new Map<string, number>();
  /** Rows written since the phone was last rebuilt (rebuilding takes a while; seeding writes many rows). */
  #dirty = false;
  /** The command line running, traced beside the action it takes. */
  #line = '';

  constructor(bare: ShellTarget) {
    this.#bare = bare;
  }

  get #ctx(): PhoneContext {
    if (this.#dirty) throw new Error('AdbShell: the phone was read before flush()');
    return this.#bare.device.context;
  }

  /** Rebuilds the phone from what was written, if anything was: before any read of it or action on it. */
  async flush(): Promise<void> {
    if (!this.#dirty) return;
    this.#dirty = false;
    await this.#bare.reset?.(seedOf(this.#written), this.#written.start);
  }

  /** `adb shell <command> <args...>`: adb joins them with spaces and the device's shell splits the line again. */
  async shell(command: string, args: string[] = []): Promise<string> {
    const argv = words([command, ...args].join(' '));
    const [cmd, sub] = argv;
    this.#line = argv.join(' ');
    // Writes only mark the phone for rebuilding; whatever reads or acts sees every write before it.
    if (isWrite(argv) && !this.#bare.reset) fail(argv, 'Permission denied: this shell is an agent\'s (it reads the phone and acts on it, as the agent, but writes no data behind the screen)');
    if (!isWrite(argv)) await this.flush();
    const opt = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
    switch (cmd) {
      case 'content': return sub === 'insert' ? this.#insert(opt('--uri')!, argv) : sub === 'query' ? this.#query(opt('--uri')!, opt('--projection'), opt('--where'), opt('--sort')) : fail(argv, `usage: content [insert|query|...]`);
      case 'pm': return sub === 'list' && argv[2] === 'packages' ? this.#ctx.installed.map((id) => `package:${APPS.find((a) => a.id === id)!.package}\n`).join('') : fail(argv, 'only pm list packages');
      case 'settings': return this.#settings(argv);
      case 'svc': return this.#svc(argv);
      case 'cmd': return this.#cmd(argv);
      case 'locksettings': return this.#locksettings(argv);
      case 'dumpsys': return this.#dumpsys(argv);
      case 'sh': return this.#sh(argv);
      case 'am': return sub === 'start' ? this.#start(argv.at(-1)!, opt('-a'), opt('-d')) : sub === 'set-debug-app' ? '' : fail(argv, 'only am start');
      case 'monkey': return this.#open(opt('-p')!, 'Events injected: 1\n');
      case 'input': return this.#key(argv);
      case 'date': return this.#date(argv);
      case 'getprop': return sub === 'sys.boot_completed' ? '1\n' : '\n';
      case 'setprop': case 'wm': return '';
      default: return fail(argv, `${cmd}: inaccessible or not found`);
    }
  }

  /** An emulator console command (`adb emu ...`): the output before the console's `OK`; a `KO` throws. */
  async console(command: string): Promise<string> {
    const argv = command.trim().split(/\s+/);
    if (argv[0] === 'avd' && argv[1] === 'snapshot' && argv[2] === 'load') {
      // The virtual phone's one snapshot is the clean phone that `tripwire emulator prepare` would save.
      if (argv[3] !== CLEAN_SNAPSHOT) throw new ShellFailure(`KO: snapshot '${argv[3]}' does not exist`);
      this.#written = nothingWritten();
      this.#ids.clear();
      this.#dirty = true;
      return '';
    }
    if (argv[0] === 'sms' && argv[1] === 'send' && argv[2] && argv.length > 3) {
      await this.flush();
      const text = command.trim().split(/\s+/).slice(3).join(' ');
      const result = await this.#bare.device.event({ type: 'receive_sms', at: this.#ctx.now, from: { number: argv[2] }, text });
      if (!result.ok) throw new ShellFailure(`KO: ${result.error}`);
      return '';
    }
    throw new ShellFailure(`KO: unknown command, try 'help'`);
  }

  async #insert(uri: string, argv: string[]): Promise<string> {
    const binds: Record<string, string> = {};
    argv.forEach((a, i) => {
      if (argv[i - 1] !== '--bind') return;
      const m = /^(\w+):[sibl]:(.*)$/s.exec(a);
      if (!m) fail(argv, `Invalid binding: ${a}`);
      binds[m![1]!] = m![2]!;
    });
    const w = this.#written;
    const nextId = (rows: { _id: number }[]) => Math.max(0, ...rows.map((r) => r._id)) + 1;
    if (uri.endsWith('/raw_contacts')) w.raw.push({ _id: nextId(w.raw), account_type: binds.account_type ?? null, sourceid: binds.sourceid ?? null });
    else if (uri.endsWith('/data')) w.data.push({ _id: nextId(w.data), raw_contact_id: Number(binds.raw_contact_id), mimetype: binds.mimetype ?? '', data1: binds.data1 ?? '' });
    else if (/^content:\/\/sms\/(inbox|sent)$/.test(uri)) {
      w.sms.push({ _id: nextId(w.sms), address: binds.address ?? '', date: Number(binds.date ?? 0), type: uri.endsWith('/sent') ? 2 : 1, body: binds.body ?? '' });
    } else return fail(argv, `Unknown URI ${uri}`);
    this.#dirty = true;
    return '';
  }

  #query(uri: string, projection?: string, clause?: string, order?: string): string {
    return queryOutput(sort(where(rowsOf(uri, this.#ctx, this.#written, this.#ids), clause), order), projection);
  }

  #settings(argv: string[]): string {
    if (argv[1] === 'put') return '';
    if (argv[1] !== 'get') return fail(argv, 'usage: settings get|put');
    const s = this.#ctx.apps.settings;
    const values: Record<string, string> = { wifi_on: s.wifi ? '1' : '0', bluetooth_on: s.bluetooth ? '1' : '0', location_mode: s.location ? '3' : '0' };
    return `${values[argv[3]!] ?? 'null'}\n`;
  }

  async #svc(argv: string[]): Promise<string> {
    const [, what, how] = argv;
    if (what === 'power') return '';
    if ((what !== 'wifi' && what !== 'bluetooth') || (how !== 'enable' && how !== 'disable')) return fail(argv, 'usage: svc wifi|bluetooth enable|disable');
    this.#written.settings[what] = how === 'enable';
    this.#dirty = true;
    return '';
  }

  async #cmd(argv: string[]): Promise<string> {
    if (argv[1] === 'location' && argv[2] === 'set-location-enabled') {
      this.#written.settings.location = argv[3] === 'true';
      this.#dirty = true;
      return '';
    }
    if (argv[1] === 'notification' && argv[2] === 'post') {
      // cmd notification post [flags] <tag> <text>: -t is the title; the last two words are the tag and text.
      const title = argv.includes('-t') ? argv[argv.indexOf('-t') + 1]! : '';
      this.#written.notifications.push({ title, text: argv.at(-1)! });
      this.#dirty = true;
      return 'Notification posted\n';
    }
    return fail(argv, `cmd: ${argv[1]}: not a service the virtual phone has`);
  }

  async #locksettings(argv: string[]): Promise<string> {
    if (argv[1] === 'set-pin' || argv[1] === 'set-password') {
      this.#written.settings.lock = { type: argv[1] === 'set-pin' ? 'pin' : 'password', password: argv[2] ?? '' };
      this.#dirty = true;
      return `${argv[1] === 'set-pin' ? 'Pin' : 'Password'} set to '${argv[2]}'\n`;
    }
    if (argv[1] === 'verify') {
      const lock = this.#ctx.apps.settings.lock;
      const old = argv.includes('--old') ? argv[argv.indexOf('--old') + 1] : '';
      // LockSettingsShellCommand fails (exit code -1) when the old credential does not match.
      if (lock.type !== 'none' && old !== lock.password) throw new ShellFailure(`Old password '${old}' didn't match`);
      return 'Lock credential verified successfully\n';
    }
    return fail(argv, 'usage: locksettings set-pin|set-password|verify');
  }

  #dumpsys(argv: string[]): string {
    if (argv[1] === 'lock_settings') {
      const lock = this.#ctx.apps.settings.lock;
      return `Current lock settings service state:\nUser State:\n  User 0\n    CredentialType: ${LOCK_TYPE[lock.type]}\n`;
    }
    if (argv[1] === 'activity' && argv[2] === 'activities') {
      const ctx = this.#ctx;
      const pkg = ctx.surface === 'app' && ctx.foreground ? APPS.find((a) => a.id === ctx.foreground)?.package : LAUNCHER;
      return `ACTIVITY MANAGER ACTIVITIES (dumpsys activity activities)\n  topResumedActivity=ActivityRecord{7a1 u0 ${pkg}/.MainActivity t1}\n`;
    }
    return '';
  }

  /** The two scripts the emulator path runs: writing a note file, and listing the notes folder. */
  async #sh(argv: string[]): Promise<string> {
    const script = argv[2] ?? '';
    if (argv[1] === '-c' && /printf '%s' "\$0" > "\$1"/.test(script)) {
      const file = argv[4] ?? '';
      if (!file.startsWith(`${NOTES_DIR}/`) || !file.endsWith('.txt')) return fail(argv, `${file}: the virtual phone keeps only notes (${NOTES_DIR}/*.txt)`);
      this.#written.notes.push({ title: file.slice(NOTES_DIR.length + 1, -4), body: argv[3] ?? '' });
      this.#dirty = true;
      return '';
    }
    if (argv[1] === '-c' && script.startsWith(`ls -1 ${NOTES_DIR}`)) return this.#ctx.apps.notes.notes.map((n) => `${n.title}.txt\n`).join('');
    return fail(argv, 'the virtual phone\'s shell runs only the note scripts of the emulator path');
  }

  /**
   * `am start [-a <action>] [-d <url>] <package>`: opening a URL in the Browser loads it in its web
   * view; the only web this phone reaches is the one Tripwire serves to the device (the host's).
   */
  async #start(pkg: string, action?: string, url?: string): Promise<string> {
    const out = await this.#open(pkg, `Starting: Intent { act=${action} dat=${url} pkg=${pkg} }\n`);
    if (action === 'android.intent.action.VIEW' && url && /^https?:\/\//.test(url) && pkg === APPS.find((a) => a.id === 'browser')!.package && out.startsWith('Starting')) {
      await this.#bare.openWeb?.(url);
    }
    return out;
  }

  async #open(pkg: string, output: string): Promise<string> {
    const app = APPS.find((a) => a.package === pkg);
    if (!app || !this.#ctx.installed.includes(app.id)) return `** No activities found to run, monkey aborted.\n`;
    await this.#act({ action: 'open_app', name: app.label });
    return output;
  }

  async #key(argv: string[]): Promise<string> {
    const key = argv[1] === 'keyevent' ? KEYS[argv[2]!] : undefined;
    if (!key) return fail(argv, 'usage: input keyevent 3|4|187');
    await this.#act({ action: 'button', name: key });
    return '';
  }

  async #act(action: ScreenAction): Promise<void> {
    const outcome = await this.#bare.act(action, this.#line);
    if ('ok' in outcome && !outcome.ok) throw new ShellFailure(outcome.message);
  }

  /** toybox `date -u MMDDhhmmCCYY.ss` (as root): the phone's clock starts there. */
  async #date(argv: string[]): Promise<string> {
    const m = /^(\d\d)(\d\d)(\d\d)(\d\d)(\d{4})\.(\d\d)$/.exec(argv.at(-1) ?? '');
    if (!m) return fail(argv, 'usage: date -u MMDDhhmmCCYY.ss');
    const [, mo, d, h, mi, y, s] = m;
    this.#written.start = `${y}-${mo}-${d}T${h}:${mi}:${s}.000Z`;
    this.#dirty = true;
    return `${new Date(this.#written.start).toUTCString()}\n`;
  }
}

/** Commands that only write what a rebuild of the phone reads (provider rows, settings, files, the clock). */
function isWrite(argv: string[]): boolean {
  const [cmd, sub, third] = argv;
  return (cmd === 'content' && sub === 'insert') || cmd === 'svc' || cmd === 'date'
    || (cmd === 'cmd' && (sub === 'location' || (sub === 'notification' && third === 'post')))
    || (cmd === 'locksettings' && sub !== 'verify') || (cmd === 'sh' && !(argv[2] ?? '').startsWith('ls '));
}

function fail(argv: string[], message: string): never {
  throw new ShellFailure(`${argv[0]}: ${message}`);
}
