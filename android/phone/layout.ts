import type { UiNode } from './ui.ts';

/** A Pixel-like portrait screen, in device pixels, as UiAutomator2 reports bounds. */
export const SCREEN = { width: 1080, height: 2400, statusBar: 84, navBar: 126 } as const;

const LINE = 52; // px per line of text
const CHAR = 24; // px per character, roughly, at the body font size
const PAD = 24;

const short = (cls: string) => cls.slice(cls.lastIndexOf('.') + 1);

function leafHeight(node: UiNode, width: number): number {
  if (node.height !== undefined) return node.height;
  switch (short(node.class)) {
    case 'ImageButton':
      return 132;
    case 'TextView':
      // The app bar keeps one height with or without its back arrow.
      if (node.id === 'toolbar_title') return 132;
      break;
    case 'ImageView':
      return node.desc?.startsWith('Photo') ? 480 : 132;
    case 'Button': case 'EditText': case 'Switch': case 'CheckBox':
      return 144;
  }
  switch (short(node.class)) {
    default: {
      const chars = Math.max(1, Math.floor((width - 2 * PAD) / CHAR));
      const lines = (node.text ?? node.desc ?? '').split('\n').reduce((n, l) => n + Math.max(1, Math.ceil(l.length / chars)), 0);
      return lines * LINE + PAD;
    }
  }
}

/** Fixed widths in a horizontal line: a set width, icons stay square, the rest share what is left. */
const fixedWidth = (n: UiNode) => n.width ?? (short(n.class) === 'ImageButton' ? 132 : undefined);

/** Where a child of an overlay sits: its own size when it sets one (a floating button), else the whole area. */
function gravityOf(k: UiNode, x: number, y: number, width: number, height: number, kh: number): [number, number, number] {
  const w = Math.min(width, k.width ?? width);
  const g = k.gravity ?? 'top';
  const kx = g === 'bottom-end' || g === 'top-end' ? x + width - w - (w < width ? PAD * 2 : 0) : g === 'center' ? x + Math.floor((width - w) / 2) : x;
  const ky = g === 'bottom' || g === 'bottom-end' ? y + height - kh - (w < width ? PAD * 2 : 0) : g === 'center' ? y + Math.floor((height - kh) / 2) : y;
  return [kx, Math.max(y, ky), w];
}

/** Lays a node out at (x, y) with the given width; returns its height. Mutates bounds in place. */
function place(node: UiNode, x: number, y: number, width: number): number {
  const kids = node.children ?? [];
  let height: number;
  if (kids.length === 0) height = leafHeight(node, width);
  else if (node.overlay) {
    // The first child fills the frame and gives it its height; the others are placed over it.
    const [first, ...rest] = kids;
    height = node.height ?? place(first!, x, y, Math.min(width, first!.width ?? width));
    if (node.height !== undefined) place(first!, x, y, Math.min(width, first!.width ?? width));
    for (const k of rest) {
      const w = Math.min(width, k.width ?? width);
      const kh = place(k, x, y, w);
      const [kx, ky] = gravityOf(k, x, y, width, height, kh);
      shift(k, ky - y);
      shiftX(k, kx - x);
    }
  } else if (node.columns) {
    const cols = node.columns;
    const w = Math.floor(width / cols);
    height = 0;
    for (let i = 0; i < kids.length; i += cols) {
      let rowHeight = 0;
      kids.slice(i, i + cols).forEach((k, j) => (rowHeight = Math.max(rowHeight, place(k, x + j * w, y + height, w))));
      height += rowHeight;
    }
  } else if (node.horizontal) {
    const fixed = kids.reduce((s, k) => s + (fixedWidth(k) ?? 0), 0);
    const flexible = kids.filter((k) => fixedWidth(k) === undefined).length;
    const share = flexible ? Math.floor((width - fixed) / flexible) : 0;
    let cx = x;
    height = 0;
    for (const k of kids) {
      const w = fixedWidth(k) ?? share;
      height = Math.max(height, place(k, cx, y, w));
      cx += w;
    }
  } else {
    height = 0;
    for (const k of kids) height += place(k, x, y + height, width);
  }
  // A fixed height holds however much the content needs (a clipped card, an empty spacer).
  if (node.height !== undefined) height = node.height;
  node.bounds = [x, y, x + width, y + height];
  return height;
}

