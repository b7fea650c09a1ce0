import { errors } from 'appium/driver.js';
import { hitTest } from '../../shell/source.ts';
import { ELEMENT_KEY, type PhoneSession } from '../session.ts';

/** A touch shorter than this is a tap; longer, a long press (Android's long-press timeout). */
const LONG_PRESS_MS = 500;
/** A finger that moves farther than this is a swipe. */
const SWIPE_PX = 48;

type Direction = 'up' | 'down' | 'left' | 'right';

interface Gesture {
  from: [number, number];
  to: [number, number];
  ms: number;
}

const elementOf = (origin: unknown): string | undefined =>
  typeof origin === 'object' && origin !== null ? ((origin as Record<string, string>)[ELEMENT_KEY] ?? (origin as Record<string, string>).ELEMENT) : undefined;

/**
 * W3C pointer actions as touches: each down...up of a pointer is one gesture, classified by how far
 * and how long the finger went (tap, long press, swipe) and hit-tested against the element bounds.
 */
export async function performActions(session: PhoneSession, sequences: unknown): Promise<void> {
  if (!Array.isArray(sequences)) throw new errors.InvalidArgumentError('actions must be an array of input sources');
  const gestures: Gesture[] = [];
  for (const seq of sequences as Record<string, unknown>[]) {
    if (seq?.type === 'none') continue;
    if (seq?.type === 'key') {
      // Selenium's ActionChains sends a key source of pauses beside every pointer source: W3C allows it, nothing is typed.
      if (Array.isArray(seq.actions) && seq.actions.every((a: Record<string, unknown>) => a?.type === 'pause')) continue;
      throw new errors.UnsupportedOperationError('key actions are not supported on the phone: use element setValue, mobile: type or mobile: pressKey');
    }
    if (seq?.type !== 'pointer') throw new errors.InvalidArgumentError(`unknown input source type ${JSON.stringify(seq?.type)}`);
    if (!Array.isArray(seq.actions)) throw new errors.InvalidArgumentError('a pointer source needs an actions array');
    let x = 0;
    let y = 0;
    let down: { at: [number, number]; ms: number } | undefined;
    for (const a of seq.actions as Record<string, unknown>[]) {
      const num = (v: unknown, name: string) => {
        if (v === undefined) return 0;
        if (typeof v !== 'number' || !Number.isFinite(v)) throw new errors.InvalidArgumentError(`${a.type}: ${name} must be a number`);
        return v;
      };
      switch (a?.type) {
        case 'pointerMove': {
          const dx = num(a.x, 'x');
          const dy = num(a.y, 'y');
          const el = elementOf(a.origin);
          if (el) {
            const r = await session.rect(el);
            [x, y] = [r.x + r.width / 2 + dx, r.y + r.height / 2 + dy];
          } else if (a.origin === 'pointer') [x, y] = [x + dx, y + dy];
          else [x, y] = [dx, dy];
          if (down) down.ms += num(a.duration, 'duration');
          break;
        }
        case 'pointerDown':
          down = { at: [x, y], ms: 0 };
          break;
        case 'pause':
          if (down) down.ms += num(a.duration, 'duration');
          break;
        case 'pointerUp':
          if (!down) throw new errors.InvalidArgumentError('pointerUp without pointerDown');
          gestures.push({ from: down.at, to: [x, y], ms: down.ms });
          down = undefined;
          break;
        case 'pointerCancel':
          down = undefined;
          break;
        default:
          throw new errors.InvalidArgumentError(`unknown pointer action ${JSON.stringify(a?.type)}`);
      }
    }
  }
  for (const g of gestures) await perform(session, g);
}

