import type { App } from './app.ts';
import type { PhoneContext } from './context.ts';
import { launcherView } from './launcher.ts';
import { indexedNodes, msbNodes } from './elements.ts';
import { layoutContent, layoutDialog, SCREEN } from './layout.ts';
import { navigationBar, statusBar, SYSTEM_UI } from './systemUi.ts';
import { column, laidCopy, line, list, row, text, type UiNode } from './ui.ts';

const LAUNCHER = 'com.google.android.apps.nexuslauncher';

/** One accessibility window, as AccessibilityWindowInfo describes it (`uiautomator dump --windows` prints these). */
export interface UiWindow {
  /** window-id: stable numbers, so dumps of equal screens are equal. */
  id: number;
  type: 'TYPE_APPLICATION' | 'TYPE_SYSTEM';
  title: string;
  layer: number;
  /** The window that has focus; UiAutomator2's default page source is this window only. */
  active: boolean;
  root: UiNode;
}

export interface Screen {
  /** The active window's root: what Appium's default page source shows and what the element list is drawn from. */
  root: UiNode;
  /** The active window (`root` is its root): the one UiAutomator2's default page source shows. */
  activeWindow: UiWindow;
  /** Every window on the screen, top-most first (AccessibilityService.getWindows' order). */
  windows: UiWindow[];
  /** Every window under one root in paint order (app, dialog, status bar, navigation bar): what is drawn. */
  display: UiNode;
  /** The element list's nodes, by the context's observation mode: index n is what tap(n) taps. */
  nodes: UiNode[];
  /** What the screen shows: an app's label, Home, Recent apps, Notifications. */
  title: string;
  maxScroll: number;
  page: number;
  /** Every field of the current app screen with the text it shows (typed, or the app's default). */
  fields: Record<string, string>;
}

/**
 * An app's tree as the OS shows it, each node a copy of its own (layout then sets bounds on it) with
 * the app's package. With `ctx`, fields show typed text, the focused one is marked, and what every
 * field holds is collected in `fields`: an empty field shows its hint as its text with
 * showing-hint, as Android reports it ("Text message").
 */
function prepare(node: UiNode, pkg: string, ctx?: PhoneContext, fields?: Record<string, string>): UiNode {
  const n = laidCopy(node);
  n.package = pkg;
  if (ctx && node.field !== undefined) {
    const shown = ctx.fields[node.field] ?? node.text ?? '';
    fields![node.field] = shown;
    const hinted = shown === '' && Boolean(node.hint);
    n.text = hinted ? node.hint : shown;
    n.focused = ctx.focus === node.field;
    if (hinted) n.showingHint = true;
  }
  if (node.children) n.children = node.children.map((c) => prepare(c, pkg, ctx, fields));
  return n;
}

const withChildren = (node: UiNode, children: UiNode[]): UiNode => Object.assign(laidCopy(node), { children });

/** Takes the first subtree an app marked as a window of its own (a dialog) out of the content. */
function takeDialog(node: UiNode): [UiNode, UiNode | undefined] {
  if (!node.children) return [node, undefined];
  for (let i = 0; i < node.children.length; i++) {
    const k = node.children[i]!;
    if (k.window) return [withChildren(node, node.children.filter((_, j) => j !== i)), k];
    const [rest, found] = takeDialog(k);
    if (found) return [withChildren(node, node.children.map((c, j) => (j === i ? rest : c))), found];
  }
  return [node, undefined];
}

function overview(ctx: PhoneContext, apps: ReadonlyMap<string, App>): UiNode {
  const cards = ctx.recents.filter((id) => apps.has(id)).map((id) => row(apps.get(id)!.label, undefined, { type: 'os.recent', app: id }, { id: 'task' }));
  return column([text('Recent apps', { id: 'overview_title' }), list(cards.length ? cards : [text('No recent items')], { id: 'recents' })]);
}

function shade(ctx: PhoneContext): UiNode {
  const items = ctx.notifications.map((n) => row(n.title, n.text, { type: 'os.notification', id: n.id }, { id: 'notification' }));
  return column([text('Notifications', { id: 'shade_title' }), list(items.length ? items : [text('No notifications')], { id: 'notifications' })]);
}