function shift(node: UiNode, dy: number): void {
  if (node.bounds) node.bounds = [node.bounds[0], node.bounds[1] + dy, node.bounds[2], node.bounds[3] + dy];
  node.children?.forEach((k) => shift(k, dy));
}

function shiftX(node: UiNode, dx: number): void {
  if (node.bounds) node.bounds = [node.bounds[0] + dx, node.bounds[1], node.bounds[2] + dx, node.bounds[3]];
  node.children?.forEach((k) => shiftX(k, dx));
}

/**
 * Drops what a scroll view's window does not show, as UiAutomator2 does. In place: the nodes laid out
 * are the caller's own copies (screen.ts copies an app's tree before it is laid out).
 */
function clip(node: UiNode, top: number, bottom: number): UiNode | undefined {
  const [, t, , b] = node.bounds!;
  if (b <= top || t >= bottom) return undefined;
  if (t < top || b > bottom) node.bounds = [node.bounds![0], Math.max(t, top), node.bounds![2], Math.min(b, bottom)];
  const children = node.children;
  if (children) node.children = clipped(children, top, bottom);
  return node;
}

function clipped(nodes: UiNode[], top: number, bottom: number): UiNode[] {
  const out: UiNode[] = [];
  for (const k of nodes) {
    const c = clip(k, top, bottom);
    if (c) out.push(c);
  }
  return out;
}

export interface Laid {
  root: UiNode;
  /** How far the first scroll view can scroll, in px (0 when everything fits). */
  maxScroll: number;
  /** The scroll view's visible height: one swipe scrolls most of it. */
  page: number;
}

function preorder(node: UiNode, out: UiNode[] = []): UiNode[] {
  out.push(node);
  node.children?.forEach((c) => preorder(c, out));
  return out;
}

/**
 * Lays out the content area (between the status and navigation bars). The first scroll view gets
 * the space the rest does not need: what follows it (a message box, a Send button) stays pinned
 * below its window, as on Android, and its children move by the scroll offset and are clipped.
 */
export function layoutContent(content: UiNode, scroll: number): Laid {
  const top = SCREEN.statusBar;
  const bottom = SCREEN.height - SCREEN.navBar;
  place(content, 0, top, SCREEN.width);
  const all = preorder(content);
  const at = all.findIndex((n) => n.scrollable && n.children);
  if (at < 0) return { root: clip(content, top, bottom) ?? { ...content, children: [] }, maxScroll: 0, page: bottom - top };

  const listNode = all[at]!;
  const inList = new Set(preorder(listNode));
  const following = all.slice(at + 1).filter((n) => !inList.has(n));
  const [, listTop, , listEnd] = listNode.bounds!;
  const tail = following.length ? Math.max(0, Math.max(...following.map((n) => n.bounds![3])) - listEnd) : 0;
  const windowBottom = Math.max(listTop, Math.min(listEnd, bottom - tail));
  const maxScroll = Math.max(0, listEnd - windowBottom);
  const offset = Math.min(scroll, maxScroll);
  // Pin what follows the list right below its window (each node moved once, not with its subtree).
  const pin = windowBottom - listEnd;
  for (const n of following) n.bounds = [n.bounds![0], n.bounds![1] + pin, n.bounds![2], n.bounds![3] + pin];
  listNode.children!.forEach((k) => shift(k, -offset));
  listNode.bounds = [listNode.bounds![0], listTop, listNode.bounds![2], windowBottom];
  const window = (node: UiNode): UiNode | undefined => {
    if (node === listNode) {
      node.children = clipped(node.children!, listTop, windowBottom);
      return node;
    }
    const [, t] = node.bounds!;
    if (t >= bottom) return undefined;
    if (node.children) node.children = node.children.map(window).filter((k): k is UiNode => k !== undefined);
    return node;
  };
  return { root: window(content) ?? { ...content, children: [] }, maxScroll, page: windowBottom - listTop };
}

/** A dialog window's content: inset from the screen's sides and centred between the bars, as an AlertDialog sits. */
export function layoutDialog(content: UiNode): UiNode {
  const inset = 72;
  const height = place(content, inset, 0, SCREEN.width - 2 * inset);
  const free = SCREEN.height - SCREEN.navBar - SCREEN.statusBar;
  const top = SCREEN.statusBar + Math.max(0, Math.floor((free - height) / 2));
  shift(content, top);
  return clip(content, SCREEN.statusBar, SCREEN.height - SCREEN.navBar) ?? { ...content, children: [] };
}
