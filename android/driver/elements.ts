import { createHash } from 'node:crypto';
import type { ParsedSource, SourceNode } from '../shell/source.ts';

const isField = (cls: string) => /EditText|AutoCompleteTextView/.test(cls);

/**
 * What makes a node the same element on the next screen, as UiAutomator2 keeps a reference valid
 * while its view exists: its app, its place in the tree (each ancestor's class and sibling index),
 * its resource id, description and bounds, and its text unless it is a text field (typing changes a
 * field's text, not the field). The status bar's clock ticking changes none of another node's.
 */
function identity(node: SourceNode): string {
  const chain: string[] = [];
  // Each element's name and its index among its sibling elements (its path's last step, from 1), up to the hierarchy.
  for (let n: SourceNode | undefined = node; n; n = n.parent) chain.push(`${n.tagName}[${Number(n.path.slice(n.path.lastIndexOf('[') + 1, -1)) - 1}]`);
  chain.push(`${node.path.slice(1, node.path.indexOf('/', 1))}[0]`);
  return JSON.stringify([node.package, chain, node.resourceId, node.desc, node.bounds, isField(node.class) ? '' : node.text]);
}

/** An element id from an identity: UUID-shaped, as UiAutomator2's are, and the same for the same element. */
function idOf(key: string): string {
  const h = createHash('sha1').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** The id of one node's element. */
export const elementIdOf = (node: SourceNode): string => idOf(identity(node));

/** A screen's elements by id (each node's, computed once per screen). */
export function elementIds(source: ParsedSource): { byId: Map<string, SourceNode>; ids: Map<SourceNode, string> } {
  const byId = new Map<string, SourceNode>();
  const ids = new Map<SourceNode, string>();
  for (const n of source.nodes) {
    const id = idOf(identity(n));
    // Two nodes alike in every respect (never on a real tree: the sibling index differs) keep the first.
    if (!byId.has(id)) byId.set(id, n);
    ids.set(n, id);
  }
  return { byId, ids };
}

/**
 * The element ids a session has handed out: an id it gave that names nothing on the screen now is
 * a stale reference (its element is gone); an id it never gave is no element at all.
 */
export class ElementStore {
  readonly #given = new Set<string>();
  give(id: string): string {
    this.#given.add(id);
    return id;
  }
  given(id: string): boolean {
    return this.#given.has(id);
  }
}
