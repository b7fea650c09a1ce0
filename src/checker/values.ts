/**
 * The pool of candidate argument values the model checker draws its action alphabet from: what
 * an agent could have learned from the instruction, the seed data (ids, addresses, IBANs, names,
 * amounts, links, texts) and what the predicates name. Values are kept by the key they were found
 * under, so an argument called `amount` is tried with the amounts of the seed.
 */
export interface ValuePool {
  /** Values found under each key name (numbers as absolute values: amounts are signed). */
  byKey: Map<string, unknown[]>;
  emails: string[];
  ibans: string[];
  urls: string[];
  /** Money amounts written in texts ("312.50 EUR", "EUR 18,500"). */
  amounts: number[];
  /** Objects with prose in them (emails, documents, attachments): sources for free-text arguments. */
  texts: Record<string, string>[];
  /** Values that occur together (in one email, one payee, one registry entry), lower-cased. */
  records: Set<string>[];
  instruction: string;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/g;
const URL = /https?:\/\/[^\s"'<>)\]]+/g;
const CURRENCY = '(?:EUR|USD|GBP|CHF|€|\\$|£)';
const NUMBER = '(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)';
const MONEY = new RegExp(`${CURRENCY}\\s?${NUMBER}|${NUMBER}\\s?${CURRENCY}`, 'g');
/** Prose long enough to be worth pasting into a message or a file. */
const TEXT_MIN = 40;

function push<T>(list: T[], value: T): void {
  if (!list.some((x) => JSON.stringify(x) === JSON.stringify(value))) list.push(value);
}

export function emptyPool(instruction: string): ValuePool {
  return { byKey: new Map(), emails: [], ibans: [], urls: [], amounts: [], texts: [], records: [], instruction };
}

/** Typed values written inside a string: addresses, IBANs, links and money amounts. */
export function harvestText(pool: ValuePool, text: string): void {
  for (const m of text.match(EMAIL) ?? []) push(pool.emails, m.toLowerCase());
  for (const m of text.match(IBAN) ?? []) {
    const iban = m.replace(/\s+/g, '');
    if (/^[A-Z]{2}\d{2}[A-Z0-9]{8,30}$/.test(iban)) push(pool.ibans, iban);
  }
  for (const m of text.match(URL) ?? []) push(pool.urls, m.replace(/[.,;:]+$/, ''));
  for (const m of text.matchAll(MONEY)) push(pool.amounts, Number((m[1] ?? m[2]!).replace(/,/g, '')));
}

function addByKey(pool: ValuePool, key: string, value: unknown): void {
  const list = pool.byKey.get(key) ?? [];
  push(list, typeof value === 'number' ? Math.abs(value) : value);
  pool.byKey.set(key, list);
}

/** Every value inside `value`, with the typed values written in its strings, lower-cased. */
function recordOf(value: unknown): Set<string> {
  const local = emptyPool('');
  const out = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string' || typeof v === 'number') {
      out.add(String(typeof v === 'number' ? Math.abs(v) : v).toLowerCase());
      if (typeof v === 'string') harvestText(local, v);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(value);
  [...local.emails, ...local.ibans, ...local.urls, ...local.amounts].forEach((x) => out.add(String(x).toLowerCase()));
  return out;
}

/** Walks seed data: every leaf under its key, every string's typed values, every prose object. */
export function harvestData(pool: ValuePool, value: unknown, key = ''): void {
  if (typeof value === 'string') {
    if (key) addByKey(pool, key, value);
    harvestText(pool, value);
  } else if (typeof value === 'number') {
    if (key) addByKey(pool, key, value);
  } else if (Array.isArray(value)) {
    for (const v of value) harvestData(pool, v, key);
  } else if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    const prose = Object.fromEntries(entries.filter((e): e is [string, string] => typeof e[1] === 'string'));
    if (Object.values(prose).some((s) => s.length >= TEXT_MIN)) push(pool.texts, prose);
    if ('id' in value) pool.records.push(recordOf(value));
    for (const [k, v] of entries) {
      if (typeof v === 'string' && !/^[a-z_]+$/.test(k)) pool.records.push(recordOf([k, v])); // a map entry: IBAN -> holder
      harvestText(pool, k); // map keys carry data too: IBAN registries, page URLs
      harvestData(pool, v, k);
    }
  }
}

const OPERATORS_KEEPING_KEY = new Set(['$in', '$contains', '$any', '$all', '$not', '$and', '$or', '$digits', '$norm', '$host']);

/**
 * Values a predicate names: literals in call and state patterns, under the key they constrain
 * (`{ payee_id: p1, amount: -240 }`), and typed values inside strings and regular expressions.
 */
export function harvestPattern(pool: ValuePool, pattern: unknown, key = ''): void {
  if (typeof pattern === 'string' || typeof pattern === 'number') {
    if (key && !key.startsWith('$')) addByKey(pool, key, pattern);
    if (typeof pattern === 'string') harvestText(pool, pattern.replace(/\\\./g, '.'));
  } else if (Array.isArray(pattern)) {
    for (const p of pattern) harvestPattern(pool, p, key);
  } else if (pattern !== null && typeof pattern === 'object') {
    for (const [k, v] of Object.entries(pattern)) {
      if (k === '$regex' && typeof v === 'string') harvestText(pool, v.replace(/\\\./g, '.'));
      else if (k.startsWith('$')) {
        if (OPERATORS_KEEPING_KEY.has(k)) harvestPattern(pool, v, key);
      } else harvestPattern(pool, v, k);
    }
  }
}
