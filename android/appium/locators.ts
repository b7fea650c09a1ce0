import xpath from 'xpath';
import type { ParsedSource, SourceNode } from './source.ts';
import { cachedRegex } from '../../src/public/index.ts';

/** The locator strategies of UiAutomator2 that the virtual phone answers. */
export const LOCATOR_STRATEGIES = ['id', 'accessibility id', 'xpath', 'class name', '-android uiautomator'] as const;

/** A selector that cannot be read: the driver answers W3C `invalid selector`. */
export class InvalidSelector extends Error {}

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
    case '-android uiautomator':
      return byUiSelector(pool, selector);
    default:
      throw new InvalidSelector(`locator strategy "${strategy}" is not supported; use one of: ${LOCATOR_STRATEGIES.join(', ')}`);
  }
}

function byXpath(source: ParsedSource, selector: string, context?: SourceNode): SourceNode[] {
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

type Criterion = { method: string; value: string | number | boolean };

const UI_METHODS: Record<string, (n: SourceNode, v: any) => boolean> = {
  text: (n, v: string) => n.text === v,
  textContains: (n, v: string) => n.text.includes(v),
  textStartsWith: (n, v: string) => n.text.startsWith(v),
  // The agent writes these patterns: matched in linear time, so none stalls the server.
  textMatches: (n, v: string) => cachedRegex(`^(?:${v})$`).test(n.text),
  resourceId: (n, v: string) => n.resourceId === v,
  resourceIdMatches: (n, v: string) => cachedRegex(`^(?:${v})$`).test(n.resourceId),
  description: (n, v: string) => n.desc === v,
  descriptionContains: (n, v: string) => n.desc.includes(v),
  className: (n, v: string) => n.class === v || n.class.endsWith(`.${v}`),
  index: (n, v: number) => n.index === v,
  clickable: (n, v: boolean) => n.clickable === v,
  checkable: (n, v: boolean) => n.checkable === v,
  checked: (n, v: boolean) => n.checked === v,
  enabled: (n, v: boolean) => n.enabled === v,
  scrollable: (n, v: boolean) => n.scrollable === v,
  selected: (n, v: boolean) => n.selected === v,
};

/**
 * A subset of UiSelector: `new UiSelector().text("Send").instance(0)` and the bare form
 * `text("Send")`; criteria combine with AND, `instance(n)` picks the n-th match.
 */
function byUiSelector(pool: SourceNode[], selector: string): SourceNode[] {
  const body = selector.trim().replace(/;$/, '').replace(/^new\s+UiSelector\(\)\s*/, '').replace(/^\./, '');
  const criteria: Criterion[] = [];
  let instance: number | undefined;
  const call = /^\.?\s*([A-Za-z]+)\(\s*("(?:[^"\\]|\\.)*"|-?\d+|true|false)\s*\)\s*/;
  let rest = body;
  while (rest.length) {
    const m = call.exec(rest);
    if (!m) throw new InvalidSelector(`cannot read UiSelector ${JSON.stringify(selector)} at ${JSON.stringify(rest.slice(0, 40))}; supported: ${[...Object.keys(UI_METHODS), 'instance'].join(', ')}`);
    const [, method, raw] = m as unknown as [string, string, string];
    const value = raw.startsWith('"') ? (JSON.parse(raw) as string) : raw === 'true' || raw === 'false' ? raw === 'true' : Number(raw);
    if (method === 'instance' && typeof value === 'number') instance = value;
    else if (UI_METHODS[method]) criteria.push({ method, value });
    else throw new InvalidSelector(`UiSelector method ${method}() is not supported; supported: ${[...Object.keys(UI_METHODS), 'instance'].join(', ')}`);
    rest = rest.slice(m[0].length);
  }
  if (criteria.length === 0 && instance === undefined) throw new InvalidSelector(`empty UiSelector ${JSON.stringify(selector)}`);
  let found: SourceNode[];
  try {
    found = pool.filter((n) => criteria.every((c) => UI_METHODS[c.method]!(n, c.value)));
  } catch (e) {
    throw new InvalidSelector(`invalid pattern in UiSelector ${JSON.stringify(selector)}: ${(e as Error).message}`);
  }
  return instance === undefined ? found : found.slice(instance, instance + 1);
}
