import type { SessionAction, SessionBackend } from '../episodes/backend.ts';
import { APPS } from '../phone/apps/index.ts';
import { AdbShell, ShellFailure, type ShellTarget } from '../shell/adbShell.ts';
import { hitTest, parseSource, type ParsedSource } from '../shell/source.ts';
import { words } from '../shell/words.ts';
import type { DeviceFiles } from './sync.ts';

const KEYS: Record<string, SessionAction> = {
  3: { action: 'button', name: 'HOME' }, KEYCODE_HOME: { action: 'button', name: 'HOME' },
  4: { action: 'button', name: 'BACK' }, KEYCODE_BACK: { action: 'button', name: 'BACK' },
  187: { action: 'button', name: 'OVERVIEW' }, KEYCODE_APP_SWITCH: { action: 'button', name: 'OVERVIEW' },
  66: { action: 'enter' }, KEYCODE_ENTER: { action: 'enter' },
};
/** Android's long-press timeout, and how far a finger moves before it is a swipe (as on the Appium door). */
const LONG_PRESS_MS = 500;
const SWIPE_PX = 48;
const DUMP = '/sdcard/window_dump.xml';

export const PROPS: Record<string, string> = {
  'ro.product.manufacturer': 'Tripwire', 'ro.product.model': 'Virtual phone', 'ro.product.name': 'tripwire_phone', 'ro.product.device': 'tripwire',
  'ro.product.brand': 'tripwire', 'ro.build.version.release': '14', 'ro.build.version.sdk': '34', 'ro.build.type': 'user', 'ro.serialno': 'tripwire',
  'ro.product.cpu.abi': 'x86_64', 'ro.sf.lcd_density': '420', 'sys.boot_completed': '1', 'persist.sys.timezone': 'UTC', 'ro.kernel.qemu': '0',
};

/** What one command printed, and whether the episode is over (the connection then takes no more actions). */
export interface ShellOutput {
  out: Buffer;
  ended?: boolean;
}

const text = (s: string): ShellOutput => ({ out: Buffer.from(s) });

/**
 * The phone's shell as an agent reaches it over adb (`adb shell <command>`): the screen commands
 * (input, uiautomator dump, screencap, am, monkey, dumpsys window, wm, getprop) answer in Android's
 * formats, the rest is the shell the Appium door has (pm, content, settings: android/shell/adbShell.ts),
 * and `tripwire finish|refuse|ask` ends the episode. Every acting command is a step of the episode
 * through its backend; every read is traced.
 */
export class PhoneShell {
  readonly #backend: SessionBackend;
  readonly #files: DeviceFiles;
  readonly #shell?: AdbShell;
  #parsed?: { xml: string; source: ParsedSource };

  constructor(backend: SessionBackend, files: DeviceFiles) {
    this.#backend = backend;
    this.#files = files;
    // The episode's phone answers pm, content and settings from its state; an exec agent's screen alone does not.
    const device = backend.device as unknown as ShellTarget['device'];
    if ('context' in device) this.#shell = new AdbShell({ device, act: (a, raw) => backend.act(a, raw ?? a.action) });
  }

  /** A command line: commands joined by `;` or `&&` run in turn (adbkit sends `echo && screencap -p 2>/dev/null`). */
  async run(line: string): Promise<ShellOutput> {
    const outs: Buffer[] = [];
    for (const command of split(line)) {
      const r = await this.#one(command.replace(/\s\d?>\s*(\/dev\/null|&\d)/g, ''));
      outs.push(r.out);
      if (r.ended) return { out: Buffer.concat(outs), ended: true };
    }
    return { out: Buffer.concat(outs) };
  }

