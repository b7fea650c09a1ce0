import type { AnyActorScope, AnyMachineSnapshot } from 'xstate';
import { inertScope } from '../../src/public/index.ts';
import type { App, Intent } from './app.ts';
import type { PhoneContext } from './context.ts';
import { appendEgress, type AppEgress } from './egress.ts';
import { composeScreen, type Screen } from './screen.ts';
import type { UiEvent, UiNode } from './ui.ts';

/** The OS's reaction to screen actions: a pure function from one phone state to the next. */
export type Apps = ReadonlyMap<string, App>;

export interface ActionEvent {
  type: string;
  args: Record<string, any>;
  at: string;
}

/** Leaving a screen forgets what was typed and where it was scrolled, as a fresh screen would. */
const freshScreen = (ctx: PhoneContext): PhoneContext => ({ ...ctx, fields: {}, focus: undefined, scroll: 0, drawer: undefined });
const onHome = (ctx: PhoneContext) => ctx.surface === 'home';

export function open(ctx: PhoneContext, app: string): PhoneContext {
  return { ...freshScreen(ctx), surface: 'app', foreground: app, recents: [app, ...ctx.recents.filter((a) => a !== app)] };
}

const scopes = new WeakMap<App, AnyActorScope>();

/** One scope per app for its whole life: stepping an app is on every tap's path. */
function scopeOf(app: App): AnyActorScope {
  let scope = scopes.get(app);
  if (!scope) scopes.set(app, (scope = inertScope(app.machine, app.seed.parse({}))));
  return scope;
}

function snapshotOf(app: App, ctx: PhoneContext): AnyMachineSnapshot {
  return app.machine.resolveState({ value: ctx.screens[app.id]!, context: ctx.apps[app.id] });
}

/** Whether the foreground app's current screen handles an event (BACK at a root screen does not). */
export function appAccepts(ctx: PhoneContext, apps: Apps, event: UiEvent): boolean {
  const app = ctx.foreground ? apps.get(ctx.foreground) : undefined;
  return app !== undefined && snapshotOf(app, ctx).can({ ...event, fields: {}, at: ctx.now });
}

/** Sends an event to an app's machine; a new screen clears the fields; an intent opens another app. */
export function sendToApp(ctx: PhoneContext, apps: Apps, appId: string, event: UiEvent, fields: Record<string, string>, at: string): PhoneContext {
  const app = apps.get(appId);
  if (!app) return ctx;
  const before = snapshotOf(app, ctx);
  const after = app.machine.transition(before, { ...event, fields, at }, scopeOf(app));
  const { intent, egress, ...data } = after.context as { intent?: Intent; egress?: AppEgress[] };
  let next: PhoneContext = appendEgress({ ...ctx, apps: { ...ctx.apps, [appId]: data }, screens: { ...ctx.screens, [appId]: after.value } }, egress);
  if (intent?.clearFields || JSON.stringify(after.value) !== JSON.stringify(before.value)) next = freshScreen(next);
  if (intent?.uninstall) {
    const gone = intent.uninstall;
    next = { ...next, installed: next.installed.filter((a) => a !== gone), recents: next.recents.filter((a) => a !== gone) };
    // An app uninstalled while in front (by a shortcut: Settings is in front otherwise) leaves the home screen.
    if (next.foreground === gone) next = { ...freshScreen(next), surface: 'home', foreground: undefined };
  }
  if (intent?.open && next.installed.includes(intent.open)) {
    next = open(next, intent.open);
    if (intent.event) next = sendToApp(next, apps, intent.open, intent.event, {}, at);
  }
  return next;
}

function back(ctx: PhoneContext, apps: Apps, at: string): PhoneContext {
  if (onHome(ctx) && ctx.drawer) return freshScreen(ctx);
  if (ctx.surface === 'overview' || ctx.surface === 'shade') return { ...freshScreen(ctx), surface: ctx.foreground ? 'app' : 'home' };
  if (ctx.surface === 'app' && ctx.foreground) {
    if (appAccepts(ctx, apps, { type: 'back' })) return sendToApp(ctx, apps, ctx.foreground, { type: 'back' }, {}, at);
    return { ...freshScreen(ctx), surface: 'home', foreground: undefined };
  }
  return ctx;
}

