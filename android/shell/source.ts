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

/**
 * Parses a page source in UiAutomator2's documented shape (`<hierarchy>` with one element per view,
 * tagged with its class) into its nodes and the indexed element list an agent sees. Attributes a
 * real device leaves out (null-valued ones) take UiAutomator2's defaults.
 */
export function parseSource(xml: string): ParsedSource {
  const errors: string[] = [];
  const document = new DOMParser({ onError: (level, msg) => { if (level !== 'warning') errors.push(msg); } }).parseFromString(xml, 'text/xml');
  const root = document.documentElement;
  if (errors.length || !root) throw new TripwireError('device-transport', `page source is not well-formed XML: ${errors[0] ?? 'no root element'}`);
  const nodes: SourceNode[] = [];
  const walk = (parent: XmlElement, path: string) => {
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
        index: Number(e.getAttribute('index') ?? i - 1), hasChildren, path: `${path}/*[${i}]`, xml: e,
      };
      nodes.push(node);
      walk(e, node.path);
    }
  };
  walk(root, `/${root.tagName}`);
  const list = nodes.filter(listed);
  list.forEach((n, i) => (n.tag = i));
  return {
    document, nodes, listed: list,
    elements: list.map((n, i) => ({
      numeric_tag: i, resource_id: n.resourceId, class: n.class.slice(n.class.lastIndexOf('.') + 1),
      content_description: n.desc, text: n.text, checked: n.checked,
    })),
    width: Number(root.getAttribute('width') || 0) || Math.max(0, ...nodes.map((n) => n.bounds[2])),
    height: Number(root.getAttribute('height') || 0) || Math.max(0, ...nodes.map((n) => n.bounds[3])),
  };
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
  for (let p = node.xml.parentNode; p && p.nodeType === 1; p = p.parentNode) {
    const hit = source.nodes.find((n) => n.xml === p);
    if (hit?.tag !== undefined) return hit;
  }
  return source.listed.find((n) => n.path.startsWith(`${node.path}/`));
}
