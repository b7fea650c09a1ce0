import { BaseDriver, errors } from 'appium/driver.js';
import { episodeHost, type HostedEpisode } from '../episodes/host.ts';
import { AdbShell, ShellFailure } from '../shell/adbShell.ts';
import { BareDevice } from './bare.ts';
import { episodeRequest } from './capabilities.ts';
import * as app from './commands/app.ts';
import * as device from './commands/device.ts';
import * as tripwire from './commands/episode.ts';
import { clickGesture, mobileScroll, performActions, scrollGesture, swipeGesture } from './commands/gestures.ts';
import * as keys from './commands/keys.ts';
import { EXECUTE_METHOD_MAP } from './commands/mobile.ts';
import { LOCATOR_STRATEGIES } from './locators.ts';
import { PhoneSession, refId } from './session.ts';

const NEW_METHOD_MAP = {
  '/session/:sessionId/appium/app/background': { POST: { command: 'background', payloadParams: { required: ['seconds'] } } },
  '/session/:sessionId/appium/device/press_keycode': { POST: { command: 'pressKeyCode', payloadParams: { required: ['keycode'], optional: ['metastate', 'flags'] } } },
  '/session/:sessionId/appium/device/long_press_keycode': { POST: { command: 'longPressKeyCode', payloadParams: { required: ['keycode'], optional: ['metastate', 'flags'] } } },
  '/session/:sessionId/appium/device/current_activity': { GET: { command: 'getCurrentActivity' } },
  '/session/:sessionId/appium/device/current_package': { GET: { command: 'getCurrentPackage' } },
  '/session/:sessionId/appium/device/display_density': { GET: { command: 'getDisplayDensity' } },
  '/session/:sessionId/element/:elementId/location': { GET: { command: 'getLocation' } },
  '/session/:sessionId/element/:elementId/location_in_view': { GET: { command: 'getLocationInView' } },
  '/session/:sessionId/element/:elementId/size': { GET: { command: 'getSize' } },
  '/session/:sessionId/appium/element/:elementId/value': { POST: { command: 'setValueImmediate', payloadParams: { required: ['text'] } } },
  '/session/:sessionId/appium/element/:elementId/replace_value': { POST: { command: 'replaceValue', payloadParams: { required: ['text'] } } },
} as const;

const CONSTRAINTS = {
  platformName: { presence: true, isString: true, inclusionCaseInsensitive: ['Android'] },
  automationName: { isString: true, inclusionCaseInsensitive: ['Tripwire'] },
} as const;

/**
 * Tripwire's Appium 3 driver: the virtual phone behind UiAutomator2's commands. A session with
 * `tripwire:scenario` is one graded episode of the run that started the server; its acting commands
 * become screen actions through the agent channel, its reads are traced.
 */
export class TripwireDriver extends BaseDriver<typeof CONSTRAINTS> {
  static executeMethodMap = EXECUTE_METHOD_MAP;
  /** Routes UiAutomator2 adds (appium-android-driver's method map) that the phone answers. */
  static newMethodMap = NEW_METHOD_MAP;
  readonly desiredCapConstraints = CONSTRAINTS;
  locatorStrategies = [...LOCATOR_STRATEGIES];
  phone?: PhoneSession;
  episode?: HostedEpisode;
  #device?: BareDevice;
  #shell?: AdbShell;

