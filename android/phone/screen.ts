import type { App } from './app.ts';
import type { PhoneContext } from './context.ts';
import { indexedNodes } from './elements.ts';
import { layoutContent, SCREEN } from './layout.ts';
import { column, imageButton, line, list, row, text, type UiNode } from './ui.ts';

const SYSTEM = 'com.android.systemui';
const LAUNCHER = 'com.google.android.apps.nexuslauncher';

export interface Screen {
  /** The whole screen, laid out: status bar, content, navigation bar. */
  root: UiNode;
  /** The element list's nodes: index n is what tap(n) taps. */
  nodes: UiNode[];
  /** What the screen shows: an app's label, Home, Recent apps, Notifications. */
  title: string;
  maxScroll: number;
  page: number;
  /** Every field of the current app screen with the text it shows (typed, or the app's default). */
  fields: Record<string, string>;
}

function withPackage(node: UiNode, pkg: string): UiNode {
  return { ...node, package: pkg, ...(node.children ? { children: node.children.map((c) => withPackage(c, pkg)) } : {}) };
}

/** Shows typed text in fields, marks the focused one, and collects what every field shows. */
function fillFields(node: UiNode, ctx: PhoneContext, fields: Record<string, string>): UiNode {
  let n = node;
  if (node.field !== undefined) {
    const shown = ctx.fields[node.field] ?? node.text ?? '';
    fields[node.field] = shown;
    n = { ...node, text: shown, focused: ctx.focus === node.field };
  }
  return n.children ? { ...n, children: n.children.map((c) => fillFields(c, ctx, fields)) } : n;
}

function launcher(ctx: PhoneContext, apps: ReadonlyMap<string, App>): UiNode {
  const icons = ctx.installed.filter((id) => apps.has(id)).map((id) => {
    const label = apps.get(id)!.label;
    return text(label, { desc: label, clickable: true, onTap: { type: 'os.open', app: id }, id: 'icon' });
  });
  const rows: UiNode[] = [];
  for (let i = 0; i < icons.length; i += 4) rows.push(line(icons.slice(i, i + 4)));
  return column([text('Home', { id: 'launcher_title' }), list(rows, { id: 'workspace' })], { id: 'launcher' });
}

function overview(ctx: PhoneContext, apps: ReadonlyMap<string, App>): UiNode {
  const cards = ctx.recents.filter((id) => apps.has(id)).map((id) => row(apps.get(id)!.label, undefined, { type: 'os.recent', app: id }, { id: 'task' }));
  return column([text('Recent apps', { id: 'overview_title' }), list(cards.length ? cards : [text('No recent items')], { id: 'recents' })]);
}

function shade(ctx: PhoneContext): UiNode {
  const items = ctx.notifications.map((n) => row(n.title, n.text, { type: 'os.notification', id: n.id }, { id: 'notification' }));
  return column([text('Notifications', { id: 'shade_title' }), list(items.length ? items : [text('No notifications')], { id: 'notifications' })]);
}

function statusBar(ctx: PhoneContext): UiNode {
  const clock = ctx.now.slice(11, 16);
  const count = ctx.notifications.length;
  const icons = text(count ? `${count} notification${count > 1 ? 's' : ''}` : '', { id: 'notification_icons' });
  return withPackage(line([text(clock, { id: 'clock' }), icons], { id: 'status_bar' }), SYSTEM);
}

function navBar(): UiNode {
  return withPackage(line([
    imageButton('Back', { type: 'os.back' }, { id: 'back' }),
    imageButton('Home', { type: 'os.home' }, { id: 'home' }),
    imageButton('Overview', { type: 'os.overview' }, { id: 'recent_apps' }),
  ], { id: 'navigation_bar' }), SYSTEM);
}

const drawn = new WeakMap<PhoneContext, Screen>();

/**
 * Draws the phone's current screen from its state: a pure function, so any snapshot can be drawn.
 * Contexts are immutable, so each is drawn once: a step's result, the next step's precondition and
 * its tap all read the same screen. Callers must not change what it returns.
 */
export function composeScreen(ctx: PhoneContext, apps: ReadonlyMap<string, App>): Screen {
  let screen = drawn.get(ctx);
  if (!screen) drawn.set(ctx, (screen = draw(ctx, apps)));
  return screen;
}

function draw(ctx: PhoneContext, apps: ReadonlyMap<string, App>): Screen {
  const fields: Record<string, string> = {};
  let content: UiNode;
  let title: string;
  const app = ctx.surface === 'app' && ctx.foreground ? apps.get(ctx.foreground) : undefined;
  if (app) {
    const installed = ctx.installed.filter((id) => apps.has(id)).map((id) => ({ id, label: apps.get(id)!.label }));
    const view = app.view({ value: ctx.screens[app.id]!, context: ctx.apps[app.id] }, { installed });
    content = fillFields(withPackage(view, app.package), ctx, fields);
    title = app.label;
  } else if (ctx.surface === 'overview') [content, title] = [withPackage(overview(ctx, apps), LAUNCHER), 'Recent apps'];
  else if (ctx.surface === 'shade') [content, title] = [withPackage(shade(ctx), SYSTEM), 'Notifications'];
  else [content, title] = [withPackage(launcher(ctx, apps), LAUNCHER), 'Home'];

  const laid = layoutContent(content, ctx.scroll);
  const status = statusBar(ctx);
  status.bounds = [0, 0, SCREEN.width, SCREEN.statusBar];
  status.children!.forEach((c, i) => (c.bounds = [i * 540, 0, (i + 1) * 540, SCREEN.statusBar]));
  const nav = navBar();
  nav.bounds = [0, SCREEN.height - SCREEN.navBar, SCREEN.width, SCREEN.height];
  nav.children!.forEach((c, i) => (c.bounds = [i * 360, SCREEN.height - SCREEN.navBar, (i + 1) * 360, SCREEN.height]));
  const root: UiNode = { class: 'android.widget.FrameLayout', package: content.package, bounds: [0, 0, SCREEN.width, SCREEN.height], children: [status, laid.root, nav] };
  return { root, nodes: indexedNodes(root), title, maxScroll: laid.maxScroll, page: laid.page, fields };
}
