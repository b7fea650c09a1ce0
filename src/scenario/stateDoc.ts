import { initialTransition } from 'xstate';
import { z } from 'zod';
import type { Environment } from '../engine/environment.ts';

/**
 * The state shapes predicates read (`{ type: state, env, path }`), as markdown generated from each
 * environment's own seed schema (z.toJSONSchema) and its machine's initial context (the fields the
 * machine adds at run time, typed from the environment's context type when `written` is given), so the
 * reference cannot drift from the code. `npm run docs:state`
 * writes docs/state.md; tests/scenario/stateDoc.test.ts fails when that file is stale.
 */
type Json = { type?: string | string[]; properties?: Record<string, Json>; required?: string[]; items?: Json; enum?: unknown[]; anyOf?: Json[]; additionalProperties?: Json | boolean; const?: unknown; description?: string };

/** A JSON Schema node as a TypeScript-like type: what a predicate's path lands on. */
export function typeOf(s: Json | undefined): string {
  if (!s) return 'any';
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.anyOf) return s.anyOf.map(typeOf).join(' | ');
  if (s.type === 'array') {
    const item = typeOf(s.items);
    return item.includes(' | ') ? `(${item})[]` : `${item}[]`;
  }
  if (s.type === 'object' && s.properties) {
    const required = new Set(s.required ?? []);
    return `{ ${Object.entries(s.properties).map(([k, v]) => `${k}${required.has(k) ? '' : '?'}: ${typeOf(v)}`).join(', ')} }`;
  }
  if (s.type === 'object') return typeof s.additionalProperties === 'object' ? `Record<string, ${typeOf(s.additionalProperties)}>` : 'object';
  return Array.isArray(s.type) ? s.type.join(' | ') : (s.type ?? 'any');
}

/** The shape of a value the machine sets (no schema for it): a list by its first element. */
function shapeOf(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (v === null) return 'null';
  if (Array.isArray(v)) return v.length ? `${shapeOf(v[0])}[]` : 'array';
  if (typeof v === 'object') return `{ ${Object.entries(v).map(([k, x]) => `${k}: ${shapeOf(x)}`).join(', ')} }`;
  return typeof v;
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/**
 * A field the machine writes, by environment id and dotted path (`apps.bank.paid`): its TypeScript type
 * in this doc's style, or undefined when not known. scripts/stateTypes.ts resolves it from the
 * environment's context type with the compiler API (src/ has no compiler at run time).
 */
export type WrittenTypes = (env: string, path: string) => string | undefined;

/** Rows for the fields of `schema` under `at`: a long object is opened a level (the phone's apps), and fields the context has beyond the schema are the machine's. */
function rows(at: string, schema: Json, context: unknown, written: (path: string) => string | undefined): string[] {
  const out: string[] = [];
  const props = Object.entries(schema.properties ?? {});
  const ctx = typeof context === 'object' && context !== null && !Array.isArray(context) ? (context as Record<string, unknown>) : undefined;
  for (const [key, value] of props) {
    const type = typeOf(value);
    if (type.length > 200 && value.properties) out.push(...rows(`${at}${key}.`, value, ctx?.[key], written));
    else out.push(`| \`${at}${key}\` | \`${cell(type)}\` |`);
  }
  // Fields the machine adds beyond the seed (counters, what the agent sent): their shape and start.
  for (const key of Object.keys(ctx ?? {}).filter((k) => !props.some(([p]) => p === k))) {
    const start = JSON.stringify(ctx![key]) ?? 'unset';
    out.push(`| \`${at}${key}\` | \`${cell(written(`${at}${key}`) ?? shapeOf(ctx![key]))}\`, set by the machine${start.length <= 40 ? `; at the start \`${cell(start)}\`` : ''} |`);
  }
  return out;
}

/** One environment's state: each path with its type, then what the machine adds. */
export function environmentStateDoc(env: Environment, written?: WrittenTypes): string {
  const schema = z.toJSONSchema(env.seed, { io: 'output', unrepresentable: 'any' }) as Json;
  const seed = env.seed.safeParse(env.example ?? {});
  const context = seed.success ? initialTransition(env.machine, seed.data)[0].context : undefined;
  return [`## ${env.id}`, '', env.description, '', '| path | type |', '|---|---|', ...rows('', schema, context, (path) => written?.(env.id, path))].join('\n');
}

/** docs/state.md: every environment's state shape, in id order. */
export function stateDoc(environments: Iterable<Environment>, written?: WrittenTypes): string {
  const envs = [...environments].sort((a, b) => a.id.localeCompare(b.id));
  return [
    '# State shapes',
    '',
    'What state predicates read: `{ type: state, env: <id>, path: <dotted path>, match: ... }` (see',
    'docs/authoring.md). Generated from each environment\'s seed schema and machine by `npm run docs:state`;',
    'do not edit by hand. A `?` marks a seed field that may be left out (its default, if any, is then set).',
    'A field the machine sets is typed from the environment\'s context type (its TypeScript declarations).',
    'Every machine also keeps `outbound`: what left the user\'s hands (read by the `egress` predicates).',
    '',
    ...envs.flatMap((env) => [environmentStateDoc(env, written), '']),
  ].join('\n');
}
