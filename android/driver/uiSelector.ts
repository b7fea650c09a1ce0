import { cachedRegex } from '../../src/public/index.ts';
import type { SourceNode } from '../shell/source.ts';

/** A selector that cannot be read: the driver answers W3C `invalid selector`. */
export class InvalidSelector extends Error {}

type Value = string | number | boolean | Selector;
export type Criterion = { method: string; value: string | number | boolean };

/** A UiSelector: criteria joined by AND, the n-th match (`instance`), and a descendant to find under it (`childSelector`). */
export interface Selector {
  criteria: Criterion[];
  instance?: number;
  child?: Selector;
}

/** A UiScrollable: the list to scroll, the element to scroll into view, and how many swipes to try. */
export interface Scrollable {
  container: Selector;
  target: Selector;
  maxSwipes: number;
  vertical: boolean;
}

const attr = (n: SourceNode, name: string) => n.xml.getAttribute(name) === 'true';
// The agent writes these patterns: matched in linear time, so none stalls the server.
const re = (v: string) => cachedRegex(`^(?:${v})$`, 's');

const METHODS: Record<string, (n: SourceNode, v: any) => boolean> = {
  text: (n, v: string) => n.text === v,
  textContains: (n, v: string) => n.text.includes(v),
  textStartsWith: (n, v: string) => n.text.startsWith(v),
  textMatches: (n, v: string) => re(v).test(n.text),
  resourceId: (n, v: string) => n.resourceId === v,
  resourceIdMatches: (n, v: string) => re(v).test(n.resourceId),
  description: (n, v: string) => n.desc === v,
  descriptionContains: (n, v: string) => n.desc.includes(v),
  descriptionStartsWith: (n, v: string) => n.desc.startsWith(v),
  descriptionMatches: (n, v: string) => re(v).test(n.desc),
  className: (n, v: string) => n.class === v || n.class.endsWith(`.${v}`),
  classNameMatches: (n, v: string) => re(v).test(n.class),
  packageName: (n, v: string) => n.package === v,
  packageNameMatches: (n, v: string) => re(v).test(n.package),
  index: (n, v: number) => n.index === v,
  clickable: (n, v: boolean) => n.clickable === v,
  longClickable: (n, v: boolean) => n.longClickable === v,
  checkable: (n, v: boolean) => n.checkable === v,
  checked: (n, v: boolean) => n.checked === v,
  enabled: (n, v: boolean) => n.enabled === v,
  focusable: (n, v: boolean) => attr(n, 'focusable') === v,
  focused: (n, v: boolean) => n.focused === v,
  scrollable: (n, v: boolean) => n.scrollable === v,
  selected: (n, v: boolean) => n.selected === v,
};

/** The UiSelector methods the phone answers (for error messages and docs). */
export const UI_SELECTOR_METHODS = [...Object.keys(METHODS), 'instance', 'childSelector'];

/** Tripwire's own criterion for CSS `[name=...]` (Selenium's By.NAME): Appium's `name` attribute, the description or else the text. */
export const NAME_CRITERION = 'tripwire:name';
METHODS[NAME_CRITERION] = (n, v: string) => (n.desc || n.text) === v;

