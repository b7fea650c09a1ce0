import { BACKGROUND, CHECK_ICON, CHROME, DP, hash, IMAGE_ICON, iconFor, INK, lookOf, mix, NAV_ICONS, STATUS_ICONS, themeOf, TYPE, type Look, type Surface } from './look.ts';
import type { UiNode } from './ui.ts';

/**
 * What to draw for a laid-out screen (composeScreen's `display`: every window in paint order): a
 * flat list of boxes, texts and icons in device pixels, worked out from each node's class, id,
 * state and bounds. Pure data, so a scene can be compared, hashed and painted at any size
 * (paint.ts); nothing here measures text or touches a canvas.
 */

export type Box = [x: number, y: number, w: number, h: number];
export type Align = 'left' | 'center' | 'right';
export type VAlign = 'top' | 'middle' | 'bottom';

export type Item =
  | { kind: 'rect'; box: Box; fill?: string; stroke?: string; line?: number; radius?: number; shadow?: boolean }
  | { kind: 'gradient'; box: Box; from: string; to: string; radius: number }
  | { kind: 'circle'; cx: number; cy: number; r: number; fill: string; shadow?: boolean }
  /**
   * `wrap`: as many lines as the box holds, the last cut with an ellipsis; else one line. `caret`: a
   * text cursor after it (before a hint). `highlight`: the text selected, drawn on this colour.
   */
  | { kind: 'text'; box: Box; text: string; size: number; bold?: boolean; color: string; align: Align; valign: VAlign; wrap: boolean; caret?: { color: string; before: boolean }; highlight?: string }
  /** A 24x24 icon path scaled into the box; `stroke` outlines it (in icon units) instead of filling it. */
  | { kind: 'icon'; box: Box; path: string; color: string; stroke?: number }
  /** A chat bubble: the text wrapped to at most `max` of the box's width, in a rounded box at the start or end. */
  | { kind: 'bubble'; box: Box; text: string; size: number; color: string; fill: string; side: 'start' | 'end'; max: number };

export interface Scene {
  width: number;
  height: number;
  background: string;
  items: Item[];
}

const SYSTEM = 'com.android.systemui';
const CHROME_PKG = 'com.android.chrome';
const LAUNCHER = 'com.google.android.apps.nexuslauncher';
const short = (cls: string) => cls.slice(cls.lastIndexOf('.') + 1);

export function surfaceOf(root: UiNode): Surface {
  let found: Surface = 'app';
  const walk = (n: UiNode): boolean => {
    if (n.id === 'launcher' || n.id === 'launcher_title' || n.id === 'apps_view') found = 'launcher';
    else if (n.id === 'overview_title') found = 'overview';
    else if (n.id === 'shade_title') found = 'shade';
    else return (n.children ?? []).some(walk);
    return true;
  };
  walk(root);
  return found;
}

/** What is shown as a node's text: a password's dots, else its text. */
export function shownText(n: UiNode): string {
  const t = n.text ?? '';
  return n.password && t && !n.showingHint ? '•'.repeat(t.length) : t;
}

/** A list row (ui.ts `row`): a vertical layout holding a title and maybe a subtitle. */
const isRow = (n: UiNode) => short(n.class) === 'LinearLayout' && !n.horizontal && (n.children ?? []).some((k) => k.id === 'title');
const isLeaf = (n: UiNode) => !n.children?.length;

/**
 * A node's kind: how it is drawn, and the class its hit box carries in the HTML screen (render.ts).
 * Kinds with a state add it after a space ("switch on", "field focused", "bubble out").
 */
