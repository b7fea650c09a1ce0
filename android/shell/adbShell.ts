import type { ScreenAction } from '../../src/public/index.ts';
import type { ShellState } from '../phone/android.ts';
import { ANDROID_ADAPTERS, APPS } from '../phone/apps/index.ts';
import type { PhoneContext } from '../phone/context.ts';
import { CLEAN_SNAPSHOT } from './image.ts';
import { commandShells, insertRow, nothingWritten, queryOutput, rowsOf, seedOf, sort, where, type Written } from './providers.ts';
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
/** The packages whose `am start -a VIEW -d <url>` opens the URL in the web the device reaches (the web app's). */
const WEB_PACKAGES = new Set(ANDROID_ADAPTERS.flatMap((a) => (a.web ? [a.web.app.package] : [])));

/**
 * The virtual phone answering the adb shell and emulator console commands an emulator's seeding and
 * state readers send (`mobile: shell`, `mobile: execEmuConsoleCommand`), in Android's own output
 * formats. The commands and provider rows of each app are its Android adapter's (`shell`: the apps'
 * `<id>.android.ts`); the device's own (`pm`, `am`, `input`, `dumpsys activity`, `date`, the console)
 * are here. Writes (`content insert`, `svc`, `locksettings set-pin`, a note file, `date`) are kept as
 * each app's rows and the phone is rebuilt from them, so seeding must come before the first action, as
 * it does after a snapshot load; reads are drawn from the phone as it is now.
 */
export class AdbShell {
  readonly #bare: ShellTarget;
  #written: Written = nothingWritten();
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
    const write = isWrite(argv);
    if (write && !this.#bare.reset) fail(argv, 'Permission denied: this shell is an agent\'s (it reads the phone and acts on it, as the agent, but writes no data behind the screen)');
    if (!write) await this.flush();
    const opt = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
    switch (cmd) {
      case 'content': return sub === 'insert' ? this.#insert(opt('--uri')!, argv) : sub === 'query' ? this.#query(opt('--uri')!, opt('--projection'), opt('--where'), opt('--sort')) : fail(argv, `usage: content [insert|query|...]`);
      case 'pm': return sub === 'list' && argv[2] === 'packages' ? this.#ctx.installed.map((id) => `package:${APPS.find((a) => a.id === id)!.package}\n`).join('') : fail(argv, 'only pm list packages');
      case 'svc': if (sub === 'power') return ''; break;
      case 'cmd': if (sub === 'notification' && argv[2] === 'post') return this.#notify(argv); break;
      case 'dumpsys': if (sub === 'activity' && argv[2] === 'activities') return this.#activities(); break;
      case 'am': return sub === 'start' ? this.#start(argv.at(-1)!, opt('-a'), opt('-d')) : sub === 'set-debug-app' ? '' : fail(argv, 'only am start');
      case 'monkey': return this.#open(opt('-p')!, 'Events injected: 1\n');
      case 'input': return this.#key(argv);
      case 'date': return this.#date(argv);
      case 'getprop': return sub === 'sys.boot_completed' ? '1\n' : '\n';
      case 'setprop': case 'wm': return '';
    }
    for (const app of commandShells(this.#written)) {
      const out = await app.shell.command!(argv, this.#state(app.written));
      if (out !== undefined) return out;
    }
    switch (cmd) {
      case 'cmd': return fail(argv, `cmd: ${sub}: not a service the virtual phone has`);
      case 'dumpsys': return '';
      case 'sh': return fail(argv, /printf '%s' "\$0" > "\$1"/.test(argv[2] ?? '') ? `${argv[4] ?? ''}: the virtual phone keeps no such file` : 'the virtual phone\'s shell runs only the scripts of the emulator path (its apps\' files)');
      default: return fail(argv, `${cmd}: inaccessible or not found`);
    }
  }

  /** What an app's command works on: its writes, the phone now, and the device's failure. */
  #state<W>(written: W): ShellState<W> {
    const ctx = () => this.#ctx;
    return {
      written,
      get ctx() { return ctx(); },
      wrote: () => { this.#dirty = true; },
      fail: (output) => { throw new ShellFailure(output); },
    };
  }

  /** An emulator console command (`adb emu ...`): the output before the console's `OK`; a `KO` throws. */
  async console(command: string): Promise<string> {
    const argv = command.trim().split(/\s+/);
    if (argv[0] === 'avd' && argv[1] === 'snapshot' && argv[2] === 'load') {
      // The virtual phone's one snapshot is the clean phone that `tripwire emulator prepare` would save.
      if (argv[3] !== CLEAN_SNAPSHOT) throw new ShellFailure(`KO: snapshot '${argv[3]}' does not exist`);
      this.#written = nothingWritten();
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
    if (!insertRow(uri, binds, this.#written)) return fail(argv, `Unknown URI ${uri}`);
    this.#dirty = true;
    return '';
  }

  #query(uri: string, projection?: string, clause?: string, order?: string): string {
    return queryOutput(sort(where(rowsOf(uri, this.#ctx, this.#written), clause), order), projection);
  }

  /** cmd notification post [flags] <tag> <text>: -t is the title; the last two words are the tag and text. */
  #notify(argv: string[]): string {
    const title = argv.includes('-t') ? argv[argv.indexOf('-t') + 1]! : '';
    this.#written.notifications.push({ title, text: argv.at(-1)! });
    this.#dirty = true;
    return 'Notification posted\n';
  }

  #activities(): string {
    const ctx = this.#ctx;
    const pkg = ctx.surface === 'app' && ctx.foreground ? APPS.find((a) => a.id === ctx.foreground)?.package : LAUNCHER;
    return `ACTIVITY MANAGER ACTIVITIES (dumpsys activity activities)\n  topResumedActivity=ActivityRecord{7a1 u0 ${pkg}/.MainActivity t1}\n`;
  }

  /**
   * `am start [-a <action>] [-d <url>] <package>`: opening a URL in the Browser loads it in its web
   * view; the only web this phone reaches is the one Tripwire serves to the device (the host's).
   */
  async #start(pkg: string, action?: string, url?: string): Promise<string> {
    const out = await this.#open(pkg, `Starting: Intent { act=${action} dat=${url} pkg=${pkg} }\n`);
    if (action === 'android.intent.action.VIEW' && url && /^https?:\/\//.test(url) && WEB_PACKAGES.has(pkg) && out.startsWith('Starting')) {
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

/** Commands that only write what a rebuild of the phone reads (provider rows, settings, files, the clock): the device's, and each app's. */
function isWrite(argv: string[]): boolean {
  const [cmd, sub, third] = argv;
  return (cmd === 'content' && sub === 'insert') || cmd === 'svc' || cmd === 'date'
    || (cmd === 'cmd' && sub === 'notification' && third === 'post') || (cmd === 'sh' && !(argv[2] ?? '').startsWith('ls '))
    || ANDROID_ADAPTERS.some((a) => a.shell?.writes?.(argv));
}

function fail(argv: string[], message: string): never {
  throw new ShellFailure(`${argv[0]}: ${message}`);
}
