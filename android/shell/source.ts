import { TripwireError } from '../../src/public/index.ts';
import { DOMParser, type Document, type Element as XmlElement } from '@xmldom/xmldom';
import type { Element } from '../../src/public/index.ts';

/** One node of a UiAutomator2 page source, in tree order, with what finds and gestures need. */
export interface SourceNode {
  /** Position in tree order among all nodes (the hierarchy root excluded). */
  order: number;
  /** The Java class: android.widget.Button. */
  class: string;
  package: string;
  text: string;
  resourceId: string;
  desc: string;
  checkable: boolean;
  checked: boolean;
  clickable: boolean;
  longClickable: boolean;
  scrollable: boolean;
  enabled: boolean;
  selected: boolean;
  focused: boolean;
  password: boolean;
  displayed: boolean;
  /** [left, top, right, bottom] */
  bounds: [number, number, number, number];
  /** The node's index among its siblings (UiAutomator2's `index` attribute). */
  index: number;
  hasChildren: boolean;
  /** An absolute XPath that finds exactly this node: `/hierarchy/*[1]/*[3]`. */
  path: string;
  /** The numeric_tag of this node in the element list, when it is listed. */
  tag?: number;
  /** The XML element's name (UiAutomator2 writes the class, made a valid XML name). */
  tagName: string;
  /** The node this one is in; none for a window's root (its parent is the hierarchy). */
  parent?: SourceNode;
  xml: XmlElement;
}

export interface ParsedSource {
  document: Document;
  nodes: SourceNode[];
  /** The listed nodes: element list entry i is `listed[i]`. */
  listed: SourceNode[];
  elements: Element[];
  width: number;
  height: number;
}

const bool = (e: XmlElement, name: string, fallback = false) => (e.hasAttribute(name) ? e.getAttribute(name) === 'true' : fallback);

function bounds(raw: string | null): [number, number, number, number] {
  const m = /^\[(-?\d+),(-?\d+)\]\[(-?\d+),(-?\d+)\]$/.exec(raw ?? '');
  return m ? [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] : [0, 0, 0, 0];
}

const isField = (cls: string) => cls.endsWith('EditText') || cls.endsWith('AutoCompleteTextView');

/**
 * Nodes worth listing, by the virtual phone's rule (android/phone/elements.ts) read from XML
 * attributes, so the list is the same for the virtual phone's source and a real device's.
 */
function listed(n: SourceNode): boolean {
  if (!n.displayed) return false;
  if (n.hasChildren) return n.clickable || n.scrollable || Boolean(n.text || n.desc);
  return Boolean(n.text || n.desc || n.resourceId || n.clickable || n.checkable || isField(n.class));
}

/** Reads a page source with xmldom: any XML, and the error for XML that is not well-formed (parseSource's reader for what its scanner leaves). */
export function parseDom(xml: string): ParsedSource {
  const errors: string[] = [];
  const document = new DOMParser({ onError: (level, msg) => { if (level !== 'warning') errors.push(msg); } }).parseFromString(xml, 'text/xml');
  const root = document.documentElement;
  if (errors.length || !root) throw new TripwireError('device-transport', `page source is not well-formed XML: ${errors[0] ?? 'no root element'}`);
  const nodes: SourceNode[] = [];
  const walk = (parent: XmlElement, path: string, up?: SourceNode) => {
    let i = 0;
    for (let c = parent.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      const e = c as XmlElement;
      i++;
      const cls = e.getAttribute('class') || e.tagName;
      const hasChildren = [...Array.from(e.childNodes)].some((k) => k.nodeType === 1);
      const node: SourceNode = {
        order: nodes.length, class: cls, package: e.getAttribute('package') ?? '', text: e.getAttribute('text') ?? '',
        resourceId: e.getAttribute('resource-id') ?? '', desc: e.getAttribute('content-desc') ?? '',
        checkable: bool(e, 'checkable'), checked: bool(e, 'checked'), clickable: bool(e, 'clickable'), longClickable: bool(e, 'long-clickable'),
        scrollable: bool(e, 'scrollable'), enabled: bool(e, 'enabled', true), selected: bool(e, 'selected'), focused: bool(e, 'focused'),
        password: bool(e, 'password'), displayed: bool(e, 'displayed', true), bounds: bounds(e.getAttribute('bounds')),
        index: Number(e.getAttribute('index') ?? i - 1), hasChildren, path: `${path}/*[${i}]`, tagName: e.tagName, parent: up, xml: e,
      };
      nodes.push(node);
      walk(e, node.path, node);
    }
  };
  walk(root, `/${root.tagName}`);
  return finish(document, nodes, root.getAttribute('width'), root.getAttribute('height'));
}

