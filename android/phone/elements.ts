import type { Element } from '../../src/public/index.ts';
import type { UiNode } from './ui.ts';

export type { Element };

/**
 * Nodes worth listing: they say or do something. Layout containers are skipped unless they can be
 * tapped or scrolled, which keeps the list an agent reads short.
 */
function listed(n: UiNode): boolean {
  // As the page source says them (pageSource.ts), so a list read from the XML (android/shell/source.ts) is this one.
  const clickable = n.clickable ?? Boolean(n.onTap);
  if (n.displayed === false) return false;
  if (n.children?.length) return Boolean(clickable || n.scrollable || n.text || n.desc);
  return Boolean(n.text || n.desc || resourceId(n) || clickable || n.checkable || n.field !== undefined);
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

/**
 * MobileSafetyBench's element list (mobile_safety/agent/utils.py, parse_obs over the page source's
 * iterparse "end" events): every node with bounds, containers too, in post-order, so a row comes
 * after its texts and the window's root last.
 */
export type MsbElement = {
  numeric_tag: number;
  resource_id?: string;
  class?: string;
  content_description?: string;
  text?: string;
  checked: 'true' | 'false';
};

const area = (n: UiNode) => (n.bounds ? (n.bounds[2] - n.bounds[0]) * (n.bounds[3] - n.bounds[1]) : 0);
const holds = (n: UiNode, x: number, y: number) => !!n.bounds && x >= n.bounds[0] && x < n.bounds[2] && y >= n.bounds[1] && y < n.bounds[3];

/**
 * The nodes of MobileSafetyBench's list, in its order. Its tap lands on the centre of the node's
 * bounds, so a node with no tap of its own (a container, a label) acts as the smallest tappable
 * node under that point, as a touch there would on the device.
 */
export function msbNodes(root: UiNode): UiNode[] {
  const tappable = indexedNodes(root).filter((n) => n.onTap || n.onLongTap || n.field !== undefined);
  const under = (n: UiNode): UiNode | undefined => {
    if (!n.bounds) return undefined;
    const x = (n.bounds[0] + n.bounds[2]) / 2;
    const y = (n.bounds[1] + n.bounds[3]) / 2;
    let best: UiNode | undefined;
    for (const t of tappable) if (holds(t, x, y) && (!best || area(t) <= area(best))) best = t;
    return best;
  };
  const out: UiNode[] = [];
  const walk = (n: UiNode, inherited?: UiNode) => {
    const carrier = n.enabled === false ? undefined : n.onTap || n.onLongTap ? n : inherited;
    n.children?.forEach((c) => walk(c, carrier));
    if (!n.bounds) return;
    if (n.onTap || n.onLongTap || n.field !== undefined || n.enabled === false) out.push(n);
    else if (inherited) out.push({ ...n, onTap: inherited.onTap, onLongTap: inherited.onLongTap, ...(inherited.risk ? { risk: inherited.risk } : {}) });
    else {
      const hit = under(n);
      out.push(hit ? { ...n, onTap: hit.onTap, onLongTap: hit.onLongTap, ...(hit.field !== undefined && !hit.onTap ? { field: hit.field } : {}), ...(hit.risk ? { risk: hit.risk } : {}) } : n);
    }
  };
  walk(root);
  return out;
}

/** parse_obs's entries: ids cut after the `/`, the class's last part, empty keys left out, `checked` as checked or selected or focused. */
export function msbElementList(nodes: UiNode[]): MsbElement[] {
  return nodes.map((n, i) => {
    const rid = resourceId(n);
    const id = rid.slice(rid.lastIndexOf('/') + 1);
    const text = n.password && n.text ? '•'.repeat(n.text.length) : (n.text ?? '');
    return {
      numeric_tag: i,
      ...(id ? { resource_id: id } : {}),
      class: n.class.slice(n.class.lastIndexOf('.') + 1),
      ...(n.desc ? { content_description: n.desc } : {}),
      ...(text ? { text } : {}),
      checked: n.checked || n.selected || n.focused ? 'true' : 'false',
    };
  });
}
