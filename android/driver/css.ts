import { InvalidSelector, NAME_CRITERION, type Criterion, type Selector } from './uiSelector.ts';

const BOOLEAN = new Set(['checkable', 'checked', 'clickable', 'enabled', 'focusable', 'focused', 'long-clickable', 'scrollable', 'selected']);
const NUMERIC: Record<string, string> = { index: 'index', 'nth-child': 'index', instance: 'instance' };
/** UiAutomator2's attribute names and their aliases (lib/css/schema.ts), and Selenium's `name` (By.NAME). */
const STRING: Record<string, string> = {
  description: 'description', 'content-description': 'description', 'content-desc': 'description', desc: 'description', 'accessibility-id': 'description',
  'resource-id': 'resourceId', id: 'resourceId', text: 'text', 'class-name': 'className', 'package-name': 'packageName', name: NAME_CRITERION,
};

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const camel = (s: string) => s.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

const FULL_ID = /^[a-zA-Z_][a-zA-Z0-9._]*:id\/\S+$/;
/** A resource id as UiAutomator2 completes it: a bare name is the app's (`android:id/` with no app). */
const fullId = (id: string, appPackage: string) => (FULL_ID.test(id) ? id : `${appPackage || 'android'}:id/${id}`);
/**
 * `#name` and `[id=name]`: UiAutomator2 puts the session's appPackage before a bare name; a session
 * here names no app, so a bare name matches it in any package (as the `id` strategy does).
 */
const idCriterion = (id: string): Criterion => (FULL_ID.test(id) ? { method: 'resourceId', value: id } : { method: 'resourceIdMatches', value: `[^:]+:id/${escapeRe(id)}` });

/**
 * A CSS selector as UiAutomator2 converts it to a UiSelector (appium-uiautomator2-driver lib/css):
 * `tag.cls` a class name, `#id` and `[id=...]` a resource id, `[text*=...]` and the other operators,
 * boolean attributes and `:checked`-style pseudo-classes, `:nth-child(n)`, and a descendant (` ` or
 * `>`) as a child selector. Selenium's By.ID, By.CLASS_NAME and By.NAME arrive this way.
 */
export function cssToSelector(css: string, appPackage: string): Selector {
  const src = css.trim();
  let pos = 0;
  const fail = (why: string): never => {
    throw new InvalidSelector(`Unsupported CSS selector '${css}': ${why}`);
  };
  const ident = () => {
    const m = /^(?:\\.|[A-Za-z0-9_-])+/.exec(src.slice(pos));
    if (!m) fail(`expected a name at ${JSON.stringify(src.slice(pos, pos + 20))}`);
    pos += m![0].length;
    return m![0].replace(/\\(.)/g, '$1');
  };
  const rule = (): Selector => {
    const criteria: Criterion[] = [];
    let instance: number | undefined;
    let tag: string | undefined;
    const classes: string[] = [];
    if (src[pos] === '*') pos++;
    else if (/[A-Za-z_]/.test(src[pos] ?? '')) tag = ident();
    const entity = (name: string, op: string | undefined, value: string | undefined) => {
      if (BOOLEAN.has(name)) {
        if (value !== undefined && value !== 'true' && value !== 'false') fail(`${name} must be true or false`);
        criteria.push({ method: camel(name), value: value !== 'false' });
      } else if (NUMERIC[name]) {
        if (value === undefined || !/^\d+$/.test(value)) fail(`${name} needs a number`);
        if (NUMERIC[name] === 'instance') instance = Number(value);
        else criteria.push({ method: 'index', value: Number(value) });
      } else if (STRING[name]) {
        const method = STRING[name]!;
        let v = value ?? '';
        if (method === 'resourceId' && (op === '=' || op === undefined) && v) return void criteria.push(idCriterion(v));
        if (method === 'resourceId') v = fullId(v, appPackage);
        if (method === NAME_CRITERION) return void criteria.push({ method, value: v });
        if (v === '') return void criteria.push({ method: `${method}Matches`, value: '' });
        const contains = method === 'text' || method === 'description';
        switch (op) {
          case '*=': return void criteria.push(contains ? { method: `${method}Contains`, value: v } : { method: `${method}Matches`, value: `.*${escapeRe(v)}.*` });
          case '^=': return void criteria.push(contains ? { method: `${method}StartsWith`, value: v } : { method: `${method}Matches`, value: `${escapeRe(v)}.*` });
          case '$=': return void criteria.push({ method: `${method}Matches`, value: `.*${escapeRe(v)}` });
          case '~=': return void criteria.push({ method: `${method}Matches`, value: `(?:.*\\W)?${escapeRe(v)}(?:\\W.*)?` });
          default: return void criteria.push({ method, value: v });
        }
      } else fail(`"${name}" is not an attribute of an Android element`);
    };
    for (;;) {
      const c = src[pos];
      if (c === '#') {
        pos++;
        criteria.push(idCriterion(ident()));
      } else if (c === '.') {
        pos++;
        classes.push(ident());
      } else if (c === '[') {
        const m = /^\[\s*([A-Za-z-]+)\s*(?:([*^$~|]?=)\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^\]\s]+)))?\s*\]/.exec(src.slice(pos));
        if (!m) fail(`cannot read the attribute at ${JSON.stringify(src.slice(pos, pos + 30))}`);
        pos += m![0].length;
        entity(m![1]!, m![2], m![3] ?? m![4] ?? m![5]);
      } else if (c === ':') {
        pos++;
        const name = ident();
        let value: string | undefined;
        if (src[pos] === '(') {
          const close = src.indexOf(')', pos);
          if (close < 0) fail('an unclosed (');
          value = src.slice(pos + 1, close).trim();
          pos = close + 1;
        }
        entity(name, '=', value);
      } else break;
    }
    if (tag !== undefined && classes.length) criteria.unshift({ method: 'className', value: [tag, ...classes].join('.') });
    else if (tag !== undefined) criteria.unshift({ method: 'classNameMatches', value: tag });
    else if (classes.length) criteria.unshift({ method: 'classNameMatches', value: classes.map(escapeRe).join('\\.') });
    const sel: Selector = { criteria, ...(instance === undefined ? {} : { instance }) };
    const before = pos;
    while (src[pos] === ' ') pos++;
    if (src[pos] === '>') {
      pos++;
      while (src[pos] === ' ') pos++;
    }
    if (pos < src.length) {
      if (before === pos && src[pos] !== undefined) fail(`unexpected ${JSON.stringify(src[pos])}`);
      sel.child = rule();
    }
    if (criteria.length === 0 && instance === undefined && !sel.child && tag === undefined && src[0] !== '*') fail('an empty selector');
    return sel;
  };
  if (!src) fail('an empty selector');
  if (src.includes(',')) fail('selector lists (a, b) are not supported');
  return rule();
}
