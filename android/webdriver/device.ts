import { createHash } from 'node:crypto';
import { remote } from 'webdriverio';
import { deviceTransportError, TripwireError, type CallOptions, type Device, type DeviceResult, type DeviceScreen, type PerformOptions, type ScreenAction } from '../../src/public/index.ts';
import { APPS } from '../phone/apps/index.ts';
import { parseSource, type ParsedSource } from '../shell/source.ts';

export interface AppiumDeviceOptions {
  /** The Appium server or Selenium Grid: http://127.0.0.1:4723 (a path, as Grid's /wd/hub, is kept). */
  url: string;
  /** Capabilities of the session (from the config's `devices.appium.capabilities`); Tripwire's driver when none. */
  capabilities?: Record<string, unknown>;
  /** The scenario's clock start: a simulated phone takes it as its own. */
  start?: string;
  /**
   * Speak only UiAutomator2's commands, even to Tripwire's driver: the phone is then seeded and read
   * as an emulator is, through `mobile: shell` (see android/emulator/remote.ts).
   */
  plain?: boolean;
  /** Sessions kept open for the next device (Tripwire's driver reseeds a session; a new one costs more than a reset). */
  pool?: SessionPool;
}

/** Idle sessions on one server, handed to the next device instead of being deleted. */
export class SessionPool {
  readonly #idle: WebdriverIO.Browser[] = [];
  take(): WebdriverIO.Browser | undefined {
    return this.#idle.pop();
  }
  give(browser: WebdriverIO.Browser): void {
    this.#idle.push(browser);
  }
}

const KEYCODE = { HOME: 3, BACK: 4, OVERVIEW: 187 } as const;
const W3C_ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** Launchers a real device shows as Home (the Pixel's, AOSP's), for a home screen whose ids differ. */
const LAUNCHERS = new Set(['com.google.android.apps.nexuslauncher', 'com.android.launcher3']);

/** The app in front, by its package: its label for apps Tripwire knows, the package otherwise. */
function appOf(source: ParsedSource): string {
  const pkg = source.nodes[0]?.package ?? '';
  const app = APPS.find((a) => a.package === pkg);
  if (app) return app.label;
  const ids = new Set(source.nodes.map((n) => n.resourceId.slice(n.resourceId.indexOf(':id/') + 4)));
  if (ids.has('overview_title')) return 'Recent apps';
  if (ids.has('shade_title')) return 'Notifications';
  // The Pixel launcher: its workspace and hotseat, or its app drawer (still Home, as on the phone itself).
  if (ids.has('launcher') || ids.has('hotseat') || ids.has('apps_view') || ids.has('launcher_title')) return 'Home';
  if (LAUNCHERS.has(pkg)) return 'Home';
  return pkg;
}

/** W3C errors that are the agent's mistake (a bad index, a refused action), not a broken transport. */
function agentMistake(e: unknown): DeviceResult | undefined {
  const name = String((e as { name?: string })?.name ?? '').toLowerCase();
  const message = (e as Error)?.message ?? String(e);
  if (name === 'stale element reference') return { ok: false, code: 'stale-screen', error: message };
  if (['invalid argument', 'no such element', 'element not interactable', 'invalid element state'].includes(name)) return { ok: false, code: 'invalid-arguments', error: message };
  return undefined;
}

/**
 * A Device behind any Appium server or Selenium Grid, through WebdriverIO's `remote()`: the element
 * list comes from the page source (one parser for Tripwire's driver and real UiAutomator2), actions
 * are UiAutomator2 `mobile:` gestures on the listed element, screenshots come from the device. With
 * Tripwire's own driver the run seeds the phone, sets its clock and reads its state through the
 * driver's `mobile: tripwire*` commands; an emulator is seeded and read through adb shell commands
 * over the session instead (android/emulator/remote.ts).
 */
export class AppiumDevice implements Device {
  readonly #options: AppiumDeviceOptions;
  #browser?: WebdriverIO.Browser;
  #tripwire = false;
  /** A transport failure: this session is not handed on. */
  #broken = false;
  #source?: { xml: string; parsed: ParsedSource; id: string };

