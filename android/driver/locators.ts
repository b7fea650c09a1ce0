import xpath from 'xpath';
import { cssToSelector } from './css.ts';
import type { ParsedSource, SourceNode } from '../shell/source.ts';
import { InvalidSelector, readUiAutomator, select, type Scrollable } from './uiSelector.ts';

export { InvalidSelector };

/** The locator strategies of UiAutomator2 that the virtual phone answers. */
export const LOCATOR_STRATEGIES = ['id', 'accessibility id', 'xpath', 'class name', '-android uiautomator', 'css selector'] as const;

/** A `-android uiautomator` selector that scrolls: the caller swipes until its target shows (UiScrollable). */
export function scrollableOf(strategy: string, selector: string): Scrollable | undefined {
  if (strategy !== '-android uiautomator' || !/^\s*new\s+UiScrollable\b/.test(selector)) return undefined;
  const read = readUiAutomator(selector.replace(/^\s*new\s+UiScrollable\b/, 'new UiScrollable'));
  return 'scrollable' in read ? read.scrollable : undefined;
}

/** The nodes a UiScrollable's target is among the nodes under its container (all nodes when no container matches). */
export function locateScrollTarget(source: ParsedSource, s: Scrollable, context?: SourceNode): SourceNode[] {
  const pool = context ? source.nodes.filter((n) => n.path.startsWith(`${context.path}/`)) : source.nodes;
  const containers = select(pool, s.container);
  const inside = containers.length ? pool.filter((n) => containers.some((c) => n.path.startsWith(`${c.path}/`))) : pool;
  return select(inside, s.target);
}

/**
 * The nodes a locator finds, in tree order, optionally under `context` (a find from an element).
 * `id` matches the full resource id, or its name part when the selector has no package (as
 * UiAutomator2 adds the app's package for you).
 */
export function locate(source: ParsedSource, strategy: string, selector: string, context?: SourceNode): SourceNode[] {
  const pool = context ? source.nodes.filter((n) => n.path.startsWith(`${context.path}/`)) : source.nodes;
  switch (strategy) {
    case 'id':
      return pool.filter((n) => n.resourceId === selector || (!selector.includes(':id/') && n.resourceId.endsWith(`:id/${selector}`)));
    case 'accessibility id':
      return pool.filter((n) => n.desc === selector);
    case 'class name':
      return pool.filter((n) => n.class === selector);
    case 'xpath':
      return byXpath(source, selector, context);
    case '-android uiautomator': {
      const read = readUiAutomator(selector);
      return 'selector' in read ? select(pool, read.selector) : locateScrollTarget(source, read.scrollable, context);
    }
    case 'css selector':
      return select(pool, cssToSelector(selector, source.nodes.find((n) => n.package && !n.package.startsWith('com.android.systemui'))?.package ?? ''));
    default:
      throw new InvalidSelector(`locator strategy "${strategy}" is not supported; use one of: ${LOCATOR_STRATEGIES.join(', ')}`);
  }
}

/** Each node by its own path (`/hierarchy/*[1]/*[3]`, as the page source's reader names it), once per source. */
const byPath = new WeakMap<ParsedSource, Map<string, SourceNode>>();

function byXpath(source: ParsedSource, selector: string, context?: SourceNode): SourceNode[] {
  // A node's own path selects that node alone: the XPath a client builds from the source it read, looked up, not evaluated.
  if (!context) {
    let paths = byPath.get(source);
    if (!paths) byPath.set(source, (paths = new Map(source.nodes.map((n) => [n.path, n]))));
    const node = paths.get(selector);
    if (node) return [node];
  }
  let found: unknown;
  try {
    found = xpath.select(selector, (context?.xml ?? source.document) as unknown as Node);
  } catch (e) {
    throw new InvalidSelector(`invalid XPath ${JSON.stringify(selector)}: ${(e as Error).message}`);
  }
  if (!Array.isArray(found)) throw new InvalidSelector(`XPath ${JSON.stringify(selector)} selects a value, not elements`);
  const hits = new Set(found);
  return source.nodes.filter((n) => hits.has(n.xml));
}