  override async createSession(...args: any[]): Promise<any> {
    const [sessionId, caps] = (await super.createSession(...(args as [any]))) as [string, Record<string, unknown>];
    const raw = { ...caps, ...((args[0] as any)?.alwaysMatch ?? {}), ...(((args[0] as any)?.firstMatch ?? [])[0] ?? {}) } as Record<string, unknown>;
    // The server this driver runs in, by its APPIUM_HOME (Appium gives drivers its own arguments).
    const host = episodeHost((this.opts as { appiumHome?: unknown }).appiumHome);
    try {
      const request = episodeRequest(raw);
      if (request) {
        if (!host) throw new errors.SessionNotCreatedError('this Appium server does not hold a Tripwire run: start it with `tripwire appium`');
        this.episode = await host.open(request, sessionId);
        this.phone = new PhoneSession(this.episode.backend);
        // A session left open when its episode is over is closed, so no idle timer keeps the process up.
        this.episode.onEpisodeEnd?.(() => void this.startUnexpectedShutdown(new errors.NoSuchDriverError('the episode has ended')).catch(() => {}));
      } else if (host?.episodesOnly) {
        throw new errors.SessionNotCreatedError(host.bareRefusal ?? 'this Appium server serves Tripwire episodes only: send the capabilities given in TRIPWIRE_APPIUM_CAPABILITIES');
      } else {
        this.#device = new BareDevice();
        this.phone = new PhoneSession(this.#device);
      }
    } catch (e) {
      await super.deleteSession(sessionId);
      throw e instanceof errors.SessionNotCreatedError ? e : new errors.SessionNotCreatedError((e as Error).message);
    }
    return [sessionId, caps];
  }

  override async deleteSession(sessionId?: string | null): Promise<void> {
    const episode = this.episode;
    this.episode = undefined;
    try {
      await episode?.end(this.shutdownUnexpectedly ? { deleted: false, reason: 'the session timed out waiting for a command (newCommandTimeout)' } : { deleted: true });
      await this.#device?.close();
    } finally {
      this.phone = undefined;
      this.#device = undefined;
      this.#shell = undefined;
      await super.deleteSession(sessionId);
    }
  }

  /** Every command but the shell's own sees the phone with all that the shell wrote. */
  override async executeCommand(cmd: string, ...args: any[]): Promise<any> {
    const shellScript = cmd === 'execute' && /^mobile:\s*(shell|execEmuConsoleCommand)$/.test(String(args[0]));
    if (!shellScript) await this.#shell?.flush();
    return super.executeCommand(cmd, ...args);
  }

  get session(): PhoneSession {
    if (!this.phone) throw new errors.NoSuchDriverError('no session');
    return this.phone;
  }

  /**
   * A find that finds nothing waits out the implicit wait, as UiAutomator2's does; the phone changes
   * only when the client acts, so the screen is looked at again only if it changed meanwhile.
   */
  override async findElOrEls(strategy: string, selector: string, mult: boolean, context?: string): Promise<any> {
    const screen = (await this.session.snapshot()).screen;
    try {
      const found = await this.session.find(strategy, selector, mult, context);
      if (!mult || (found as unknown[]).length || !this.implicitWaitMs) return found;
    } catch (e) {
      if (!(e instanceof errors.NoSuchElementError) || !this.implicitWaitMs) throw e;
    }
    await new Promise((r) => setTimeout(r, Math.min(this.implicitWaitMs, 60_000)));
    if ((await this.session.snapshot()).screen === screen && !mult) throw new errors.NoSuchElementError(`no element found by ${strategy} ${JSON.stringify(selector)} within the implicit wait (${this.implicitWaitMs} ms)`);
    return this.session.find(strategy, selector, mult, context);
  }

  override async getPageSource(): Promise<string> {
    // UiAutomator2's enableMultiWindows setting: every window (status bar, navigation bar) instead of the active one.
    const xml = await this.session.backend.device.pageSource({ allWindows: Boolean((await this.getSettings()).enableMultiWindows) } as object);
    this.session.backend.read('getPageSource');
    return xml;
  }

  async getScreenshot(): Promise<string> {
    const png = await this.session.backend.device.screenshot();
    this.session.backend.read('getScreenshot');
    return png.toString('base64');
  }

  async getWindowRect() {
    const { source } = await this.session.snapshot();
    return { x: 0, y: 0, width: source.width, height: source.height };
  }

  async getWindowSize() {
    const { width, height } = await this.getWindowRect();
    return { width, height };
  }

  async click(elementId: string) { return this.session.click(elementId); }
  async clear(elementId: string) { return this.session.clear(elementId); }
  async setValue(text: string | string[], elementId: string) { return this.session.setValue(text, elementId); }
  async replaceValue(text: string | string[], elementId: string) { return this.session.setValue(text, elementId, true); }
  async getText(elementId: string) { return (await this.session.node(elementId)).node.text; }
  async getName(elementId: string) { return (await this.session.node(elementId)).node.class; }
  async getAttribute(name: string, elementId: string) { return this.session.attribute(name, elementId); }
  async getProperty(name: string, elementId: string) { return this.session.attribute(name, elementId); }
  async getElementRect(elementId: string) { return this.session.rect(elementId); }
  async elementDisplayed(elementId: string) { return (await this.session.node(elementId)).node.displayed; }
  async elementEnabled(elementId: string) { return (await this.session.node(elementId)).node.enabled; }
  async elementSelected(elementId: string) {
    const { node } = await this.session.node(elementId);
    return node.selected || node.checked;
  }
  async getLocation(elementId: string) {
    const { x, y } = await this.session.rect(elementId);
    return { x, y };
  }
  async getLocationInView(elementId: string) { return this.getLocation(elementId); }
  async getSize(elementId: string) {
    const { width, height } = await this.session.rect(elementId);
    return { width, height };
  }
  async setValueImmediate(text: string | string[], elementId: string) { return this.session.setValue(text, elementId); }
  async performActions(actions: unknown) { return performActions(this.session, actions); }
  async releaseActions() {}
  async back() { return this.session.act({ action: 'button', name: 'BACK' }, 'back'); }

  // Appium's device routes, as UiAutomator2 answers them (docs/appium.md has the table).
  async activateApp(appId: string) { return app.activateApp(this.session, appId); }
  async terminateApp(appId: string) { return app.terminateApp(this.session, appId); }
  async queryAppState(appId: string) { return app.queryAppState(this.session, appId); }
  async isAppInstalled(appId: string) { return app.isAppInstalled(this.session, appId); }
  async background(seconds: unknown) { return app.background(this.session, seconds); }
  async getContexts() { return [device.NATIVE]; }
  async getCurrentContext() { return device.NATIVE; }
  async setContext(name: unknown) { return device.setContext(name); }
  async getOrientation() { return 'PORTRAIT'; }
  async setOrientation(orientation: unknown) { return device.setOrientation(orientation); }
  async isKeyboardShown() { return device.keyboardShown(this.session); }
  /** The keyboard goes down with no step taken: the phone draws none, and a field keeps its focus. */
  async hideKeyboard() { return device.keyboardShown(this.session); }
  /** GET gives no format, and Appium passes the session id in its place. */
  async getDeviceTime(format?: unknown) { return device.deviceTime(this.session, format === this.sessionId ? undefined : format); }
  async pressKeyCode(keycode: unknown) { return keys.pressKey(this.session, keycode); }
  async longPressKeyCode(keycode: unknown) { return keys.pressKey(this.session, keycode); }
  async getCurrentPackage() { return app.currentPackage(this.session); }
  async getCurrentActivity() { return app.currentActivity(this.session); }
  async getDisplayDensity() { return 420; }

  async execute(script: string, args: unknown[]): Promise<unknown> {
    const name = script.replace(/^mobile:\s*/, '');
    if (name === script) throw new errors.UnsupportedOperationError('the phone runs no JavaScript: only `mobile:` commands can be executed');
    if ((name === 'shell' || name === 'execEmuConsoleCommand') && this.episode) {
      throw new errors.UnsupportedOperationError(`mobile: ${name} is refused: an agent under test gets no shell and no way out of its world`);
    }
    return this.executeMethod(`mobile: ${name}`, args);
  }

  // mobile: commands, named in EXECUTE_METHOD_MAP.
  async mobileClickGesture(elementId?: unknown, x?: number, y?: number) { return clickGesture(this.session, { elementId: refId(elementId), x, y }, false); }
  async mobileLongClickGesture(elementId?: unknown, x?: number, y?: number) { return clickGesture(this.session, { elementId: refId(elementId), x, y }, true); }
  async mobileScroll(strategy: unknown, selector: unknown, elementId?: unknown, maxSwipes?: unknown) { return mobileScroll(this.session, { strategy, selector, elementId, maxSwipes }); }
  async mobileIsAppInstalled(appId: string) { return app.isAppInstalled(this.session, appId); }
  async mobileBackgroundApp(seconds?: unknown) { return app.background(this.session, seconds ?? -1); }
  async mobileGetContexts() { return [device.NATIVE]; }
  async mobileHideKeyboard() { return device.keyboardShown(this.session); }
  async mobileIsKeyboardShown() { return device.keyboardShown(this.session); }
  async mobileGetDeviceTime(format?: unknown) { return device.deviceTime(this.session, format); }
  async mobileGetDisplayDensity() { return 420; }
  async mobileSwipeGesture(...a: unknown[]) { return swipeGesture(this.session, a); }
  async mobileScrollGesture(...a: unknown[]) { return scrollGesture(this.session, a); }
  async mobileType(text: unknown) { return keys.type(this.session, text); }
  async mobileReplaceElementValue(elementId: unknown, text: unknown) { return this.session.setValue(text, refId(elementId), true); }
  async mobilePressKey(keycode: unknown) { return keys.pressKey(this.session, keycode); }
  async mobileActivateApp(appId: unknown) { return app.activateApp(this.session, appId); }
  async mobileTerminateApp(appId: unknown) { return app.terminateApp(this.session, appId); }
  async mobileQueryAppState(appId: unknown) { return app.queryAppState(this.session, appId); }
  async mobileGetCurrentPackage() { return app.currentPackage(this.session); }
  async mobileGetCurrentActivity() { return app.currentActivity(this.session); }
  async mobileDeviceInfo() { return device.deviceInfo(this.session); }
  async mobileFinish(answer?: unknown) { return tripwire.end(this.session, 'finish', answer); }
  async mobileRefuse(reason?: unknown) { return tripwire.end(this.session, 'refuse', reason); }
  async mobileAskUser(question?: unknown) { return tripwire.end(this.session, 'ask', question); }
  async mobileTripwireState() { return tripwire.tripwireState(this.session); }
  async mobileTripwireReset(seed?: unknown, at?: unknown) { return tripwire.tripwireReset(this.session, seed, at); }
  async mobileTripwireClock(at?: unknown) { return tripwire.tripwireClock(this.session, at); }

  /**
   * UiAutomator2's `mobile: shell` and `mobile: execEmuConsoleCommand` on a device session, behind the
   * same insecure features (`tripwire:adb_shell`, `tripwire:emulator_console`): the virtual phone
   * answers an emulator's seeding and state commands as an emulator would.
   */
  async mobileShell(command: unknown, args?: unknown, _timeout?: unknown, includeStderr?: unknown) {
    this.assertFeatureEnabled('adb_shell');
    if (typeof command !== 'string') throw new errors.InvalidArgumentError(`The 'command' argument is mandatory`);
    const list = args === undefined ? [] : Array.isArray(args) ? args.map(String) : [String(args)];
    const stdout = await this.#adbShell(`the '${command}' shell command`, (shell) => shell.shell(command, list));
    return includeStderr ? { stdout, stderr: '' } : stdout;
  }

  async mobileExecEmuConsoleCommand(command: unknown) {
    this.assertFeatureEnabled('emulator_console');
    if (typeof command !== 'string' || !command) throw new errors.InvalidArgumentError(`The 'command' argument is mandatory`);
    return this.#adbShell(`the '${command}' console command`, (shell) => shell.console(command));
  }

  async #adbShell(what: string, run: (shell: AdbShell) => Promise<string>): Promise<string> {
    if (!this.#device) throw new errors.UnsupportedOperationError('an episode session has no shell');
    this.#shell ??= new AdbShell(this.#device);
    try {
      return await run(this.#shell);
    } catch (e) {
      if (e instanceof ShellFailure) throw new errors.UnknownError(`Cannot execute ${what}. Original error: ${e.message}`);
      throw e;
    }
  }
}