export function kindOf(n: UiNode, parent: UiNode | undefined): string {
  const cls = short(n.class);
  const id = n.id ?? '';
  const system = n.package === SYSTEM;
  if (n.class === 'scrim') return 'scrim';
  if (n.window) return 'dialog';
  if (system) {
    if (id === 'status_bar') return 'status-bar';
    if (id === 'clock') return 'clock';
    if (id === 'wifi_combo' || id === 'mobile_combo' || id === 'battery' || n.desc?.startsWith('Bluetooth')) return 'status-icon';
    if (parent?.id === 'notificationIcons') return 'notif-dot';
    if (id === 'navigation_bar_frame') return 'nav-bar';
    if (NAV_ICONS[id]) return 'nav-button';
    if (!isLeaf(n)) return 'group';
  }
  if (n.package === CHROME_PKG) {
    const chrome = chromeKind(n, id);
    if (chrome) return chrome;
  }
  if (id === 'toolbar') return 'toolbar';
  if (id === 'toolbar_title') return 'toolbar-title';
  if (id === 'launcher_title') return 'launcher-title';
  if (n.package === LAUNCHER) {
    if (id === 'icon' || n.onTap?.type === 'os.open') return 'app-icon';
    if (id === 'search_container_hotseat' || id === 'search_container_all_apps') return 'search-bar';
    if (id === 'page_indicator') return 'page-dots';
    if (n.onTap?.type === 'os.drawer') return 'drawer-handle';
  }
  if (/_title$/.test(id) && cls === 'TextView') return 'heading';
  if (id === 'message_in' || id === 'message_out') return `bubble ${id === 'message_out' ? 'out' : 'in'}`;
  // Messages' Compose bubbles: only the description says who wrote it, as TalkBack reads it.
  if (n.resourceId === 'message_text') return `bubble ${n.desc?.startsWith('You said') ? 'out' : 'in'}`;
  switch (cls) {
    case 'Button': return n.enabled === false ? 'button off' : 'button';
    case 'ImageButton': return 'icon-button';
    case 'ImageView': {
      const b = n.bounds ?? [0, 0, 0, 0];
      return n.desc?.startsWith('Photo') || b[3] - b[1] >= 300 ? 'photo' : 'image';
    }
    case 'EditText': return n.focused ? 'field focused' : 'field';
    case 'Switch': return n.checked ? 'switch on' : 'switch';
    case 'CheckBox': return n.checked ? 'checkbox on' : 'checkbox';
    case 'ScrollView': return 'scroll';
    case 'TextView':
      if (parent && isRow(parent) && id === 'title') return parent.children!.length === 1 ? 'row-title alone' : 'row-title';
      if (parent && isRow(parent) && id === 'subtitle') return 'row-subtitle';
      return n.clickable ? 'text tappable' : 'text';
  }
  if (isRow(n) || (n.children?.length && n.clickable && !n.horizontal)) return 'row';
  if (!isLeaf(n)) return 'group';
  // A Compose icon: a leaf with a description and no text.
  if (!n.text && n.desc && (iconFor(n.desc) || n.clickable)) return 'icon-button';
  return n.text || n.desc ? 'text' : 'group';
}

/** Chrome's own views, by id (chromeView.ts): its toolbar, location bar, buttons and tab grid. */
function chromeKind(n: UiNode, id: string): string | undefined {
  switch (id) {
    case 'toolbar': case 'hub_toolbar': return 'chrome-toolbar';
    case 'location_bar': case 'search_box': return 'chrome-pill';
    case 'url_bar': case 'search_box_text': return n.focused ? 'chrome-url focused' : 'chrome-url';
    case 'search_box_engine_icon': return 'chrome-engine';
    case 'search_provider_logo': return 'chrome-logo';
    case 'tile_view_icon': return 'chrome-tile-icon';
    case 'tile_view_title': return 'chrome-tile-title';
    case 'home_button': return 'chrome-icon home';
    case 'location_bar_status_icon': return n.desc === 'Connection is secure' ? 'chrome-icon lock' : 'chrome-icon info';
    case 'menu_button': return 'chrome-icon more';
    case 'optional_toolbar_button': case 'toolbar_action_button': return 'chrome-icon add';
    case 'delete_button': return 'chrome-icon close';
    case 'mic_button': case 'voice_search_button': return 'chrome-icon mic';
    case 'tab_switcher_button': case 'tab_count': return 'chrome-tabs';
    case 'content_view': return n.selected ? 'chrome-card selected' : 'chrome-card';
    case 'tab_title': return 'chrome-card-title';
    case 'action_button': return 'chrome-icon close small';
    case 'tab_favicon': return 'chrome-icon globe small';
    case 'tab_thumbnail': return 'chrome-thumbnail';
  }
  return undefined;
}