  constructor(options: AppiumDeviceOptions) {
    this.#options = options;
  }

  async #call<T>(what: string, fn: (b: WebdriverIO.Browser) => Promise<T>, options?: CallOptions): Promise<T> {
    options?.signal?.throwIfAborted();
    const browser = this.#browser ?? (await this.#connect());
    try {
      return await fn(browser);
    } catch (e) {
      if (agentMistake(e)) throw e;
      this.#broken = true;
      throw deviceTransportError(`appium ${what} failed at ${this.#options.url}: ${(e as Error).message}`, e);
    }
  }

  async #connect(): Promise<WebdriverIO.Browser> {
    const pooled = this.#options.pool?.take();
    if (pooled) {
      this.#tripwire = true;
      return (this.#browser = pooled);
    }
    const url = new URL(this.#options.url);
    const capabilities = this.#options.capabilities ?? { platformName: 'Android', 'appium:automationName': 'Tripwire' };
    try {
      this.#browser = await remote({
        protocol: url.protocol.replace(':', '') as 'http' | 'https', hostname: url.hostname, port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
        path: url.pathname === '' ? '/' : url.pathname, logLevel: 'silent', connectionRetryCount: 1, capabilities: capabilities as WebdriverIO.Capabilities,
      });
    } catch (e) {
      throw deviceTransportError(`cannot open an Appium session at ${this.#options.url}: ${(e as Error).message}`, e);
    }
    const caps = this.#browser.capabilities as Record<string, unknown>;
    this.#tripwire = !this.#options.plain && String(caps['appium:automationName'] ?? caps.automationName ?? '').toLowerCase() === 'tripwire';
    return this.#browser;
  }

  /** A `mobile:` command on this session (the session opens first if needed); a failure is a transport error. */
  execute(script: string, args: Record<string, unknown>, options?: CallOptions): Promise<unknown> {
    return this.#call(script, (b) => b.executeScript(script, [args]), options);
  }

  /** The device changed by other means than this session (adb opened an app): the page source is read again. */
  changed(): void {
    this.#source = undefined;
  }

  /**
   * Ends this session and opens a new one at the next call: after an emulator's snapshot is reloaded
   * the UiAutomator2 server that served the old session no longer runs on the device.
   */
  async reconnect(): Promise<void> {
    const browser = this.#browser;
    this.#browser = undefined;
    this.#source = undefined;
    await browser?.deleteSession().catch(() => {});
  }

  async reset(seed: unknown, options?: CallOptions): Promise<void> {
    await this.#call('session', async () => undefined, options);
    if (!this.#tripwire) {
      throw new TripwireError('device-unavailable', 'seeding a scenario onto this Appium device goes through adb shell commands over the session: leave devices.appium.shell unset (or true) for an emulator behind UiAutomator2');
    }
    this.#source = undefined;
    await this.#call('reset', (b) => b.executeScript('mobile: tripwireReset', [{ seed, ...(this.#options.start ? { start: this.#options.start } : {}) }]), options);
  }

  async pageSource(options?: CallOptions): Promise<string> {
    return (await this.#current(options)).xml;
  }

  async #current(options?: CallOptions): Promise<{ xml: string; parsed: ParsedSource; id: string }> {
    if (this.#source) return this.#source;
    const xml = await this.#call('getPageSource', (b) => b.getPageSource(), options);
    const parsed = parseSource(xml);
    // Named as the virtual phone names its screens, so equal screens share an id on both paths.
    const id = createHash('sha1').update(JSON.stringify([appOf(parsed), parsed.elements])).digest('hex').slice(0, 16);
    return (this.#source = { xml, parsed, id });
  }

  async elements(options?: CallOptions): Promise<DeviceScreen> {
    const { parsed, id } = await this.#current(options);
    return { app: appOf(parsed), elements: parsed.elements, id };
  }

  async screenshot(options?: CallOptions): Promise<Buffer> {
    return Buffer.from(await this.#call('takeScreenshot', (b) => b.takeScreenshot(), options), 'base64');
  }

  async state(options?: CallOptions): Promise<Record<string, unknown>> {
    if (!this.#tripwire) throw new TripwireError('device-unavailable', 'reading predicate state from this Appium device goes through adb shell commands over the session: leave devices.appium.shell unset (or true) for an emulator behind UiAutomator2');
    return (await this.#call('state', (b) => b.executeScript('mobile: tripwireState', [{}]), options)) as Record<string, unknown>;
  }

  async perform(action: ScreenAction, options: PerformOptions = {}): Promise<DeviceResult> {
    const current = await this.#current(options);
    if (options.screen !== undefined && 'index' in action && options.screen !== current.id) {
      return { ok: false, code: 'stale-screen', error: `${action.action}: the screen has changed since element ${action.index} was chosen; look at the screen again` };
    }
    this.#source = undefined;
    try {
      if (this.#tripwire && options.at) await this.#call('clock', (b) => b.executeScript('mobile: tripwireClock', [{ at: options.at }]), options);
      return await this.#act(action, current.parsed, options);
    } catch (e) {
      const mistake = agentMistake(e);
      if (mistake) return mistake;
      throw e;
    }
  }

  async #act(action: ScreenAction, source: ParsedSource, options: CallOptions): Promise<DeviceResult> {
    const run = (script: string, args: Record<string, unknown>) => this.#call(script, (b) => b.executeScript(script, [args]), options);
    const element = async (index: number) => {
      const node = source.listed[index];
      if (!node) throw Object.assign(new Error(`${action.action}: no element with numeric_tag ${index}: this screen has ${source.listed.length} elements (0-${source.listed.length - 1})`), { name: 'invalid argument' });
      const ref = (await this.#call('findElement', (b) => b.findElement('xpath', node.path), options)) as Record<string, string>;
      // WebdriverIO hands `no such element` back as the value rather than throwing it.
      const id = ref[W3C_ELEMENT] ?? ref.ELEMENT;
      if (!id) throw Object.assign(new Error(`${action.action}: element ${index} is gone from the screen (${ref.message ?? ref.error ?? 'not found'})`), { name: 'stale element reference' });
      return id;
    };
    switch (action.action) {
      case 'tap': await run('mobile: clickGesture', { elementId: await element(action.index) }); break;
      case 'long_tap': await run('mobile: longClickGesture', { elementId: await element(action.index) }); break;
      case 'replace_text': await run('mobile: replaceElementValue', { elementId: await element(action.index), text: action.text }); break;
      case 'append_text': {
        const id = await element(action.index);
        await this.#call('elementSendKeys', (b) => b.elementSendKeys(id, action.text), options);
        break;
      }
      case 'swipe': {
        const [w, h] = [source.width, source.height];
        await run('mobile: swipeGesture', { left: Math.round(w * 0.1), top: Math.round(h * 0.2), width: Math.round(w * 0.8), height: Math.round(h * 0.6), direction: action.direction, percent: 0.75 });
        break;
      }
      case 'button': await run('mobile: pressKey', { keycode: KEYCODE[action.name] }); break;
      case 'enter': await run('mobile: pressKey', { keycode: 66 }); break;
      case 'no_op':
        await this.#call('performActions', (b) => b.performActions([{ type: 'pointer', id: 'finger', parameters: { pointerType: 'touch' }, actions: [{ type: 'pause', duration: 0 }] }]), options);
        break;
      case 'open_app': {
        const app = APPS.find((a) => a.label.toLowerCase() === action.name.trim().toLowerCase() || a.package === action.name);
        if (!app) return { ok: false, code: 'invalid-arguments', error: `open_app: no app named "${action.name}" is installed` };
        await run('mobile: activateApp', { appId: app.package });
        break;
      }
      default:
        return { ok: false, code: 'invalid-arguments', error: `unknown screen action ${JSON.stringify((action as { action: unknown }).action)}` };
    }
    return { ok: true };
  }

  async close(): Promise<void> {
    const browser = this.#browser;
    this.#browser = undefined;
    if (!browser) return;
    if (this.#options.pool && this.#tripwire && !this.#broken) this.#options.pool.give(browser);
    else await browser.deleteSession().catch(() => {});
  }
}