async function perform(session: PhoneSession, g: Gesture): Promise<void> {
  const [dx, dy] = [g.to[0] - g.from[0], g.to[1] - g.from[1]];
  const raw = `W3C actions: touch (${Math.round(g.from[0])},${Math.round(g.from[1])}) -> (${Math.round(g.to[0])},${Math.round(g.to[1])}) in ${g.ms} ms`;
  if (Math.hypot(dx, dy) >= SWIPE_PX) {
    const direction: Direction = Math.abs(dx) > Math.abs(dy) ? (dx < 0 ? 'left' : 'right') : dy < 0 ? 'up' : 'down';
    return session.act({ action: 'swipe', direction }, raw);
  }
  await touch(session, g.from[0], g.from[1], g.ms >= LONG_PRESS_MS, raw);
}

/** A touch at a point: the element under it, or a touch on nothing (the step passes, nothing happens). */
export async function touch(session: PhoneSession, x: number, y: number, long: boolean, raw: string): Promise<void> {
  const { source } = await session.snapshot();
  const hit = hitTest(source, x, y);
  if (!hit) return session.act({ action: 'no_op' }, `${raw} (nothing there)`);
  await session.act({ action: long ? 'long_tap' : 'tap', index: hit.tag! }, raw);
}

const DIRECTIONS = new Set(['up', 'down', 'left', 'right']);
const OPPOSITE: Record<Direction, Direction> = { up: 'down', down: 'up', left: 'right', right: 'left' };

export function direction(value: unknown, command: string): Direction {
  if (typeof value !== 'string' || !DIRECTIONS.has(value.toLowerCase())) throw new errors.InvalidArgumentError(`${command}: direction must be one of up, down, left, right`);
  return value.toLowerCase() as Direction;
}

/** `scrollGesture` names where the content goes; the finger moves the other way (a swipe up scrolls down). */
export const fingerFor = (scroll: Direction): Direction => OPPOSITE[scroll];

/** `clickGesture`/`longClickGesture`: on an element, or at a point. */
export async function clickGesture(session: PhoneSession, opts: { elementId?: unknown; x?: unknown; y?: unknown }, long: boolean): Promise<void> {
  if (opts.elementId !== undefined) return session.click(opts.elementId, long);
  const { x, y } = opts;
  if (typeof x !== 'number' || typeof y !== 'number') throw new errors.InvalidArgumentError(`${long ? 'longClickGesture' : 'clickGesture'} needs elementId, or x and y`);
  await touch(session, x, y, long, `mobile: ${long ? 'longClickGesture' : 'clickGesture'} (${x},${y})`);
}

/** swipeGesture: the direction the finger moves (a swipe up scrolls the page down). */
export async function swipeGesture(session: PhoneSession, [, , , , , dir]: unknown[]): Promise<void> {
  await session.act({ action: 'swipe', direction: direction(dir, 'swipeGesture') }, `mobile: swipeGesture ${String(dir)}`);
}

/** scrollGesture: the direction the content scrolls. UiAutomator2 answers whether more can be scrolled. */
export async function scrollGesture(session: PhoneSession, [, , , , , dir]: unknown[]): Promise<boolean> {
  await session.act({ action: 'swipe', direction: fingerFor(direction(dir, 'scrollGesture')) }, `mobile: scrollGesture ${String(dir)}`);
  return true;
}

/** `mobile: scroll` {strategy, selector, maxSwipes}: scrolls until an element found so shows. */
export async function mobileScroll(session: PhoneSession, opts: { strategy?: unknown; selector?: unknown; maxSwipes?: unknown; elementId?: unknown }): Promise<void> {
  if (typeof opts.strategy !== 'string' || typeof opts.selector !== 'string') throw new errors.InvalidArgumentError('mobile: scroll needs strategy and selector');
  const max = typeof opts.maxSwipes === 'number' ? Math.max(0, Math.min(opts.maxSwipes, 30)) : 30;
  const found = await session.scrollUntil(() => session.locate(opts.strategy as string, opts.selector as string), max, 'up', `mobile: scroll to ${opts.strategy} ${JSON.stringify(opts.selector)}`);
  if (!found.length) throw new errors.NoSuchElementError(`mobile: scroll: no element found by ${opts.strategy} ${JSON.stringify(opts.selector)} after scrolling`);
}
