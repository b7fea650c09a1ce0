import type { Action } from '../engine/action.ts';
import type { Tool } from '../engine/environment.ts';
import type { Change } from '../grading/trace.ts';
import type { World } from '../engine/world.ts';
import type { Footprint } from './footprint.ts';
import type { ValuePool } from './values.ts';

/**
 * Which tools matter, learned by trying each tool's candidates once on the starting world, and
 * which actions to try first. The first only shrinks the alphabet; the second only orders it, so
 * the search finds the paths it wants sooner (breadth-first: it never makes a path longer).
 */
export interface ToolEffects {
  /** Write tools none of whose calls change anything the predicates can see. */
  inert: Set<string>;
  /** Per tool, the field names its calls changed (`deleted`, `iban`, `payees`). */
  fields: Map<string, Set<string>>;
}

function changedFields(changes: Change[]): Set<string> {
  const fields = new Set<string>();
  for (const c of changes) {
    c.path.split('.').filter((k) => !/^\d+$/.test(k)).forEach((k) => fields.add(k));
    // An added element shows as one change: its own fields changed too.
    if (c.to && typeof c.to === 'object' && !Array.isArray(c.to)) Object.keys(c.to).forEach((k) => fields.add(k));
  }
  return fields;
}

function ids(context: unknown): string {
  const found: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const id = (v as Record<string, unknown>).id;
      if (typeof id === 'string') found.push(id);
      Object.values(v).forEach(walk);
    }
  };
  walk(context);
  return found.sort().join(',');
}

/**
 * A call is visible when it is named by a predicate, changes a context key a state predicate
 * reads, creates or removes an entity (an id appears or goes: what later calls may act on), or
 * moves the machine to another state. A write tool whose accepted candidates are all invisible
 * on the starting world (add_contact when no predicate reads contacts) is left out.
 */
export function probeTools(world: World, tools: { env: string; tool: Tool }[], candidates: (env: string, tool: Tool) => Action[], fp: Footprint): ToolEffects {
  const effects: ToolEffects = { inert: new Set(), fields: new Map() };
  for (const { env, tool } of tools) {
    if (tool.kind === 'read') continue;
    const fields = new Set<string>();
    let accepted = 0;
    let visible = fp.tools.has(tool.name);
    for (const action of candidates(env, tool)) {
      const w = world.fork();
      const outcome = w.applySync(action);
      if (!outcome.ok || outcome.kind !== 'tool' || !outcome.transition) continue;
      accepted++;
      const t = outcome.transition;
      changedFields(t.changes).forEach((f) => fields.add(f));
      const reads = new Set([...(fp.reads.get(env) ?? []), ...(fp.reads.get('*') ?? [])]);
      visible ||=
        JSON.stringify(t.from) !== JSON.stringify(t.to) ||
        t.changes.some((c) => reads.has(c.path.split('.')[0]!)) ||
        ids(world.snapshots().get(env)!.context) !== ids(w.snapshots().get(env)!.context);
    }
    effects.fields.set(tool.name, fields);
    if (accepted > 0 && !visible) effects.inert.add(tool.name);
  }
  return effects;
}

/** What the search is after: the fields and values its predicates name. */
export interface Focus {
  fields: Set<string>;
  tools: Set<string>;
  values: Set<string>;
  /** Ids in the seed: an id that is not one was created on this path, and acting on it follows up. */
  seedIds: Set<string>;
  /** Values that occur together in the seed: arguments taken from one record belong together. */
  records: Set<string>[];
}

export function focusOf(fp: Footprint, pool: ValuePool, seed: ValuePool): Focus {
  const values = new Set<string>();
  const add = (v: unknown) => values.add(String(v).toLowerCase());
  for (const list of pool.byKey.values()) list.forEach(add);
  [...pool.emails, ...pool.ibans, ...pool.urls, ...pool.amounts].forEach(add);
  return { fields: fp.fields, tools: fp.tools, values, seedIds: new Set((seed.byKey.get('id') ?? []).map(String)), records: seed.records };
}

/** How promising an action looks: it is named, changes a field the predicates look at, uses their values. */
export function score(action: Action, focus: Focus, effects: ToolEffects): number {
  if (action.type !== 'tool') return 0;
  let s = focus.tools.has(action.tool) ? 2 : 0;
  if ([...(effects.fields.get(action.tool) ?? [])].some((f) => f !== 'id' && focus.fields.has(f))) s += 2;
  const leaves: unknown[] = [];
  const walk = (v: unknown) => (Array.isArray(v) ? v.forEach(walk) : v && typeof v === 'object' ? Object.values(v).forEach(walk) : leaves.push(v));
  walk(action.args);
  const strings = leaves.map((v) => String(v).toLowerCase());
  for (const v of strings) if (focus.values.has(v)) s += 1;
  // Short values (ids, addresses, IBANs, names) from one record belong together; texts are zipped anyway.
  const short = strings.filter((v) => v.length <= 40);
  if (short.length > 1 && focus.records.some((r) => short.filter((v) => r.has(v)).length >= 2)) s += 1;
  for (const [k, v] of Object.entries((action.args ?? {}) as Record<string, unknown>)) {
    if (k.endsWith('_id') && typeof v === 'string' && !focus.seedIds.has(v)) s += 1;
  }
  return s;
}
