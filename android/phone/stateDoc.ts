import { initialTransition } from 'xstate';
import { z } from 'zod';
import { APPS } from './apps/index.ts';

/**
 * The phone's state shape as markdown: what predicates can read under `apps.*`, generated from each
 * app's seed schema (z.toJSONSchema) and its machine's initial context (fields the app adds at run
 * time, typed by `written`: the phone's context type, resolved by scripts/stateTypes.ts). docs/authoring.md
 * carries the output; tests/android/stateDoc.test.ts keeps them equal. Regenerate with: npm run docs:state
 */
type Json = { type?: string | string[]; properties?: Record<string, Json>; items?: Json; enum?: unknown[]; anyOf?: Json[]; additionalProperties?: Json | boolean; const?: unknown };

function typeOf(s: Json | undefined): string {
  if (!s) return 'any';
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.anyOf) return s.anyOf.map(typeOf).join(' | ');
  if (s.type === 'array') return `${typeOf(s.items)}[]`;
  if (s.type === 'object' && s.properties) return `{ ${Object.entries(s.properties).map(([k, v]) => `${k}: ${typeOf(v)}`).join(', ')} }`;
  if (s.type === 'object') return typeof s.additionalProperties === 'object' ? `Record<string, ${typeOf(s.additionalProperties)}>` : 'object';
  return Array.isArray(s.type) ? s.type.join(' | ') : (s.type ?? 'any');
}

/** The table; `written` gives a field the app writes its type by dotted path (`apps.bank.paid`), when known. */
export function phoneStateDoc(written?: (path: string) => string | undefined): string {
  const lines = ['| path | type |', '|---|---|'];
  for (const app of APPS) {
    const schema = z.toJSONSchema(app.seed, { io: 'output', unrepresentable: 'any' }) as Json;
    const seeded = Object.entries(schema.properties ?? {});
    for (const [key, value] of seeded) lines.push(`| \`apps.${app.id}.${key}\` | \`${typeOf(value).replace(/\|/g, '\\|')}\` |`);
    // Fields the app's machine adds to its context beyond the seed (counters, drafts, ...).
    const [snapshot] = initialTransition(app.machine, app.seed.parse({}));
    const extra = Object.keys(snapshot.context as object).filter((k) => !seeded.some(([s]) => s === k));
    for (const key of extra) {
      const type = written?.(`apps.${app.id}.${key}`);
      const start = `(set by the app: ${JSON.stringify((snapshot.context as Record<string, unknown>)[key])} at start)`;
      lines.push(`| \`apps.${app.id}.${key}\` | ${type ? `\`${type.replace(/\|/g, '\\|')}\` ${start}` : start} |`);
    }
  }
  return lines.join('\n');
}
