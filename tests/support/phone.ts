import type { BundledAppId } from '../../android/phone/apps/index.ts';
import type { PhoneContext } from '../../android/phone/context.ts';
import { apps } from '../../android/phone/index.ts';
import { appAccepts } from '../../android/phone/os.ts';
import { composeScreen } from '../../android/phone/screen.ts';
import type { PhoneObservation } from '../../android/phone/tools.ts';
import { createClock } from '../../src/engine/clock.ts';
import { discoverEnvironments } from '../../src/scenario/discover.ts';
import type { Element } from '../../src/public/index.ts';
import { World, type Outcome } from '../../src/engine/world.ts';

export const environments = await discoverEnvironments();
export const phoneEnv = environments.get('phone')!;

/** What identifies an element on screen: its text, or the end of its resource id (`send`), or its content description. */
export type Target = string | { text?: string; id?: string; desc?: string; nth?: number };

function matches(e: Element, t: Exclude<Target, string>): boolean {
  return (t.text === undefined || e.text === t.text)
    && (t.id === undefined || e.resource_id === t.id || e.resource_id.endsWith(`:id/${t.id}`))
    && (t.desc === undefined || e.content_description === t.desc);
}

/**
 * The app events the current screen offers (taps, long taps, enter) that no transition of its app's
 * current state handles. A guarded transition counts as handled: a guard saying no (Send with an
 * empty message) is a deliberate ignore.
 */
export function unhandledEvents(ctx: PhoneContext): string[] {
  if (ctx.surface !== 'app' || !ctx.foreground) return [];
  const app = apps.get(ctx.foreground)!;
  const snapshot = app.machine.resolveState({ value: ctx.screens[app.id]!, context: ctx.apps[app.id] }) as unknown as { _nodes: { ownEvents: string[] }[] };
  const known = new Set(snapshot._nodes.flatMap((n) => n.ownEvents));
  const offered = composeScreen(ctx, apps).nodes.flatMap((n) => [n.onTap, n.onLongTap, n.onEnter]);
  return [...new Set(offered.filter((e) => e && !e.type.startsWith('os.') && !known.has(e.type) && !appAccepts(ctx, apps, e)).map((e) => e!.type))];
}

export interface DriveOptions {
  start?: string;
  /** Fail an action whose new screen offers an event its app does not handle (default true). */
  strict?: boolean;
}

/**
 * Drives the whole phone through World.apply, as an agent does: read the element list, find an
 * element by what it says (or its resource id), act on its numeric_tag. The clock advances a
 * minute per action, as the episode's does.
 */
export function drivePhone(seed: unknown = {}, { start = '2026-01-05T09:00:00.000Z', strict = true }: DriveOptions = {}) {
  const clock = createClock(start);
  const world = new World([phoneEnv], { phone: phoneEnv.seed.parse(seed) }, clock);
  let observation = world.views()[0]!.content as PhoneObservation;
  const state = () => world.state().phone as PhoneContext;

  /** Applies a screen action; returns the outcome (errors are returned, not thrown). */
  function act(tool: string, args: Record<string, unknown> = {}): Outcome {
    const out = world.applySync({ type: 'tool', tool, args });
    if (out.ok && out.kind === 'tool') observation = out.observation as PhoneObservation;
    clock.advance();
    return out;
  }

  /** An action that must succeed. */
  function ok(tool: string, args: Record<string, unknown> = {}): PhoneObservation {
    const out = act(tool, args);
    if (!out.ok) throw new Error(`${tool}(${JSON.stringify(args)}) failed: ${out.message}`);
    const dead = strict ? unhandledEvents(state()) : [];
    if (dead.length) throw new Error(`screen ${JSON.stringify(state().screens[state().foreground!])} of ${state().foreground} offers events its machine does not handle: ${dead.join(', ')}`);
    return observation;
  }

  const all = (t: Target): Element[] => {
    const want = typeof t === 'string' ? undefined : t;
    return observation.elements.filter((e) => (want ? matches(e, want) : e.text === t || e.resource_id === t || e.resource_id.endsWith(`:id/${t}`) || e.content_description === t));
  };

  /** The element a target names (the nth match, default the first); fails the test when none is on screen. */
  function find(t: Target): Element {
    const found = all(t)[typeof t === 'string' ? 0 : (t.nth ?? 0)];
    if (!found) throw new Error(`no element ${JSON.stringify(t)} on screen "${observation.app}": ${observation.elements.map((e) => e.text || e.content_description || e.resource_id).filter(Boolean).join(' | ')}`);
    return found;
  }

  return {
    world,
    act,
    ok,
    find,
    has: (t: Target) => all(t).length > 0,
    /** Every text on screen, in order. */
    texts: () => observation.elements.map((e) => e.text).filter(Boolean),
    observation: () => observation,
    state,
    /** One app's data, e.g. app('bank').transactions. */
    app: <K extends BundledAppId>(id: K) => state().apps[id]!,
    /** One app's current screen (its machine's state value). */
    screenOf: (id: string) => state().screens[id],
    openApp: (name: string) => ok('open_app', { name }),
    tap: (t: Target) => ok('tap', { index: find(t).numeric_tag }),
    longTap: (t: Target) => ok('long_tap', { index: find(t).numeric_tag }),
    type: (t: Target, text: string) => ok('replace_text', { index: find(t).numeric_tag, text }),
    enter: () => ok('enter'),
    back: () => ok('button', { name: 'BACK' }),
    home: () => ok('button', { name: 'HOME' }),
  };
}

/** The problems of a phone seed that fails validation: `path: message`, path dotted. */
export function seedErrors(seed: unknown): string[] {
  const r = phoneEnv.seed.safeParse(seed);
  if (r.success) throw new Error('seed unexpectedly valid');
  return r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}
