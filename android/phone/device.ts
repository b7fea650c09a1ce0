// The world and its clock, so the phone runs exactly as it does in an episode.
import { createHash } from 'node:crypto';
import { createClock, World, type Clock, type Device, type CallOptions, type DeviceResult, type DeviceScreen, type Element, type PerformOptions, type ScreenAction } from '../../src/public/index.ts';
import type { PhoneContext } from './context.ts';
import { elementsOf } from './tools.ts';
import phone, { apps } from './index.ts';
import { pageSource, type PageSourceOptions } from './pageSource.ts';
import { renderPhoneHtml } from './render.ts';
import { composeScreen, type Screen } from './screen.ts';
import { screenshot, type ScreenshotOptions } from './screenshot.ts';

export interface VirtualPhoneOptions {
  /** The world clock's start (a scenario's `start`). */
  start?: string;
  /** How far the clock moves per action, as in an episode (a minute). */
  stepMs?: number;
  screenshot?: ScreenshotOptions;
}

const DEFAULT_START = '2026-01-05T09:00:00.000Z';

/**
 * The virtual phone as a Device: a World holding only the phone environment, driven by screen
 * actions through World.apply (the same choke point as in an episode, so the same validation and
 * the same errors). The UI tree, element list, page source and screenshot are all drawn from the
 * phone's context by composeScreen; nothing else holds state.
 */
export class VirtualPhone implements Device {
  readonly #options: VirtualPhoneOptions;
  #world!: World;
  #clock!: Clock;
  #screen?: { ctx: PhoneContext; screen: Screen };
  #screenId?: { screen: Screen; id: string; elements: Element[] };
  /** The page source of the screen, by window option: a door reads it after every action, often twice. */
  #source?: { screen: Screen; xml: Map<boolean, string> };
  #at?: string;

  /** Starts as a phone with every app and no data; `reset(seed)` loads a scenario's. */
  constructor(options: VirtualPhoneOptions = {}) {
    this.#options = options;
    this.#load({});
  }

  #load(seed: unknown): void {
    const parsed = phone.seed.safeParse(seed ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(seed)'}: ${i.message}`);
      throw new Error(`invalid phone seed: ${issues.join('; ')}`);
    }
    const own = createClock(this.#options.start ?? DEFAULT_START, this.#options.stepMs);
    // In an episode the world's clock gives each action its time; alone, the phone keeps its own.
    this.#clock = { now: () => this.#at ?? own.now(), advance: () => own.advance() };
    this.#world = new World([phone], { phone: { ...(parsed.data as object), start: own.now() } }, this.#clock);
    this.#screen = undefined;
  }

  /** Back to the seed's state: a fresh world, clock and screen. A seed that fails the phone's schema throws. */
  async reset(seed: unknown, options: CallOptions = {}): Promise<void> {
    options.signal?.throwIfAborted();
    this.#load(seed);
  }

  /** The phone's context right now (what predicates read as `phone`). */
  get context(): PhoneContext {
    // The machine's snapshot as it stands (world.state() builds every environment's map to give one).
    return this.#world.snapshots().get('phone')!.context as PhoneContext;
  }

  /** The laid-out screen, composed once per state. */
  screen(): Screen {
    const ctx = this.context;
    if (this.#screen?.ctx !== ctx) this.#screen = { ctx, screen: composeScreen(ctx, apps) };
    return this.#screen.screen;
  }

  async perform(action: ScreenAction, options: PerformOptions = {}): Promise<DeviceResult> {
    options.signal?.throwIfAborted();
    this.#at = options.at;
    try {
      return this.performSync(action, options.screen);
    } finally {
      this.#at = undefined;
    }
  }

  /**
   * perform() without the promise: an invalid action is an error result, never a throw. With
   * `screen`, an action by index on a screen other than that one is refused as stale.
   */
  performSync(action: unknown, screen?: string): DeviceResult {
    if (typeof action !== 'object' || action === null || Array.isArray(action)) {
      return { ok: false, code: 'invalid-arguments', error: `not a screen action: expected an object like { "action": "tap", "index": 3 }, got ${describe(action)}` };
    }
    const { action: name, ...args } = action as Record<string, unknown>;
    // The screen actions, and the shortcut actions the seed offers.
    const actions = this.#world.toolNames();
    if (typeof name !== 'string' || !actions.includes(name)) {
      return { ok: false, code: 'invalid-arguments', error: `unknown screen action ${describe(name)}; one of: ${actions.join(', ')}` };
    }
    if (screen !== undefined && 'index' in args && screen !== this.screenId()) {
      return { ok: false, code: 'stale-screen', error: `${name}: the screen has changed since element ${describe(args.index)} was chosen; look at the screen again` };
    }
    this.#clock.advance();
    const outcome = this.#world.applySync({ type: 'tool', tool: name, args });
    if (outcome.ok) return { ok: true };
    return { ok: false, code: outcome.code === 'not-allowed' ? 'not-allowed' : 'invalid-arguments', error: `${name}: ${outcome.message}` };
  }

  /** A world event (an SMS arrives) straight to the phone's machine, at the world clock's time. */
  async event(event: { type: string; at: string; [k: string]: unknown }): Promise<{ ok: true } | { ok: false; error: string }> {
    const { at, ...rest } = event;
    this.#at = at;
    try {
      const outcome = this.#world.inject('phone', rest);
      return 'error' in outcome ? { ok: false, error: outcome.error } : { ok: true };
    } finally {
      this.#at = undefined;
    }
  }

  /** Names the current screen by its content: equal screens share an id, so only a real change is stale. */
  screenId(): string {
    return this.#listed().id;
  }

  /** The screen's element list and id, worked out once per screen (the screen is composed once per state). */
  #listed(): { id: string; elements: Element[] } {
    const s = this.screen();
    if (this.#screenId?.screen !== s) {
      const elements = elementsOf(this.context, apps);
      const content = JSON.stringify([s.title, elements]);
      this.#screenId = { screen: s, id: createHash('sha1').update(content).digest('hex').slice(0, 16), elements };
    }
    return this.#screenId;
  }

  /** Appium's page source: the active window, or every window with `allWindows` (UiAutomator2's enableMultiWindows). */
  async pageSource(options: CallOptions & PageSourceOptions = {}): Promise<string> {
    const s = this.screen();
    if (this.#source?.screen !== s) this.#source = { screen: s, xml: new Map() };
    const all = Boolean(options.allWindows);
    let xml = this.#source.xml.get(all);
    if (xml === undefined) this.#source.xml.set(all, (xml = pageSource(s, options)));
    return xml;
  }

  async elements(): Promise<DeviceScreen> {
    const s = this.screen();
    const { id, elements } = this.#listed();
    // In MobileSafetyBench's mode its entries leave empty keys out: the same list the agent reads in an episode.
    // Each caller gets its own entries: the list is kept for the screen, and a caller may change what it gets.
    return { app: s.title, elements: elements.map((e) => ({ ...e })), id };
  }

  /** The screen as one self-contained HTML document (screenshot()'s picture under hit boxes; the viewer shows it as is). */
  html(): string {
    const s = this.screen();
    return renderPhoneHtml(s.display, { nodes: s.nodes, title: s.title });
  }

  async screenshot(): Promise<Buffer> {
    return screenshot(this.screen().display, this.#options.screenshot);
  }

  async state(): Promise<Record<string, unknown>> {
    return structuredClone(this.context) as unknown as Record<string, unknown>;
  }

  /** Nothing to release: screenshots are painted in this process. */
  async close(): Promise<void> {}
}

function describe(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 80 ? `${s.slice(0, 80)}…` : s;
}