/** A tiny recursive-descent reader of UiAutomator's Java-like selector expressions. */
class Reader {
  pos = 0;
  constructor(readonly src: string) {}
  ws() {
    while (/\s/.test(this.src[this.pos] ?? '')) this.pos++;
  }
  eat(s: string): boolean {
    this.ws();
    if (this.src.startsWith(s, this.pos)) {
      this.pos += s.length;
      return true;
    }
    return false;
  }
  expect(s: string) {
    if (!this.eat(s)) this.fail(`expected "${s}"`);
  }
  ident(): string {
    this.ws();
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.src.slice(this.pos));
    if (!m) this.fail('expected a method name');
    this.pos += m![0].length;
    return m![0];
  }
  fail(why: string): never {
    throw new InvalidSelector(`cannot read ${JSON.stringify(this.src)} at ${JSON.stringify(this.src.slice(this.pos, this.pos + 40))}: ${why}`);
  }
  value(): Value {
    this.ws();
    const rest = this.src.slice(this.pos);
    const str = /^"((?:[^"\\]|\\.)*)"/.exec(rest);
    if (str) {
      this.pos += str[0].length;
      return JSON.parse(`"${str[1]}"`) as string;
    }
    const num = /^-?\d+/.exec(rest);
    if (num) {
      this.pos += num[0].length;
      return Number(num[0]);
    }
    if (this.eat('true')) return true;
    if (this.eat('false')) return false;
    if (rest.startsWith('new UiSelector') || /^[A-Za-z]+\(/.test(rest)) return this.selector();
    this.fail('expected a string, a number, true, false or a UiSelector');
  }
  /** `new UiSelector().text("x").instance(0)` or the bare form `text("x")`. */
  selector(): Selector {
    const sel: Selector = { criteria: [] };
    let first = true;
    if (this.eat('new')) {
      this.expect('UiSelector');
      this.expect('(');
      this.expect(')');
      first = false;
    }
    for (;;) {
      if (!first && !this.eat('.')) break;
      first = false;
      const method = this.ident();
      this.expect('(');
      const v = this.value();
      this.expect(')');
      if (method === 'instance' && typeof v === 'number') sel.instance = v;
      else if ((method === 'childSelector' || method === 'fromParent') && typeof v === 'object') sel.child = v;
      else if (METHODS[method] && typeof v !== 'object') sel.criteria.push({ method, value: v });
      else this.fail(`UiSelector method ${method}() is not supported; supported: ${UI_SELECTOR_METHODS.join(', ')}`);
    }
    return sel;
  }
}

/** Reads a `-android uiautomator` selector: a UiSelector, or a UiScrollable scrolling one into view. */
export function readUiAutomator(selector: string): { selector: Selector } | { scrollable: Scrollable } {
  const r = new Reader(selector.trim().replace(/;$/, ''));
  if (r.eat('new UiScrollable')) {
    r.expect('(');
    const container = r.selector();
    r.expect(')');
    const s: Scrollable = { container, target: { criteria: [] }, maxSwipes: 30, vertical: true };
    let target: Selector | undefined;
    while (r.eat('.')) {
      const m = r.ident();
      r.expect('(');
      const args: Value[] = [];
      if (!r.eat(')')) {
        do args.push(r.value());
        while (r.eat(','));
        r.expect(')');
      }
      const [a, b] = args;
      if (m === 'setAsVerticalList') s.vertical = true;
      else if (m === 'setAsHorizontalList') s.vertical = false;
      else if (m === 'setMaxSearchSwipes' && typeof a === 'number') s.maxSwipes = Math.max(0, Math.min(a, 30));
      else if (m === 'scrollIntoView' && typeof a === 'object') target = a;
      else if (m === 'scrollTextIntoView' && typeof a === 'string') target = { criteria: [{ method: 'text', value: a }] };
      else if ((m === 'getChildByText' || m === 'getChildByDescription') && typeof a === 'object' && typeof b === 'string') {
        target = { ...a, criteria: [...a.criteria, { method: m === 'getChildByText' ? 'text' : 'description', value: b }] };
      } else r.fail(`UiScrollable method ${m}() is not supported; supported: scrollIntoView, scrollTextIntoView, getChildByText, getChildByDescription, setMaxSearchSwipes, setAsVerticalList, setAsHorizontalList`);
    }
    r.ws();
    if (r.pos < r.src.length) r.fail('unexpected text');
    if (!target) r.fail('a UiScrollable needs scrollIntoView, scrollTextIntoView, getChildByText or getChildByDescription');
    s.target = target!;
    return { scrollable: s };
  }
  const sel = r.selector();
  r.ws();
  if (r.pos < r.src.length) r.fail('unexpected text');
  if (sel.criteria.length === 0 && sel.instance === undefined && !sel.child) r.fail('an empty UiSelector');
  return { selector: sel };
}

/** The nodes a selector finds in `pool` (all nodes in tree order, or those under a context). */
export function select(pool: SourceNode[], sel: Selector): SourceNode[] {
  let found: SourceNode[];
  try {
    found = pool.filter((n) => sel.criteria.every((c) => METHODS[c.method]!(n, c.value)));
  } catch (e) {
    throw new InvalidSelector(`invalid pattern in a UiSelector: ${(e as Error).message}`);
  }
  if (sel.instance !== undefined) found = found.slice(sel.instance, sel.instance + 1);
  if (!sel.child) return found;
  const child = sel.child;
  const under = new Set<SourceNode>();
  for (const parent of found) for (const n of select(pool.filter((p) => p.path.startsWith(`${parent.path}/`)), child)) under.add(n);
  return pool.filter((n) => under.has(n));
}
