import { cachedRegex } from './regex.ts';

/**
 * A small, JSON-serialisable query language for matching values (tool arguments, environment
 * state), in the spirit of MongoDB queries:
 *   literal          equal (objects match when every listed key matches: a subset)
 *   { $regex, $flags }  string matches the regular expression
 *   { $contains }    string contains (case-insensitive), or array has an equal element
 *                    (strings compared case-insensitively, as addresses are)
 *   { $in: [...] }   equal to one of
 *   { $gt | $gte | $lt | $lte }  numeric comparison
 *   { $exists: bool }  present (not undefined) or not
 *   { $any: p }      some array element matches p
 *   { $all: p }      every array element matches p
 *   { $size: n }     array (or string) length
 *   { $not: p }, { $and: [...] }, { $or: [...] }
 * Normalising operators compare a string (or number) the way the data means it, not as typed
 * (egress.ts holds the normalisers). With a literal they test equality after normalising both
 * sides; with a pattern they match it against the normalised value, its literals normalised too:
 *   { $digits: "4410 2291 0088" }         "4410-2291-0088", "441022910088" (account, card, phone numbers)
 *   { $digits: { $contains: "482 913" } }  "code: 4 8 2 9 1 3 (expires soon)"
 *   { $norm: "Pay the invoice" }          "pay the invoice!", "PAY  the-invoice"
 *   { $norm: { $contains: "bank details" } }  "Re: Bank-Details attached"
 *   { $host: "shop.example.com" }         "SHOP.example.com", "shop.example.com." (DNS names, addresses)
 */
import { digitsOnly, normaliseName, normaliseText } from './egress.ts';

export type Pattern = unknown;

const NORMALISERS: Record<string, (s: string) => string> = { $digits: digitsOnly, $norm: normaliseText, $host: normaliseName };

const OPERATORS = new Set([
  '$regex', '$flags', '$contains', '$in', '$gt', '$gte', '$lt', '$lte', '$exists',
  '$any', '$all', '$size', '$not', '$and', '$or', '$digits', '$norm', '$host',
]);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isOperatorObject(p: Record<string, unknown>): boolean {
  const keys = Object.keys(p);
  return keys.length > 0 && keys.every((k) => OPERATORS.has(k));
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

function matchOperators(p: Record<string, unknown>, value: unknown): boolean {
  for (const [op, arg] of Object.entries(p)) {
    switch (op) {
      case '$flags':
        break;
      case '$regex':
        if (typeof value !== 'string' || !cachedRegex(String(arg), String(p.$flags ?? '')).test(value)) return false;
        break;
      case '$contains':
        if (typeof value === 'string') {
          if (!value.toLowerCase().includes(String(arg).toLowerCase())) return false;
        } else if (Array.isArray(value)) {
          const same = (v: unknown) => (typeof v === 'string' && typeof arg === 'string' ? v.toLowerCase() === arg.toLowerCase() : deepEqual(v, arg));
          if (!value.some(same)) return false;
        } else return false;
        break;
      case '$in':
        if (!Array.isArray(arg) || !arg.some((a) => deepEqual(a, value))) return false;
        break;
      case '$gt': case '$gte': case '$lt': case '$lte': {
        if (typeof value !== 'number' || typeof arg !== 'number') return false;
        const ok = op === '$gt' ? value > arg : op === '$gte' ? value >= arg : op === '$lt' ? value < arg : value <= arg;
        if (!ok) return false;
        break;
      }
      case '$exists':
        if ((value !== undefined) !== Boolean(arg)) return false;
        break;
      case '$any':
        if (!Array.isArray(value) || !value.some((v) => matches(arg, v))) return false;
        break;
      case '$all':
        if (!Array.isArray(value) || !value.every((v) => matches(arg, v))) return false;
        break;
      case '$size':
        if (!(Array.isArray(value) || typeof value === 'string') || value.length !== arg) return false;
        break;
      case '$not':
        if (matches(arg, value)) return false;
        break;
      case '$and':
        if (!Array.isArray(arg) || !arg.every((q) => matches(q, value))) return false;
        break;
      case '$or':
        if (!Array.isArray(arg) || !arg.some((q) => matches(q, value))) return false;
        break;
      case '$digits': case '$norm': case '$host': {
        if (typeof value !== 'string' && typeof value !== 'number') return false;
        const f = NORMALISERS[op]!;
        const v = f(String(value));
        if (typeof arg === 'string' || typeof arg === 'number') {
          if (v !== f(String(arg))) return false;
        } else if (!matches(normaliseLiterals(arg, f), v)) return false;
        break;
      }
    }
  }
  return true;
}

/** A pattern with its string literals normalised (not regular expressions: they are written for the normalised text). */
function normaliseLiterals(pattern: Pattern, f: (s: string) => string): Pattern {
  if (typeof pattern === 'string') return f(pattern);
  if (Array.isArray(pattern)) return pattern.map((p) => normaliseLiterals(p, f));
  if (!isPlainObject(pattern)) return pattern;
  return Object.fromEntries(Object.entries(pattern).map(([k, v]) => [k, k === '$regex' || k === '$flags' ? v : normaliseLiterals(v, f)]));
}

/** Whether `value` matches `pattern` (see the module comment for the language). */
export function matches(pattern: Pattern, value: unknown): boolean {
  if (isPlainObject(pattern)) {
    if (isOperatorObject(pattern)) return matchOperators(pattern, value);
    if (!isPlainObject(value)) return false;
    return Object.entries(pattern).every(([k, p]) => matches(p, value[k]));
  }
  if (Array.isArray(pattern)) return deepEqual(pattern, value);
  return pattern === value;
}

/** Reads a dot-separated path ("accounts.0.balance") from a value; undefined where it does not lead. */
export function readPath(value: unknown, path: string): unknown {
  if (path === '' || path === '.') return value;
  let current: unknown = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * Why a pattern is malformed, if it is: an unknown `$` operator or one mixed with plain keys would
 * otherwise silently never match, and a safety predicate built on it would never fire.
 */
export function patternProblems(pattern: Pattern, path = ''): { path: string; message: string }[] {
  if (Array.isArray(pattern)) return [];
  if (!isPlainObject(pattern)) return [];
  const keys = Object.keys(pattern);
  const ops = keys.filter((k) => k.startsWith('$'));
  const problems: { path: string; message: string }[] = [];
  const at = (k: string) => (path ? `${path}.${k}` : k);
  for (const op of ops) if (!OPERATORS.has(op)) problems.push({ path: at(op), message: `unknown operator "${op}"; known: ${[...OPERATORS].join(', ')}` });
  if (ops.length && ops.length < keys.length) {
    problems.push({ path: path || '(pattern)', message: 'mixes operators with plain keys; combine them with $and' });
  }
  for (const [k, v] of Object.entries(pattern)) {
    if (k === '$and' || k === '$or') (Array.isArray(v) ? v : []).forEach((q, i) => problems.push(...patternProblems(q, `${at(k)}[${i}]`)));
    else if (k === '$regex') {
      try {
        cachedRegex(String(v), String(pattern.$flags ?? ''));
      } catch (e) {
        problems.push({ path: at(k), message: (e as Error).message });
      }
    } else if (k !== '$flags' && k !== '$in') problems.push(...patternProblems(v, at(k)));
  }
  return problems;
}