/**
 * An app window's decor, as every Activity has it: DecorView > LinearLayout > android:id/content > the app's views.
 * An AppCompat app brings its own subDecor (`action_bar_root` > a FrameLayout it names android:id/content);
 * AppCompatDelegate then takes the id off the window's FrameLayout (setId(NO_ID)), so one node has it, as in
 * real dumps of AppCompat apps.
 */
function decor(content: UiNode, pkg: string): UiNode {
  const full: [number, number, number, number] = [0, 0, SCREEN.width, SCREEN.height];
  const area: [number, number, number, number] = [0, SCREEN.statusBar, SCREEN.width, SCREEN.height - SCREEN.navBar];
  const box = (cls: string, bounds: [number, number, number, number], children: UiNode[], extra: Partial<UiNode> = {}): UiNode =>
    laidCopy({ class: `android.widget.${cls}`, package: pkg, bounds, important: false, children, ...extra });
  return box('FrameLayout', full, [box('LinearLayout', full, [box('FrameLayout', area, [content], content.id === 'action_bar_root' ? {} : { resourceId: 'android:id/content' })])]);
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
    content = prepare(view, app.package, ctx, fields);
    title = app.label;
  } else if (ctx.surface === 'overview') [content, title] = [prepare(overview(ctx, apps), LAUNCHER), 'Recent apps'];
  else if (ctx.surface === 'shade') [content, title] = [prepare(shade(ctx), SYSTEM_UI), 'Notifications'];
  else [content, title] = [prepare(launcherView(ctx, apps), LAUNCHER), 'Home'];

  const [rest, dialogContent] = takeDialog(content);
  const laid = layoutContent(rest, ctx.scroll);
  const pkg = content.package!;
  const main: UiWindow = {
    id: ctx.surface === 'shade' ? 4 : 5, type: ctx.surface === 'shade' ? 'TYPE_SYSTEM' : 'TYPE_APPLICATION',
    title: ctx.surface === 'shade' ? 'Notification shade' : title, layer: ctx.surface === 'shade' ? 4 : 1, active: !dialogContent,
    root: decor(laid.root, pkg),
  };
  const dialogRoot = dialogContent ? layoutDialog(laidCopy({ class: 'android.widget.FrameLayout', package: pkg, window: dialogContent.window, children: [Object.assign(laidCopy(dialogContent), { window: undefined })] })) : undefined;
  const dialog: UiWindow | undefined = dialogRoot && { id: 6, type: 'TYPE_APPLICATION', title: dialogContent!.window!.title ?? title, layer: 2, active: true, root: dialogRoot };
  const active = dialog ?? main;
  // The status bar and the navigation bar are drawn when asked for (a screenshot, every window's page
  // source): the default page source and the element list are the active window's alone.
  let system: [UiWindow, UiWindow] | undefined;
  const bars = () => {
    if (system) return system;
    const label = (id: string) => apps.get(id)?.label ?? id;
    const status: UiWindow = { id: 2, type: 'TYPE_SYSTEM', title: 'StatusBar', layer: 6, active: false, root: statusBar(ctx, label) };
    const nav: UiWindow = { id: 3, type: 'TYPE_SYSTEM', title: 'NavigationBar0', layer: 5, active: false, root: navigationBar() };
    return (system = [status, nav]);
  };
  let windows: UiWindow[] | undefined;
  let display: UiNode | undefined;
  return {
    root: active.root,
    activeWindow: active,
    get windows() {
      return (windows ??= [...bars(), ...(dialog ? [dialog] : []), main]);
    },
    get display() {
      if (display) return display;
      const [status, nav] = bars();
      const scrim: UiNode[] = dialog ? [{ class: 'scrim', bounds: [0, 0, SCREEN.width, SCREEN.height] }] : [];
      return (display = { class: 'display', package: pkg, bounds: [0, 0, SCREEN.width, SCREEN.height], children: [main.root, ...scrim, ...(dialog ? [dialog.root] : []), status.root, nav.root] });
    },
    nodes: ctx.observation === 'msb' ? msbNodes(active.root) : indexedNodes(active.root), title, maxScroll: laid.maxScroll, page: laid.page, fields,
  };
}