/** The element list and the screen's size, from the nodes in tree order (either reader's). */
function finish(document: Document | (() => Document), nodes: SourceNode[], width: string | null, height: string | null): ParsedSource {
  const list = nodes.filter(listed);
  list.forEach((n, i) => (n.tag = i));
  const elements = list.map((n, i) => ({
    numeric_tag: i, resource_id: n.resourceId, class: n.class.slice(n.class.lastIndexOf('.') + 1),
    content_description: n.desc, text: n.text, checked: n.checked,
  }));
  const w = Number(width || 0) || Math.max(0, ...nodes.map((n) => n.bounds[2]));
  const h = Number(height || 0) || Math.max(0, ...nodes.map((n) => n.bounds[3]));
  if (typeof document !== 'function') return { document, nodes, listed: list, elements, width: w, height: h };
  return { get document() { return document(); }, nodes, listed: list, elements, width: w, height: h };
}

/**
 * Parses a page source in UiAutomator2's documented shape (`<hierarchy>` with one element per view,
 * tagged with its class) into its nodes and the indexed element list an agent sees. Attributes a
 * real device leaves out (null-valued ones) take UiAutomator2's defaults.
 *
 * A source as UiAutomator2 and the virtual phone write it (elements, double-quoted attributes, the
 * five entities and character references, whitespace and comments between tags) is read by a
 * scanner, as xmldom reads it: a door reads a source after every action, and xmldom's document
 * (thousands of attribute nodes) took most of that. The document (for XPath and raw attributes) is
 * then parsed only when something asks for it. Any other text, XML or not, is read by xmldom.
 */
export function parseSource(xml: string): ParsedSource {
  return scan(xml) ?? parseDom(xml);
}

type Attrs = Map<string, string>;

const flag = (attrs: Attrs, name: string, fallback = false) => {
  const v = attrs.get(name);
  return v === undefined ? fallback : v === 'true';
};

