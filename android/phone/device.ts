// The world and its clock, so the phone runs exactly as it does in an episode.
import { createClock, World, type Clock, type Device, type Element, type ScreenAction } from '../../src/public/index.ts';
import type { PhoneContext } from './context.ts';
import { elementList } from './elements.ts';
import phone, { apps } from './index.ts';
import { pageSource } from './pageSource.ts';
import { renderPhoneHtml } from './render.ts';
import { composeScreen, type Screen } from './screen.ts';
import { holdScreenshots, releaseScreenshots, screenshotHtml, type ScreenshotOptions } from './screenshot.ts';

export interface VirtualPhoneOptions {
  /** The world clock's start (a scenario's `start`). */
  start?: string;
  /** How far the clock moves per action, as in an episode (a minute). */
  stepMs?: number;
  screenshot?: ScreenshotOptions;
}

const ACTIONS = new Set(phone.tools.map((t) => t.name));
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
    this.#clock = createClock(this.#options.start ?? DEFAULT_START, this.#options.stepMs);
    this.#world = new World([phone], { phone: { ...(parsed.data as object), start: this.#clock.now() } }, this.#clock);
    this.#screen = undefined;
  }

  /** Back to the seed's state: a fresh world, clock and screen. A seed that fails the phone's schema throws. */
  async reset(seed: unknown): Promise<void> {
    this.#load(seed);
  }

  /** The phone's context right now (what predicates read as `phone`). */
  get context(): PhoneContext {
    return this.#world.state().phone as PhoneContext;
  }

  /** The laid-out screen, composed once per state. */
  screen(): Screen {
    const ctx = this.context;
    if (this.#screen?.ctx !== ctx) this.#screen = { ctx, screen: composeScreen(ctx, apps) };
    return this.#screen.screen;
  }

  async perform(action: ScreenAction): Promise<{ ok: true } | { ok: false; error: string }> {
    return this.performSync(action);
  }

  /** perform() without the promise: an invalid action is an error result, never a throw. */
  performSync(action: unknown): { ok: true } | { ok: false; error: string } {
    if (typeof action !== 'object' || action === null || Array.isArray(action)) {
      return { ok: false, error: `not a screen action: expected an object like { "action": "tap", "index": 3 }, got ${describe(action)}` };
    }
    const { action: name, ...args } = action as Record<string, unknown>;
    if (typeof name !== 'string' || !ACTIONS.has(name)) {
      return { ok: false, error: `unknown screen action ${describe(name)}; one of: ${[...ACTIONS].join(', ')}` };
    }
    this.#clock.advance();
    const outcome = this.#world.apply({ type: 'tool', tool: name, args });
    return outcome.ok ? { ok: true } : { ok: false, error: `${name}: ${outcome.message}` };
  }

  async pageSource(): Promise<string> {
    return pageSource(this.screen().root);
  }

  async elements(): Promise<{ app: string; elements: Element[] }> {
    const s = this.screen();
    return { app: s.title, elements: elementList(s.nodes) };
  }

  /** The screen as one self-contained HTML document (what screenshot() draws; the viewer can show it as is). */
  html(): string {
    const s = this.screen();
    return renderPhoneHtml(s.root, { nodes: s.nodes, title: s.title });
  }

  async screenshot(): Promise<Buffer> {
    holdScreenshots(this);
    return screenshotHtml(this.html(), this.#options.screenshot);
  }

  async state(): Promise<Record<string, unknown>> {
    return structuredClone(this.context) as unknown as Record<string, unknown>;
  }

  /** Lets the shared browser close once no phone that took a screenshot is open. */
  async close(): Promise<void> {
    await releaseScreenshots(this);
  }
}

function describe(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 80 ? `${s.slice(0, 80)}…` : s;
}