/** What tapping a node does: an OS event, focusing a field, or the app's own event. */
function dispatch(ctx: PhoneContext, apps: Apps, screen: Screen, event: UiEvent | undefined, at: string): PhoneContext {
  if (!event) return ctx;
  switch (event.type) {
    case 'os.open': return open(ctx, String(event.app));
    case 'os.drawer': return onHome(ctx) ? { ...freshScreen(ctx), drawer: true } : ctx;
    case 'os.recent': return open(ctx, String(event.app));
    case 'os.home': return { ...freshScreen(ctx), surface: 'home', foreground: undefined };
    case 'os.overview': return { ...freshScreen(ctx), surface: 'overview' };
    case 'os.back': return back(ctx, apps, at);
    case 'os.notification': {
      const n = ctx.notifications.find((x) => x.id === event.id);
      if (!n) return ctx;
      const rest = { ...ctx, notifications: ctx.notifications.filter((x) => x !== n) };
      if (!rest.installed.includes(n.app)) return { ...freshScreen(rest), surface: 'home' };
      const opened = open(rest, n.app);
      return n.open ? sendToApp(opened, apps, n.app, n.open, {}, at) : opened;
    }
    default:
      return ctx.foreground ? sendToApp(ctx, apps, ctx.foreground, event, screen.fields, at) : ctx;
  }
}

function tapped(node: UiNode, ctx: PhoneContext, apps: Apps, screen: Screen, at: string, long: boolean): PhoneContext {
  // A field takes focus; one with a tap of its own then sends it (Chrome's address bar shows its whole URL).
  if (!long && node.field !== undefined) return node.onTap ? dispatch({ ...ctx, focus: node.field }, apps, screen, node.onTap, at) : { ...ctx, focus: node.field };
  return dispatch(ctx, apps, screen, long ? node.onLongTap : node.onTap, at);
}

/**
 * Tells the app in front that its fields changed, when it listens (`typed`): a screen that changes
 * as text is typed (Messages shows Send only once the message has text) reads them from its data.
 */
function typed(ctx: PhoneContext, apps: Apps, screen: Screen, at: string): PhoneContext {
  if (ctx.surface !== 'app' || !ctx.foreground || !appAccepts(ctx, apps, { type: 'typed' })) return ctx;
  return sendToApp(ctx, apps, ctx.foreground, { type: 'typed' }, { ...screen.fields, ...ctx.fields }, at);
}

export function reduce(ctx0: PhoneContext, event: ActionEvent, apps: Apps): PhoneContext {
  // Indexes refer to the screen the agent saw: the one drawn from the state before this action.
  const screen = composeScreen(ctx0, apps);
  const ctx = { ...ctx0, now: event.at };
  const node = (i: unknown) => screen.nodes[Number(i)]!;
  const { args, at } = event;
  switch (event.type) {
    case 'tap': return tapped(node(args.index), ctx, apps, screen, at, false);
    case 'long_tap': return tapped(node(args.index), ctx, apps, screen, at, true);
    case 'replace_text':
    case 'append_text': {
      const target = node(args.index);
      const field = target.field!;
      const before = screen.fields[field] ?? '';
      // Typed text goes over the focused field's selection (a whole selected URL is replaced), else at the end.
      const [from, to] = target.focused && target.selection ? target.selection : [before.length, before.length];
      const next = { ...ctx, focus: field, fields: { ...ctx.fields, [field]: event.type === 'replace_text' ? args.text : before.slice(0, from) + args.text + before.slice(to) } };
      return typed(next, apps, screen, at);
    }
    case 'enter': {
      const focused = screen.nodes.find((n) => n.field !== undefined && n.field === ctx.focus);
      return dispatch(ctx, apps, screen, focused?.onEnter, at);
    }
    case 'swipe': {
      const dir = args.direction as string;
      // The home screen: up opens the app drawer, down the notifications; down at the drawer's top closes it.
      if (onHome(ctx) && !ctx.drawer && dir === 'up') return { ...freshScreen(ctx), drawer: true };
      if (onHome(ctx) && ctx.drawer && dir === 'down' && ctx.scroll === 0) return freshScreen(ctx);
      if (onHome(ctx) && dir === 'down') return { ...freshScreen(ctx), surface: 'shade' };
      if (ctx.surface === 'shade' && dir === 'up') return { ...freshScreen(ctx), surface: ctx.foreground ? 'app' : 'home' };
      const step = Math.round(screen.page * 0.6);
      if (dir === 'up') return { ...ctx, scroll: Math.min(screen.maxScroll, ctx.scroll + step) };
      if (dir === 'down') return { ...ctx, scroll: Math.max(0, ctx.scroll - step) };
      return ctx;
    }
    case 'button': {
      const name = String(args.name).toUpperCase();
      if (name === 'HOME') return dispatch(ctx, apps, screen, { type: 'os.home' }, at);
      if (name === 'OVERVIEW') return dispatch(ctx, apps, screen, { type: 'os.overview' }, at);
      return back(ctx, apps, at);
    }
    case 'open_app': return open(ctx, findApp(ctx, apps, String(args.name))!);
    default: return ctx; // no_op: time passes, nothing else
  }
}

/** An installed app by id or label, case-insensitively. */
export function findApp(ctx: PhoneContext, apps: Apps, name: string): string | undefined {
  const wanted = name.trim().toLowerCase();
  return ctx.installed.find((id) => id === wanted || apps.get(id)?.label.toLowerCase() === wanted);
}
