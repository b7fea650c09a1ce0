import { indexedNodes } from './elements.ts';
import { SCREEN } from './layout.ts';
import { kindOf, sceneOf, shownText, surfaceOf } from './scene.ts';
import { screenshotScene } from './screenshot.ts';
import type { UiNode } from './ui.ts';

export { themeOf } from './look.ts';

/**
 * The phone's screen for people, as one self-contained HTML document: the screenshot a model gets
 * (screenshot.ts, at 540x1200) as the picture, and over it one transparent box per node, placed from
 * its bounds, carrying its text, class, id and bounds (each listed node also `data-tag`, its
 * numeric_tag). The viewer maps a click on a box to a tap on that index; the boxes hold the text so
 * a page can be searched and read by assistive technology. Nothing is fetched and nothing runs: no
 * scripts, no external resources, every text escaped, the picture a data: URL.
 *
 * Device pixels (1080x2400) map to CSS pixels by SCALE: the page is 360x800 CSS px.
 */
export const SCALE = 3;
export const CSS_WIDTH = SCREEN.width / SCALE;
export const CSS_HEIGHT = SCREEN.height / SCALE;
/** The picture's scale: the model's screenshot size, so the viewer shows what a model sees (and the same cached PNG). */
const PICTURE_SCALE = 1.5;

export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const short = (cls: string) => cls.slice(cls.lastIndexOf('.') + 1);
const px = (n: number) => `${Math.round((n / SCALE) * 100) / 100}px`;

/** numeric_tag of every listed node. indexedNodes copies nodes that inherit a row's tap; match those by their fields. */
function tags(root: UiNode, nodes: UiNode[]): Map<UiNode, number> {
  const out = new Map<UiNode, number>();
  let i = 0;
  const same = (a: UiNode, b: UiNode) =>
    a === b || (a.class === b.class && a.bounds === b.bounds && a.text === b.text && a.desc === b.desc && a.id === b.id && a.children === b.children);
  const walk = (n: UiNode) => {
    if (i < nodes.length && same(nodes[i]!, n)) out.set(n, i++);
    n.children?.forEach(walk);
  };
  walk(root);
  return out;
}

/** What a node's box holds as text: what it shows (a field's hint when empty, a password's dots). */
function textOf(n: UiNode): string {
  return shownText(n) || n.hint || (n.children?.length ? '' : n.desc ?? '');
}

/** Appends a node's hit box, then its children's: tree order is the order boxes stack in. */
function emit(n: UiNode, parent: UiNode | undefined, tagged: Map<UiNode, number>, out: string[]): void {
  const b = n.bounds;
  if (b) {
    const tag = tagged.get(n);
    const attrs = [
      `class="n ${kindOf(n, parent)}"`,
      `style="left:${px(b[0])};top:${px(b[1])};width:${px(b[2] - b[0])};height:${px(b[3] - b[1])}"`,
      `data-class="${escapeHtml(short(n.class))}"`,
      ...(n.id ? [`data-id="${escapeHtml(n.id)}"`] : []),
      ...(tag !== undefined ? [`data-tag="${tag}"`] : []),
      `data-bounds="[${b[0]},${b[1]}][${b[2]},${b[3]}]"`,
    ];
    const t = textOf(n);
    out.push(`<div ${attrs.join(' ')}>${t ? `<span>${escapeHtml(t)}</span>` : ''}</div>`);
  }
  n.children?.forEach((k) => emit(k, n, tagged, out));
}

const CSS = `
*{box-sizing:border-box;margin:0;padding:0}
html,body{width:${CSS_WIDTH}px;height:${CSS_HEIGHT}px;overflow:hidden;background:#000}
.phone{position:relative;width:${CSS_WIDTH}px;height:${CSS_HEIGHT}px;overflow:hidden;font:14px/1.2 sans-serif}
.phone>img{position:absolute;left:0;top:0;width:${CSS_WIDTH}px;height:${CSS_HEIGHT}px;user-select:none}
.n{position:absolute;overflow:hidden;color:transparent}
.n span{white-space:pre-wrap;overflow-wrap:anywhere}
`;

export interface RenderOptions {
  /** The element list's nodes (composeScreen's `nodes`): each gets `data-tag`. Default: from the tree. */
  nodes?: UiNode[];
  /** The document's title. */
  title?: string;
}

/** Just the phone's screen (a `div.phone`: the picture and the hit boxes), for embedding next to the phone's CSS. */
export function renderPhoneBody(root: UiNode, options: RenderOptions = {}): string {
  const png = screenshotScene(sceneOf(root), { scale: PICTURE_SCALE });
  const out: string[] = [];
  emit(root, undefined, tags(root, options.nodes ?? indexedNodes(root)), out);
  return `<div class="phone ${surfaceOf(root)}"><img alt="" src="data:image/png;base64,${png.toString('base64')}">${out.join('')}</div>`;
}

/** One self-contained HTML document: the phone's screen at 360x800 CSS px, no scripts, nothing fetched. */
export function renderPhoneHtml(root: UiNode, options: RenderOptions = {}): string {
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<meta name="viewport" content="width=${CSS_WIDTH}">`,
    `<title>${escapeHtml(options.title ?? 'Phone')}</title><style>${CSS}</style></head><body>`,
    renderPhoneBody(root, options),
    '</body></html>',
  ].join('');
}