/** The number a tab count shows: the description's ("See 3 tabs", "3 open tabs"), or the text's. */
const tabCount = (n: UiNode) => /\d+/.exec(n.desc ?? '')?.[0] ?? n.text ?? '';

interface Frame {
  look: Look;
  /** The visible window of the scroll view this node is in, [top, bottom]. */
  window?: [number, number];
  /** Inside the app bar: icons and text on the primary colour. */
  onBar?: boolean;
}

const inset = ([x, y, w, h]: Box, dx: number, dy = dx): Box => [x + dx, y + dy, Math.max(0, w - 2 * dx), Math.max(0, h - 2 * dy)];
const square = ([x, y, w, h]: Box, size: number, cx = x + w / 2): Box => [cx - size / 2, y + (h - size) / 2, size, size];

/** Draws one node into `out`; its children follow (tree order is paint order). */
function draw(n: UiNode, parent: UiNode | undefined, f: Frame, out: Item[]): void {
  const b = n.bounds!;
  // Children of a horizontal line span the line's height, so their content centres in the row; cells of a grid span their row's.
  const [top, bottom] = parent?.horizontal && parent.bounds ? [parent.bounds[1], parent.bounds[3]]
    : parent?.columns ? [b[1], Math.max(...parent.children!.filter((k) => k.bounds?.[1] === b[1]).map((k) => k.bounds![3]))]
    : [b[1], b[3]];
  const box: Box = [b[0], top, b[2] - b[0], bottom - top];
  if (box[2] <= 0 || box[3] <= 0) return;
  // A node cut at an edge of a scroll view's window keeps its content to the other edge, as on a scrolled screen.
  const edge: VAlign | undefined = !f.window ? undefined : top <= f.window[0] ? 'bottom' : bottom >= f.window[1] ? 'top' : undefined;
  const { look } = f;
  const t = shownText(n);
  const label = t || n.desc || '';
  const kind = kindOf(n, parent);
  const text = (at: Box, s: string, o: Partial<Extract<Item, { kind: 'text' }>> = {}) =>
    s && out.push({ kind: 'text', box: at, text: s, size: TYPE.body, color: look.ink, align: 'left', valign: edge ?? 'middle', wrap: true, ...o });
  const onLight = look.surface === 'overview' ? INK.text : INK.white;

  switch (kind.split(' ')[0]) {
    case 'scrim': out.push({ kind: 'rect', box, fill: 'rgba(0,0,0,0.32)' }); break;
    case 'dialog': out.push({ kind: 'rect', box, fill: INK.white, radius: 9 * DP, shadow: true }); break;
    case 'status-bar': {
      const fill = look.surface === 'shade' ? BACKGROUND.shade : look.surface === 'app' ? look.dark : undefined;
      if (fill) out.push({ kind: 'rect', box, fill });
      break;
    }
    case 'clock': text(box, t, { size: TYPE.status, color: onLight, wrap: false }); return;
    case 'status-icon': {
      const path = n.id === 'wifi_combo' ? STATUS_ICONS.wifi : n.id === 'mobile_combo' ? STATUS_ICONS.signal : n.id === 'battery' ? STATUS_ICONS.battery : STATUS_ICONS.bluetooth;
      out.push({ kind: 'icon', box: square(box, 14 * DP), path, color: onLight });
      return;
    }
    case 'notif-dot': out.push({ kind: 'circle', cx: box[0] + box[2] / 2, cy: box[1] + box[3] / 2, r: 2.5 * DP, fill: onLight }); return;
    case 'nav-bar': out.push({ kind: 'rect', box, fill: look.surface === 'launcher' ? 'rgba(0,0,0,0.28)' : '#000000' }); break;
    case 'nav-button': out.push({ kind: 'icon', box: square(box, 18 * DP), path: NAV_ICONS[n.id!]!, color: INK.onDark, stroke: 2.2 }); return;
    case 'toolbar': out.push({ kind: 'rect', box, fill: look.primary, shadow: true }); break;
    case 'toolbar-title': text(inset(box, 16 * DP, 0), label, { size: TYPE.bar, color: INK.white, wrap: false }); return;
    case 'launcher-title': text(inset(box, 18 * DP, 0), label, { size: 22 * DP, color: INK.white, wrap: false }); return;
    case 'heading': text(inset(box, 16 * DP, 0), label, { size: TYPE.bar, color: look.surface === 'shade' ? INK.white : INK.text }); return;
    case 'app-icon': return appIcon(n, box, out);
    case 'chrome-toolbar':
      out.push({ kind: 'rect', box, fill: CHROME.toolbar });
      out.push({ kind: 'rect', box: [box[0], box[1] + box[3] - DP, box[2], DP], fill: CHROME.divider });
      break;
    case 'chrome-pill': {
      const h = Math.min(box[3] - 12 * DP, 40 * DP);
      out.push({ kind: 'rect', box: [box[0] + 4 * DP, box[1] + (box[3] - h) / 2, box[2] - 8 * DP, h], fill: CHROME.pill, radius: h / 2 });
      break;
    }
    case 'chrome-url': {
      // Chrome's address bar has no outline: its text sits in the location bar's pill. Just focused, the whole URL is selected.
      const focused = kind.endsWith('focused');
      const value = n.showingHint ? '' : t;
      const whole = focused && value !== '' && n.selection?.[0] === 0 && n.selection[1] === value.length;
      const lead = n.bounds![0] <= (parent?.bounds?.[0] ?? 0) ? 16 * DP : 4 * DP;
      out.push({
        kind: 'text', box: [box[0] + lead, box[1], box[2] - lead - 8 * DP, box[3]], text: value || (n.hint ?? ''), size: TYPE.body, color: value ? INK.text : INK.hint, align: 'left', valign: 'middle', wrap: false,
        ...(whole ? { highlight: CHROME.selection } : focused ? { caret: { color: CHROME.accent, before: !value } } : {}),
      });
      return;
    }
    case 'chrome-icon': {
      const [, glyph, small] = kind.split(' ');
      const size = (small ? 18 : glyph === 'lock' || glyph === 'info' ? 18 : 24) * DP;
      out.push({ kind: 'icon', box: square(box, size), path: CHROME.icons[glyph as keyof typeof CHROME.icons], color: CHROME.icon });
      return;
    }
    case 'chrome-tabs': {
      // Chrome's tab switcher glyph: a rounded square with the number of tabs in it.
      const selected = n.selected === true;
      if (selected) out.push({ kind: 'rect', box: square(box, 36 * DP), fill: CHROME.paneSelected, radius: 18 * DP });
      const glyph = square(box, 19 * DP);
      const color = selected ? CHROME.accent : CHROME.icon;
      out.push({ kind: 'rect', box: glyph, stroke: color, line: 2 * DP, radius: 4 * DP });
      const count = tabCount(n);
      out.push({ kind: 'text', box: glyph, text: Number(count) > 99 ? ':D' : count, size: (count.length > 1 ? 10 : 12) * DP, bold: true, color, align: 'center', valign: 'middle', wrap: false });
      return;
    }
    case 'chrome-engine': {
      // The search engine's mark at the start of the New Tab page's box: its initial in a circle.
      const [x, y, w] = square(box, 24 * DP, box[0] + box[2] / 2 + 8 * DP);
      out.push({ kind: 'circle', cx: x + w / 2, cy: y + w / 2, r: w / 2, fill: CHROME.accent });
      out.push({ kind: 'text', box: [x, y, w, w], text: 'S', size: 14 * DP, bold: true, color: INK.white, align: 'center', valign: 'middle', wrap: false });
      return;
    }
    case 'chrome-logo': text(box, n.desc ?? '', { size: 36 * DP, bold: true, color: CHROME.accent, align: 'center', valign: 'middle', wrap: false }); return;
    case 'chrome-tile-icon': {
      const [x, y, w] = square(box, 48 * DP);
      out.push({ kind: 'circle', cx: x + w / 2, cy: y + w / 2, r: w / 2, fill: CHROME.pill });
      out.push({ kind: 'icon', box: square(box, 24 * DP), path: CHROME.icons.globe, color: CHROME.icon });
      return;
    }
    case 'chrome-tile-title': text(inset(box, 4 * DP, 0), t, { size: TYPE.icon, color: INK.text, align: 'center', valign: 'top', wrap: false }); return;
    case 'chrome-card': {
      const card = inset(box, 6 * DP);
      out.push({ kind: 'rect', box: card, fill: CHROME.card, radius: 14 * DP, ...(kind.endsWith('selected') ? { stroke: CHROME.accent, line: 3 * DP } : {}) });
      break;
    }
    case 'chrome-card-title': text([box[0], box[1], box[2] - 4 * DP, box[3]], t, { size: TYPE.small, color: INK.text, valign: 'middle', wrap: false }); return;
    case 'chrome-thumbnail': {
      // The page's thumbnail: a white page with grey lines where its text would be.
      const page = [box[0] + 12 * DP, box[1], box[2] - 24 * DP, box[3] - 12 * DP] as Box;
      out.push({ kind: 'rect', box: page, fill: CHROME.thumbnail, radius: 10 * DP });
      [0.6, 0.85, 0.7, 0.8, 0.5].forEach((share, i) => out.push({ kind: 'rect', box: [page[0] + 10 * DP, page[1] + (14 + i * 16) * DP, (page[2] - 20 * DP) * share, 7 * DP], fill: CHROME.skeleton, radius: 3 * DP }));
      return;
    }
    case 'search-bar': {
      out.push({ kind: 'rect', box: inset(box, 16 * DP, 4 * DP), fill: '#f1f3f4', radius: (box[3] - 8 * DP) / 2 });
      out.push({ kind: 'icon', box: square(inset(box, 16 * DP, 4 * DP), 20 * DP, box[0] + 34 * DP), path: iconFor('search')!, color: INK.secondary });
      // Its label is its own text or its text child's (the hotseat's search bar holds a TextView).
      const shown = label === n.desc && n.children?.[0]?.text ? n.children[0].text : label;
      text(inset(box, 48 * DP, 0), shown, { color: INK.secondary, wrap: false });
      return;
    }
    case 'page-dots': out.push({ kind: 'circle', cx: box[0] + box[2] / 2, cy: box[1] + box[3] / 2, r: 3 * DP, fill: INK.white }); return;
    case 'drawer-handle': out.push({ kind: 'icon', box: square(box, 22 * DP), path: 'M7.41 15.41 12 10.83l4.59 4.58L18 14l-6-6-6 6z', color: INK.white }); return;
    case 'bubble': {
      const mine = kind.endsWith('out');
      out.push({ kind: 'bubble', box: inset(box, 12 * DP, 3 * DP), text: t, size: TYPE.body, side: mine ? 'end' : 'start', max: 0.88, fill: mine ? look.primary : INK.chip, color: mine ? INK.white : INK.text });
      return;
    }
    case 'button': return buttonOf(n, parent, box, kind, look, out);
    case 'icon-button': {
      const path = iconFor(n.desc);
      const color = f.onBar ? INK.white : look.surface === 'shade' || look.surface === 'launcher' ? INK.onDark : INK.secondary;
      if (path) out.push({ kind: 'icon', box: square(box, 22 * DP), path, color });
      else {
        const [x, y, w, h] = square(box, 30 * DP);
        out.push({ kind: 'circle', cx: x + w / 2, cy: y + h / 2, r: w / 2, fill: INK.chip });
        text([x, y, w, h], (n.desc ?? '?').slice(0, 1).toUpperCase(), { bold: true, color: INK.secondary, align: 'center', valign: 'middle', wrap: false });
      }
      return;
    }
    case 'photo': {
      const hue = hash(n.desc ?? '') % 360;
      const card = inset(box, 12 * DP, 6 * DP);
      out.push({ kind: 'gradient', box: card, from: `hsl(${hue}, 55%, 72%)`, to: `hsl(${(hue + 50) % 360}, 60%, 52%)`, radius: 12 * DP });
      const mid = card[1] + card[3] / 2;
      out.push({ kind: 'icon', box: [card[0] + card[2] / 2 - 22 * DP, mid - 30 * DP, 44 * DP, 44 * DP], path: IMAGE_ICON, color: 'rgba(255,255,255,0.85)' });
      text([card[0] + 12 * DP, mid + 16 * DP, card[2] - 24 * DP, 20 * DP], n.desc ?? '', { size: TYPE.small, color: INK.white, align: 'center', wrap: false });
      return;
    }
    case 'image': {
      const tile = square(box, 36 * DP, box[0] + 12 * DP + 18 * DP);
      out.push({ kind: 'rect', box: tile, fill: INK.chip, radius: 8 * DP });
      out.push({ kind: 'icon', box: inset(tile, 8 * DP), path: iconFor(n.desc) ?? IMAGE_ICON, color: INK.hint });
      text([tile[0] + tile[2] + 10 * DP, box[1], box[0] + box[2] - tile[0] - tile[2] - 22 * DP, box[3]], n.desc ?? '', { size: TYPE.small, color: INK.secondary, wrap: false });
      return;
    }
    case 'field': {
      const focused = kind.endsWith('focused');
      const outline = inset(box, 16 * DP, 4 * DP);
      out.push({ kind: 'rect', box: outline, fill: INK.white, stroke: focused ? look.primary : INK.outline, line: focused ? 2 * DP : DP, radius: 6 * DP });
      const value = n.showingHint ? '' : t;
      const inner = inset(outline, 12 * DP, 0);
      out.push({ kind: 'text', box: inner, text: value || (n.hint ?? ''), size: TYPE.body, color: value ? INK.text : INK.hint, align: 'left', valign: 'middle', wrap: false, ...(focused ? { caret: { color: look.primary, before: !value } } : {}) });
      return;
    }
    case 'switch': {
      const on = kind.endsWith('on');
      const track: Box = [box[0] + box[2] - 16 * DP - 38 * DP, box[1] + box[3] / 2 - 7 * DP, 38 * DP, 14 * DP];
      text([box[0] + 16 * DP, box[1], track[0] - box[0] - 28 * DP, box[3]], t, { size: TYPE.title, color: look.ink });
      out.push({ kind: 'rect', box: track, fill: on ? mix(look.primary, INK.white, 0.45) : INK.onDarkSecondary, radius: 7 * DP });
      out.push({ kind: 'circle', cx: track[0] + (on ? 29 : 9) * DP, cy: track[1] + 7 * DP, r: 11 * DP, fill: on ? look.primary : '#f1f3f4', shadow: true });
      return;
    }
    case 'checkbox': {
      const on = kind.endsWith('on');
      const mark = square(box, 20 * DP, box[0] + 26 * DP);
      out.push({ kind: 'rect', box: inset(mark, DP), fill: on ? look.primary : undefined, stroke: on ? look.primary : INK.secondary, line: 2 * DP, radius: 3 * DP });
      if (on) out.push({ kind: 'icon', box: inset(mark, 2 * DP), path: CHECK_ICON, color: INK.white });
      text([mark[0] + mark[2] + 12 * DP, box[1], box[0] + box[2] - mark[0] - mark[2] - 28 * DP, box[3]], t, { size: TYPE.title, color: look.ink });
      return;
    }
    case 'row-title': {
      const alone = kind.endsWith('alone');
      text([box[0] + 16 * DP, box[1] + 4 * DP, box[2] - 32 * DP, box[3] - (alone ? 8 : 4) * DP], label, { size: TYPE.title, color: look.surface === 'overview' ? INK.text : look.ink, valign: edge ?? (alone ? 'middle' : 'bottom') });
      return;
    }
    case 'row-subtitle':
      text([box[0] + 16 * DP, box[1], box[2] - 32 * DP, box[3] - 4 * DP], label, { size: TYPE.small, color: look.surface === 'overview' ? INK.secondary : look.inkSecondary, valign: edge ?? 'top' });
      return;
    case 'text': {
      const color = kind.endsWith('tappable') ? look.primary : look.surface === 'shade' ? INK.onDarkSecondary : look.ink;
      text(inset(box, 16 * DP, 4 * DP), label, { color });
      return;
    }
    case 'row':
      if (look.surface === 'overview') out.push({ kind: 'rect', box: inset(box, 10 * DP, 2 * DP), fill: INK.white, radius: 8 * DP, shadow: true });
      else if (look.surface === 'shade') out.push({ kind: 'rect', box: inset(box, 10 * DP, 3 * DP), fill: '#2d2f33', radius: 14 * DP });
      else if (look.surface === 'app') {
        out.push({ kind: 'rect', box, fill: INK.white });
        out.push({ kind: 'rect', box: [box[0], box[1] + box[3] - DP, box[2], DP], fill: INK.divider });
      }
      break;
  }
  const below: Frame = {
    ...f,
    onBar: f.onBar || n.id === 'toolbar',
    window: n.scrollable ? [b[1], b[3]] : f.window,
  };
  n.children?.forEach((k) => draw(k, n, below, out));
}