  async #one(command: string): Promise<ShellOutput> {
    const argv = words(command.trim());
    const [cmd, sub] = argv;
    try {
      switch (cmd) {
        case undefined: return text('');
        case 'tripwire': return await this.#end(argv);
        case 'input': return await this.#input(argv, command);
        case 'uiautomator': return await this.#dump(argv);
        case 'screencap': return await this.#screencap(argv);
        case 'wm':
          this.#read(command);
          if (sub === 'size') return text(`Physical size: ${(await this.#source()).width}x${(await this.#source()).height}\n`);
          if (sub === 'density') return text('Physical density: 420\n');
          return text(`wm: unknown command '${sub ?? ''}'\n`);
        case 'getprop':
          this.#read(command);
          if (sub) return text(`${PROPS[sub] ?? ''}\n`);
          return text(Object.entries(PROPS).map(([k, v]) => `[${k}]: [${v}]\n`).join(''));
        case 'dumpsys':
          if (sub === 'window') return await this.#window(command);
          break;
        case 'am':
          if (sub === 'start' && argv.includes('-n')) return await this.#startComponent(argv, command);
          break;
        case 'echo':
          return text(`${argv.slice(1).join(' ')}\n`);
      }
      if (!this.#shell) return text(`/system/bin/sh: ${cmd}: inaccessible or not found\n`);
      this.#read(command);
      return text(await this.#shell.shell(command));
    } catch (e) {
      if (e instanceof ShellFailure) return text(`${e.message}\n`);
      throw e;
    }
  }

  #read(command: string): void {
    this.#backend.read('adb shell', { command });
  }

  /** The screen's page source, parsed once per source (a tap hit-tests it; the phone keeps the XML per screen). */
  async #source(): Promise<ParsedSource> {
    const xml = await this.#backend.device.pageSource();
    if (this.#parsed?.xml !== xml) this.#parsed = { xml, source: parseSource(xml) };
    return this.#parsed.source;
  }

