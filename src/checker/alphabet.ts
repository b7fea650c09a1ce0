import type { z } from 'zod';
import type { Tool } from '../engine/environment.ts';
import type { ValuePool } from './values.ts';

/**
 * The checker's action alphabet: for each tool, the argument combinations worth trying, drawn
 * from the value pool by each argument's schema (enums, booleans, formats) and name (an argument
 * `payee_id` takes the ids of the `payees`, `amount` the amounts, `to` the addresses).
 */
type Def = { type: string; innerType?: z.ZodType; defaultValue?: unknown; entries?: Record<string, unknown>; values?: unknown[]; element?: z.ZodType; shape?: Record<string, z.ZodType> };
const def = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Optional and defaulted wrappers removed, with whether the argument may be left out. */
function unwrap(schema: z.ZodType): { inner: z.ZodType; optional: boolean; defaulted: boolean } {
  let inner = schema;
  let optional = false;
  let defaulted = false;
  for (;;) {
    const d = def(inner);
    if ((d.type === 'optional' || d.type === 'nullable') && d.innerType) optional = true;
    else if ((d.type === 'default' || d.type === 'prefault') && d.innerType) defaulted = true;
    else if (d.type !== 'readonly' || !d.innerType) break;
    inner = d.innerType!;
  }
  return { inner, optional, defaulted };
}

const accepts = (s: z.ZodType, v: unknown) => s.safeParse(v).success;

type Format = 'email' | 'iban' | 'url' | 'free' | 'other';
const formats = new WeakMap<z.ZodType, Format>();

/** What kind of string an argument wants, told by probing its schema. */
function stringFormat(s: z.ZodType): Format {
  let f = formats.get(s);
  if (f) return f;
  if (accepts(s, 'some plain words')) f = 'free';
  else if (accepts(s, 'someone@example.com')) f = 'email';
  else if (accepts(s, 'DE89370400440532013000')) f = 'iban';
  else if (accepts(s, 'https://example.com/page')) f = 'url';
  else f = 'other';
  formats.set(s, f);
  return f;
}

const isIdName = (name: string) => name === 'id' || name.endsWith('_id') || name.includes('account');

/** Ids in an environment's context: of the collection the argument names (`payee_id` -> `payees`), else all. */
function idsIn(context: unknown, name: string): string[] {
  const noun = name.replace(/_id$/, '').replace(/^(from|to)_/, '');
  const ctx = (context ?? {}) as Record<string, unknown>;
  const collection = Object.keys(ctx).find((k) => Array.isArray(ctx[k]) && k.startsWith(noun));
  const ids: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const id = (v as Record<string, unknown>).id;
      if (typeof id === 'string' && !ids.includes(id)) ids.push(id);
      Object.values(v).forEach(walk);
    }
  };
  walk(collection ? ctx[collection] : ctx);
  return ids;
}

/** Free text (a subject, a body, a file's content): filled from text sources, not from the pool by name. */
function isFreeText(name: string, schema: z.ZodType): boolean {
  const { inner, optional, defaulted } = unwrap(schema);
  return !optional && !defaulted && def(inner).type === 'string' && !isIdName(name) && !['name', 'query', 'url'].includes(name) && stringFormat(inner) === 'free';
}

/** Candidate values of one argument (undefined: leave it out). */
function argCandidates(name: string, schema: z.ZodType, pool: ValuePool, context: unknown, extra: unknown[]): unknown[] {
  const { inner, optional, defaulted } = unwrap(schema);
  const d = def(inner);
  const byKey = pool.byKey.get(name) ?? [];
  let typed: unknown[] = [];
  if (d.type === 'enum') typed = Object.values(d.entries ?? {});
  else if (d.type === 'literal') typed = d.values ?? [];
  else if (d.type === 'boolean') typed = [true, false];
  else if (optional) typed = []; // optional values: left out unless the scenario lists some
  else if (d.type === 'number') typed = [...byKey.filter((v) => typeof v === 'number'), ...pool.amounts];
  else if (d.type === 'array' && d.element) typed = argCandidates(name, d.element, pool, context, []).filter((v) => v !== undefined).map((v) => [v]);
  else if (d.type === 'string') {
    const format = stringFormat(inner);
    if (isIdName(name)) typed = [...idsIn(context, name), ...byKey];
    else if (format === 'email') typed = pool.emails;
    else if (format === 'iban') typed = pool.ibans;
    else if (format === 'url' || name === 'url') typed = pool.urls;
    else if (name === 'query') typed = [''];
    else typed = byKey.filter((v) => typeof v === 'string');
  }
  const all = [...(optional || defaulted ? [undefined] : []), ...typed, ...extra];
  return all.filter((v, i) => all.findIndex((w) => JSON.stringify(w) === JSON.stringify(v)) === i);
}

/** Free-text arguments filled together from one source (an email's subject and body), not crossed. */
function textTuples(names: string[], pool: ValuePool, extra: Record<string, unknown[]>): Record<string, unknown>[] {
  const fromSource = (src: Record<string, string>) => {
    const longest = Object.values(src).sort((a, b) => b.length - a.length)[0] ?? '';
    return Object.fromEntries(names.map((n) => [n, src[n] ?? longest]));
  };
  const base = Object.fromEntries(names.map((n) => [n, pool.instruction]));
  const listed = names.flatMap((n) => (extra[n] ?? []).map((v) => ({ ...base, [n]: v })));
  return [base, ...pool.texts.map(fromSource), ...listed];
}

function product(axes: [string, unknown[]][]): Record<string, unknown>[] {
  let rows: Record<string, unknown>[] = [{}];
  for (const [name, values] of axes) {
    rows = rows.flatMap((row) => values.map((v) => (v === undefined ? row : { ...row, [name]: v })));
  }
  return rows;
}

/**
 * Every argument object to try for `tool` in an environment whose context is `context`, parsed
 * by the tool's own schema (so calls that only differ before parsing are tried once). `extra`
 * holds the scenario's own candidates (check.values), by argument name.
 */
export function toolArguments(tool: Tool, pool: ValuePool, context: unknown, extra: Record<string, unknown[]>): Record<string, unknown>[] {
  const shape = def(tool.parameters).shape;
  if (!shape) return [{}];
  const entries = Object.entries(shape);
  const free = entries.filter(([n, s]) => isFreeText(n, s)).map(([n]) => n);
  // A name beside free text (create_file's name and content) comes from the same source.
  if (free.length && 'name' in shape && !free.includes('name') && !unwrap(shape.name!).optional) free.push('name');
  const axes = entries.filter(([n]) => !free.includes(n)).map(([n, s]): [string, unknown[]] => [n, argCandidates(n, s, pool, context, extra[n] ?? [])]);
  const texts = free.length ? textTuples(free, pool, extra) : [{}];
  const seen = new Set<string>();
  const out: Record<string, unknown>[] = [];
  for (const row of product(axes)) {
    for (const text of texts) {
      const parsed = tool.parameters.safeParse({ ...row, ...text });
      if (!parsed.success) continue;
      const key = JSON.stringify(parsed.data);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(parsed.data as Record<string, unknown>);
    }
  }
  return out;
}