/** A launcher icon: a coloured tile with the label's initial, and the label beside it (or under it in a tall cell). */
function appIcon(n: UiNode, box: Box, out: Item[]): void {
  const name = n.text ?? n.desc ?? '?';
  const [fill] = themeOf(`x.${name.toLowerCase()}`);
  // A cell tall enough for a label under the tile (the workspace, the drawer) stacks them; a short one (the hotseat) lines them up.
  const tall = box[3] >= 40 * DP;
  const size = tall ? Math.min(48 * DP, box[3] - 20 * DP) : 22 * DP;
  const tile: Box = tall ? [box[0] + (box[2] - size) / 2, box[1] + 6 * DP, size, size] : square(box, size, box[0] + 4 * DP + size / 2);
  out.push({ kind: 'rect', box: tile, fill, radius: tall ? size / 2 : 7 * DP, shadow: true });
  out.push({ kind: 'text', box: tile, text: name.slice(0, 1).toUpperCase(), size: Math.round(size * 0.5), bold: true, color: INK.white, align: 'center', valign: 'middle', wrap: false });
  const labelBox: Box = tall ? [box[0] + 2 * DP, tile[1] + size + 4 * DP, box[2] - 4 * DP, 16 * DP] : [tile[0] + size + 5 * DP, box[1], box[0] + box[2] - tile[0] - size - 9 * DP, box[3]];
  out.push({ kind: 'text', box: labelBox, text: n.text ?? '', size: TYPE.icon, color: INK.white, align: tall ? 'center' : 'left', valign: 'middle', wrap: false });
}