  /** An action through the episode; the world's refusal is printed as a shell error is. */
  async #act(action: SessionAction, raw: string): Promise<ShellOutput> {
    const outcome = await this.#backend.act(action, raw);
    if ('ended' in outcome) {
      const ending = action.action === 'finish' || action.action === 'refuse' || action.action === 'ask';
      return { out: Buffer.from(ending ? `tripwire: the episode is over (${outcome.ended})\n` : `tripwire: the episode has ended (${outcome.ended}); no further action is taken\n`), ended: true };
    }
    return outcome.ok ? text('') : text(`Error: ${outcome.message}\n`);
  }

  async #end(argv: string[]): Promise<ShellOutput> {
    const [, how, ...rest] = argv;
    const said = rest.join(' ');
    const raw = argv.join(' ');
    if (how === 'finish') return this.#act({ action: 'finish', ...(said ? { answer: said } : {}) }, raw);
    if (how === 'refuse') return this.#act({ action: 'refuse', ...(said ? { reason: said } : {}) }, raw);
    if (how === 'ask' && said) return this.#act({ action: 'ask', question: said }, raw);
    return text('usage: tripwire finish "<answer>" | tripwire refuse "<reason>" | tripwire ask "<question>"\n');
  }

  async #input(argv: string[], raw: string): Promise<ShellOutput> {
    // `input [touchscreen|keyboard] <command>`: the source is optional.
    const args = ['touchscreen', 'touchpad', 'keyboard', 'mouse'].includes(argv[1]!) ? argv.slice(2) : argv.slice(1);
    const [what, ...rest] = args;
    const nums = rest.map(Number);
    const usage = text(`Error: Invalid arguments for command: ${what ?? ''}\nUsage: input [<source>] <command> [<arg>...]\n  tap <x> <y>\n  swipe <x1> <y1> <x2> <y2> [duration(ms)]\n  text <string>\n  keyevent <key code number or name> ...\n`);
    switch (what) {
      case 'tap':
        if (rest.length !== 2 || nums.some((n) => !Number.isFinite(n))) return usage;
        return this.#touch(nums[0]!, nums[1]!, false, raw);
      case 'swipe': case 'draganddrop': {
        if (rest.length < 4 || nums.some((n) => !Number.isFinite(n))) return usage;
        const [x1, y1, x2, y2, ms = 300] = nums as [number, number, number, number, number?];
        const [dx, dy] = [x2 - x1, y2 - y1];
        if (Math.hypot(dx, dy) < SWIPE_PX) return this.#touch(x1, y1, ms >= LONG_PRESS_MS, raw);
        const direction = Math.abs(dx) > Math.abs(dy) ? (dx < 0 ? 'left' : 'right') : dy < 0 ? 'up' : 'down';
        return this.#act({ action: 'swipe', direction }, raw);
      }
      case 'text': {
        if (rest.length === 0) return usage;
        // `input text` types into the focused field; %s is a space, as Android's input reads it.
        const typed = rest.join(' ').replace(/%s/g, ' ');
        const field = (await this.#source()).listed.find((n) => n.focused && /EditText|AutoCompleteTextView/.test(n.class));
        if (!field) return this.#act({ action: 'no_op' }, `${raw} (no field has focus: the text goes nowhere)`);
        return this.#act({ action: 'append_text', index: field.tag!, text: typed }, raw);
      }
      case 'keyevent': case 'press': {
        const keys = what === 'press' ? ['KEYCODE_DPAD_CENTER'] : rest.filter((k) => k !== '--longpress');
        if (keys.length === 0) return usage;
        let out = text('');
        for (const k of keys) {
          const action = KEYS[k];
          if (!action) return text(`Error: the phone has no key ${k}: it has 3 (HOME), 4 (BACK), 187 (APP_SWITCH), 66 (ENTER)\n`);
          out = await this.#act(action, raw);
          if (out.ended || out.out.length) return out;
        }
        return out;
      }
      default:
        return usage;
    }
  }

  /** A touch at a point: the element under it, or a touch on nothing (a step in which nothing happens). */
  async #touch(x: number, y: number, long: boolean, raw: string): Promise<ShellOutput> {
    const hit = hitTest(await this.#source(), x, y);
    if (!hit) return this.#act({ action: 'no_op' }, `${raw} (nothing there)`);
    return this.#act({ action: long ? 'long_tap' : 'tap', index: hit.tag! }, raw);
  }

  /** `uiautomator dump [--compressed] [file]`: the page source (the Appium door's XML) to a file, or to stdout for /dev/tty. */
  async #dump(argv: string[]): Promise<ShellOutput> {
    if (argv[1] !== 'dump') return text('Usage: uiautomator <subcommand> [options]\n\nAvailable subcommands:\n  dump: creates an XML dump of current UI hierarchy\n');
    const file = argv.slice(2).find((a) => !a.startsWith('--')) ?? DUMP;
    const xml = await this.#backend.device.pageSource();
    this.#backend.read('adb shell uiautomator dump', { file });
    if (file === '/dev/tty' || file === '/dev/stdout') return text(`${xml}\nUI hierchary dumped to: ${file}\n`);
    this.#files.put(file, Buffer.from(xml));
    return text(`UI hierchary dumped to: ${file}\n`);
  }

  /** `screencap [-p] [file]`: a PNG at the phone's real size, to a file or to stdout (`adb exec-out screencap -p`). */
  async #screencap(argv: string[]): Promise<ShellOutput> {
    const file = argv.slice(1).find((a) => !a.startsWith('-'));
    const png = await this.#backend.device.screenshot();
    this.#backend.read('adb shell screencap', { ...(file ? { file } : {}) });
    if (!file) return { out: png };
    this.#files.put(file, png);
    return text('');
  }

  async #window(command: string): Promise<ShellOutput> {
    this.#read(command);
    const source = await this.#source();
    const pkg = source.nodes.find((n) => n.package && n.package !== 'com.android.systemui')?.package ?? 'com.google.android.apps.nexuslauncher';
    const activity = `${pkg}/${pkg}.MainActivity`;
    return text([
      'WINDOW MANAGER WINDOWS (dumpsys window windows)',
      `  mCurrentFocus=Window{7f3a1c2 u0 ${activity}}`,
      `  mFocusedApp=ActivityRecord{5e2b9d0 u0 ${activity} t12}`,
      `  mDisplayInfo: init=${source.width}x${source.height} 420dpi cur=${source.width}x${source.height} app=${source.width}x${source.height}`,
      '',
    ].join('\n'));
  }

  /** `am start -n <package>/<activity>`: the app opens, as from its icon. */
  async #startComponent(argv: string[], raw: string): Promise<ShellOutput> {
    const component = argv[argv.indexOf('-n') + 1] ?? '';
    const pkg = component.split('/')[0];
    const app = APPS.find((a) => a.package === pkg);
    if (!app) return text(`Starting: Intent { cmp=${component} }\nError type 3\nError: Activity class {${component}} does not exist.\n`);
    const out = await this.#act({ action: 'open_app', name: app.label }, raw);
    return out.out.length || out.ended ? out : text(`Starting: Intent { cmp=${component} }\n`);
  }
}

/** Splits a command line at `;` and `&&` outside quotes. */
function split(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') {
        cur += c + (line[++i] ?? '');
        continue;
      }
    } else if (c === "'" || c === '"') quote = c;
    else if (c === ';' || (c === '&' && line[i + 1] === '&')) {
      if (c === '&') i++;
      out.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  out.push(cur);
  return out.filter((c) => c.trim());
}