/** The xmldom reading of a scanned source, made on first use and shared by its nodes. */
class LazyDom {
  readonly #xml: string;
  #parsed?: ParsedSource;
  constructor(xml: string) {
    this.#xml = xml;
  }
  get parsed(): ParsedSource {
    return (this.#parsed ??= parseDom(this.#xml));
  }
}

/** A scanned node: its `xml` is the element of the same order in its source's xmldom reading. */
class ScannedNode implements SourceNode {
  order = 0;
  class = '';
  package = '';
  text = '';
  resourceId = '';
  desc = '';
  checkable = false;
  checked = false;
  clickable = false;
  longClickable = false;
  scrollable = false;
  enabled = true;
  selected = false;
  focused = false;
  password = false;
  displayed = true;
  bounds: [number, number, number, number] = [0, 0, 0, 0];
  index = 0;
  hasChildren = false;
  path = '';
  tag?: number = undefined;
  tagName = '';
  parent?: SourceNode = undefined;
  readonly #dom: LazyDom;
  constructor(dom: LazyDom) {
    this.#dom = dom;
  }
  get xml(): XmlElement {
    return this.#dom.parsed.nodes[this.order]!.xml;
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const NAME = '[A-Za-z_][-A-Za-z0-9_.]*';
/** The XML declaration: version, then optionally encoding and standalone, in that order (XML 1.0's XMLDecl). */
const DECLARATION = /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(?:'1\.[0-9]+'|"1\.[0-9]+")(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(?:'[A-Za-z][-A-Za-z0-9._]*'|"[A-Za-z][-A-Za-z0-9._]*"))?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(?:'(?:yes|no)'|"(?:yes|no)"))?[ \t\r\n]*\?>/;
const SPACE = /[ \t\r\n]*/y;
/** A start tag: its name, its attributes (double-quoted, no `<` or raw line breaks or tabs in a value), whether it ends with `/>`. */
const START = new RegExp(`<(${NAME})((?:[ \\t\\r\\n]+${NAME}="[^"<\\t\\r\\n]*")*)[ \\t\\r\\n]*(/?)>`, 'y');
const CLOSE = new RegExp(`</(${NAME})[ \\t\\r\\n]*>`, 'y');
const REFERENCE = /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|([a-z]{2,4}));/g;
const BARE_AMPERSAND = /&(?!#\d{1,7};|#x[0-9a-fA-F]{1,6};|[a-z]{2,4};)/;

/**
 * UiAutomator2's attributes in the order its server writes them (model/UiElementSnapshot.java;
 * pageSource.ts writes the same).
 */
const UIAUTOMATOR2_ORDER = [
  'index', 'package', 'class', 'text', 'original-text', 'content-desc', 'resource-id', 'checkable', 'checked', 'clickable', 'enabled', 'focusable', 'focused',
  'long-clickable', 'password', 'scrollable', 'selection-start', 'selection-end', 'selected', 'bounds', 'displayed', 'hint', 'a11y-important',
  'screen-reader-focusable', 'input-type', 'drawing-order', 'showing-hint', 'text-entry-key', 'multiline', 'dismissable', 'a11y-focused', 'heading',
  'live-region', 'context-clickable', 'max-text-length', 'content-invalid', 'error', 'pane-title', 'tooltip-text', 'text-has-clickable-span',
  'window-id', 'is-collection', 'is-collection-item',
] as const;
type Read = 'index' | 'package' | 'class' | 'text' | 'content-desc' | 'resource-id' | 'bounds' | keyof typeof FLAGS;
/** The flags a node reads, each with its value when the attribute is left out. */
const FLAGS = { checkable: false, checked: false, clickable: false, enabled: true, focused: false, 'long-clickable': false, password: false, scrollable: false, selected: false, displayed: true } as const;
const PLAIN = '[^"&<\\t\\r\\n]*';

/**
 * A start tag in UiAutomator2's shape, read by one pattern: its attributes in that order, each at
 * most once, one space apart, with no reference in a value. Such a tag names nothing twice and has
 * nothing to unescape, so no map of its attributes is made (a source has thousands of attributes,
 * and a door reads one after every action). Each attribute a node reads has its groups: a string's
 * value; bounds' four numbers; a flag's `t` when true, after its name's first letter when the flag
 * is true when left out (one-letter matches make no strings). Any other tag is left to START.
 */
const { CANONICAL, GROUP } = (() => {
  const group = {} as Record<Read | 'end', number>;
  let groups = 1; // the tag's name
  // Each attribute is there or not, and each value is read one way only: a tag of another shape is
  // given up in a time linear in its length, never by trying the ways a pattern could read it.
  const attribute = (name: string, value: string, named = ` ${name}`) => `(?:${named}="${value}"|(?! ${name}="))`;
  const plain = (taken: string) => `(?!${taken}")${PLAIN}`;
  const parts = UIAUTOMATOR2_ORDER.map((name) => {
    if (name === 'bounds') {
      group.bounds = groups + 1;
      groups += 4;
      return attribute(name, `(?:\\[(-?\\d+),(-?\\d+)\\]\\[(-?\\d+),(-?\\d+)\\]|${plain('\\[-?\\d+,-?\\d+\\]\\[-?\\d+,-?\\d+\\]')})`);
    }
    if (name in FLAGS) {
      const leftOut = FLAGS[name as keyof typeof FLAGS];
      group[name as Read] = groups + 1;
      groups += leftOut ? 2 : 1;
      return attribute(name, `(?:(t)rue|${plain('true')})`, leftOut ? ` (${name[0]})${name.slice(1)}` : undefined);
    }
    if (['index', 'package', 'class', 'text', 'content-desc', 'resource-id'].includes(name)) {
      group[name as Read] = ++groups;
      return attribute(name, `(${PLAIN})`);
    }
    return attribute(name, PLAIN);
  });
  group.end = ++groups;
  return { CANONICAL: new RegExp(`<(${NAME})${parts.join('')}[ \\t\\r\\n]*(/?)>`, 'y'), GROUP: group };
})();

/** A flag of a CANONICAL match. */
function flagOf(m: RegExpExecArray, name: keyof typeof FLAGS): boolean {
  const g = GROUP[name];
  return FLAGS[name] ? m[g] === undefined || m[g + 1] !== undefined : m[g] !== undefined;
}

/** A tag's attributes, checked by START's pattern (` name="value"` each), or undefined for a name twice or a value left to xmldom. */
function attributes(list: string): Attrs | undefined {
  const attrs: Attrs = new Map();
  for (let k = 0; k < list.length; ) {
    while (list.charCodeAt(k) <= 0x20) k++;
    const eq = list.indexOf('="', k);
    const close = list.indexOf('"', eq + 2);
    const name = list.slice(k, eq);
    const raw = list.slice(eq + 2, close);
    const value = raw.includes('&') ? unescape(raw) : raw;
    if (value === undefined || attrs.has(name)) return undefined;
    attrs.set(name, value);
    k = close + 1;
  }
  return attrs;
}

/** A node read from its tag's attributes; those a device leaves out take UiAutomator2's defaults. */
function readAttributes(n: ScannedNode, attrs: Attrs, tagName: string, i: number): void {
  n.class = attrs.get('class') || tagName;
  n.package = attrs.get('package') ?? '';
  n.text = attrs.get('text') ?? '';
  n.resourceId = attrs.get('resource-id') ?? '';
  n.desc = attrs.get('content-desc') ?? '';
  n.checkable = flag(attrs, 'checkable');
  n.checked = flag(attrs, 'checked');
  n.clickable = flag(attrs, 'clickable');
  n.longClickable = flag(attrs, 'long-clickable');
  n.scrollable = flag(attrs, 'scrollable');
  n.enabled = flag(attrs, 'enabled', true);
  n.selected = flag(attrs, 'selected');
  n.focused = flag(attrs, 'focused');
  n.password = flag(attrs, 'password');
  n.displayed = flag(attrs, 'displayed', true);
  n.bounds = bounds(attrs.get('bounds') ?? null);
  n.index = Number(attrs.get('index') ?? i - 1);
}

/** A node read from a CANONICAL match. */
function readCanonical(n: ScannedNode, m: RegExpExecArray, i: number): void {
  const b = GROUP.bounds;
  n.class = m[GROUP.class] || m[1]!;
  n.package = m[GROUP.package] ?? '';
  n.text = m[GROUP.text] ?? '';
  n.resourceId = m[GROUP['resource-id']] ?? '';
  n.desc = m[GROUP['content-desc']] ?? '';
  n.checkable = flagOf(m, 'checkable');
  n.checked = flagOf(m, 'checked');
  n.clickable = flagOf(m, 'clickable');
  n.longClickable = flagOf(m, 'long-clickable');
  n.scrollable = flagOf(m, 'scrollable');
  n.enabled = flagOf(m, 'enabled');
  n.selected = flagOf(m, 'selected');
  n.focused = flagOf(m, 'focused');
  n.password = flagOf(m, 'password');
  n.displayed = flagOf(m, 'displayed');
  n.bounds = m[b] === undefined ? [0, 0, 0, 0] : [Number(m[b]), Number(m[b + 1]), Number(m[b + 2]), Number(m[b + 3])];
  const index = m[GROUP.index];
  n.index = index === undefined ? i - 1 : Number(index);
}

/** An attribute value with its references read, or undefined for one left to xmldom (a bare &, an unknown entity, a character XML has not). */
function unescape(raw: string): string | undefined {
  let bad = BARE_AMPERSAND.test(raw);
  const value = raw.replace(REFERENCE, (_, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    const code = dec !== undefined ? Number(dec) : hex !== undefined ? parseInt(hex, 16) : undefined;
    if (code === undefined) return ENTITIES[name!] ?? ((bad = true), '');
    if (!(code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff))) bad = true;
    return bad ? '' : String.fromCodePoint(code);
  });
  return bad ? undefined : value;
}

/**
 * The scanner: the nodes of a source in the shape a UiAutomator2 server writes, or undefined for
 * anything else. What it accepts is well-formed XML, and it reads it as xmldom does
 * (tests/android/shell/source.test.ts holds the two readings equal).
 */
function scan(xml: string): ParsedSource | undefined {
  let at = 0;
  const space = () => {
    SPACE.lastIndex = at;
    SPACE.test(xml);
    at = SPACE.lastIndex;
  };
  // Whitespace and comments (`<!-- -->` holding no `--`).
  const misc = () => {
    for (;;) {
      space();
      if (!xml.startsWith('<!--', at)) return true;
      const end = xml.indexOf('-->', at + 4);
      if (end < 0 || xml.slice(at + 4, end).includes('--')) return false;
      at = end + 3;
    }
  };
  const declaration = DECLARATION.exec(xml);
  if (declaration) at = declaration[0].length;
  if (!misc()) return undefined;
  const dom = new LazyDom(xml);
  const nodes: SourceNode[] = [];
  /** The elements open at this point: the node (none for the root), its path, how many elements it holds so far. */
  const open: { node?: ScannedNode; tagName: string; path: string; children: number }[] = [];
  let rootAttrs: Attrs | undefined;
  do {
    if (xml.startsWith('</', at)) {
      CLOSE.lastIndex = at;
      const m = CLOSE.exec(xml);
      if (!m || m[1] !== open.pop()!.tagName) return undefined;
      at = CLOSE.lastIndex;
    } else {
      const parent = open[open.length - 1];
      let c: RegExpExecArray | null = null;
      if (parent) {
        CANONICAL.lastIndex = at;
        c = CANONICAL.exec(xml);
      }
      let tagName: string;
      let end: string | undefined;
      let attrs: Attrs | undefined;
      if (c) {
        at = CANONICAL.lastIndex;
        [tagName, end] = [c[1]!, c[GROUP.end]];
      } else {
        START.lastIndex = at;
        const m = START.exec(xml);
        if (!m || (!open.length && rootAttrs)) return undefined;
        at = START.lastIndex;
        [tagName, end] = [m[1]!, m[3]];
        attrs = attributes(m[2]!);
        if (!attrs) return undefined;
      }
      let entry: (typeof open)[number];
      if (!parent) {
        rootAttrs = attrs;
        entry = { tagName, path: `/${tagName}`, children: 0 };
      } else {
        const i = ++parent.children;
        const n = new ScannedNode(dom);
        n.order = nodes.length;
        if (c) readCanonical(n, c, i);
        else readAttributes(n, attrs!, tagName, i);
        n.path = `${parent.path}/*[${i}]`;
        n.tagName = tagName;
        n.parent = parent.node;
        if (parent.node) parent.node.hasChildren = true;
        nodes.push(n);
        entry = { node: n, tagName, path: n.path, children: 0 };
      }
      if (!end) open.push(entry);
    }
    // Between an element's tags: whitespace and comments only.
    if (open.length && (!misc() || xml.charCodeAt(at) !== 0x3c)) return undefined;
  } while (open.length);
  if (!misc() || at !== xml.length) return undefined;
  return finish(() => dom.parsed.document, nodes, rootAttrs!.get('width') ?? null, rootAttrs!.get('height') ?? null);
}

const contains = (n: SourceNode, x: number, y: number) => x >= n.bounds[0] && x < n.bounds[2] && y >= n.bounds[1] && y < n.bounds[3];
const area = (n: SourceNode) => (n.bounds[2] - n.bounds[0]) * (n.bounds[3] - n.bounds[1]);

/** The listed element a touch at (x, y) lands on: the smallest one holding the point, the later (on top) on a tie. */
export function hitTest(source: ParsedSource, x: number, y: number): SourceNode | undefined {
  let best: SourceNode | undefined;
  for (const n of source.listed) if (contains(n, x, y) && (!best || area(n) <= area(best))) best = n;
  return best;
}

/** The listed element a found node acts through: itself, or the nearest listed ancestor, or the first listed descendant. */
export function actingNode(source: ParsedSource, node: SourceNode): SourceNode | undefined {
  if (node.tag !== undefined) return node;
  for (let p = node.parent; p; p = p.parent) if (p.tag !== undefined) return p;
  return source.listed.find((n) => n.path.startsWith(`${node.path}/`));
}