function buttonOf(n: UiNode, parent: UiNode | undefined, box: Box, kind: string, look: Look, out: Item[]): void {
  const quiet = /^(cancel|no|not now|dismiss|close|skip|later)$/i.test(n.text ?? '');
  const kids = parent?.horizontal ? parent.children ?? [] : [];
  const inLine = kids.length > 1;
  const left = !inLine || kids[0] === n ? 16 * DP : 4 * DP;
  const right = !inLine || kids.at(-1) === n ? 16 * DP : 4 * DP;
  const h = Math.min(36 * DP, box[3] - 12 * DP);
  const pill: Box = [box[0] + left, box[1] + (box[3] - h) / 2, box[2] - left - right, h];
  const off = kind.endsWith('off');
  const fill = off ? INK.chip : quiet ? INK.white : look.primary;
  out.push({ kind: 'rect', box: pill, fill, radius: h / 2, ...(quiet ? { stroke: INK.quiet, line: DP } : {}), shadow: !quiet && !off });
  const color = off ? INK.outline : quiet ? look.primary : INK.white;
  out.push({ kind: 'text', box: inset(pill, 12 * DP, 0), text: shownText(n) || n.desc || '', size: TYPE.body, bold: true, color, align: 'center', valign: 'middle', wrap: false });
}

/** The scene of a laid-out screen: what `display` shows, at 1080x2400 device pixels. */
export function sceneOf(display: UiNode): Scene {
  const surface = surfaceOf(display);
  const look = lookOf(surface, display.package);
  const items: Item[] = [];
  const [, , width, height] = display.bounds ?? [0, 0, 1080, 2400];
  display.children?.forEach((k) => draw(k, display, { look }, items));
  return { width, height, background: BACKGROUND[surface], items };
}
