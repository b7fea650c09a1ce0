import type { Element } from '../../src/public/index.ts';
import type { UiNode } from './ui.ts';

export type { Element };

/**
 * Nodes worth listing: they say or do something. Layout containers are skipped unless they can be
 * tapped or scrolled, which keeps the list an agent reads short.
 */
function listed(n: UiNode): boolean {
  if (n.children?.length) return Boolean(n.clickable || n.scrollable || n.text || n.desc);
  return Boolean(n.text || n.desc || n.id || n.clickable || n.checkable || n.field !== undefined);
}

/**
 * The nodes of the element list, in tree order: index i is `numeric_tag` i. A tap on text inside a
 * tappable row reaches the row, as touches do on Android: such nodes carry the row's events.
 */
export function indexedNodes(root: UiNode): UiNode[] {
  const out: UiNode[] = [];
  const walk = (n: UiNode, inherited?: UiNode) => {
    let node = inherited && !n.onTap && n.field === undefined
      ? { ...n, onTap: inherited.onTap, onLongTap: n.onLongTap ?? inherited.onLongTap, ...(inherited.risk ? { risk: inherited.risk } : {}) }
      : n;
    // A disabled control (Send before anything is typed) is seen but does nothing when tapped.
    if (n.enabled === false && (node.onTap || node.onLongTap)) node = { ...node, onTap: undefined, onLongTap: undefined };
    if (listed(n)) out.push(node);
    const carrier = n.enabled === false ? node : n.onTap || n.onLongTap ? n : inherited;
    n.children?.forEach((c) => walk(c, carrier));
  };
  walk(root);
  return out;
}

/** The node's resource-id as the page source shows it: its verbatim one, else `<package>:id/<id>`, else none (''). */
export const resourceId = (n: UiNode): string => n.resourceId ?? (n.id ? `${n.package ?? 'android'}:id/${n.id}` : '');

export function elementList(nodes: UiNode[]): Element[] {
  return nodes.map((n, i) => ({
    numeric_tag: i,
    resource_id: resourceId(n),
    class: n.class.slice(n.class.lastIndexOf('.') + 1),
    content_description: n.desc ?? '',
    text: n.password && n.text ? '•'.repeat(n.text.length) : (n.text ?? ''),
    checked: n.checked ?? false,
  }));
}
