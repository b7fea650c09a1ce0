import type { Call } from '../grading/evaluate.ts';
import { matches, readPath } from '../grading/pattern.ts';
import type { CallPattern, Check, Predicate } from '../grading/predicate.ts';
import { harvestPattern, type ValuePool } from './values.ts';

/**
 * What a scenario's predicates look at: the tools named by call patterns, the environments read
 * by state predicates, and what they need to know of the call history. Everything else in a world
 * cannot change a verdict, so the checker leaves it out of its alphabet and its state keys.
 */
export interface Footprint {
  tools: Set<string>;
  envs: Set<string>;
  /** Per environment, the top-level context keys state predicates read (`*`: every environment's). */
  reads: Map<string, Set<string>>;
  /** Field names the patterns constrain (`iban`, `deleted`), or whose whole value they read. */
  fields: Set<string>;
  trackers: Tracker[];
  /** Environments whose machine state (value, tags) a predicate reads. */
  machines: Set<string>;
}

/** One fact about the call history a predicate depends on. */
type Tracker =
  | { kind: 'count'; pattern: CallPattern; cap: number }
  | { kind: 'before'; first: CallPattern; then: CallPattern; same: string[] };

const asList = (t: string | string[]) => (Array.isArray(t) ? t : [t]);

/** The plain keys a pattern constrains, at any depth. */
function patternFields(pattern: unknown, into: Set<string>): void {
  if (Array.isArray(pattern)) pattern.forEach((p) => patternFields(p, into));
  else if (pattern !== null && typeof pattern === 'object') {
    for (const [k, v] of Object.entries(pattern)) {
      if (!k.startsWith('$')) into.add(k);
      patternFields(v, into);
    }
  }
}

function visit(p: Predicate, fp: Footprint, pool: ValuePool): void {
  switch (p.type) {
    case 'called':
      asList(p.tool).forEach((t) => fp.tools.add(t));
      fp.trackers.push({ kind: 'count', pattern: { tool: p.tool, args: p.args }, cap: p.min ?? 1 });
      patternFields(p.args, fp.fields);
      harvestPattern(pool, p.args);
      break;
    case 'before':
      [...asList(p.first.tool), ...asList(p.then.tool)].forEach((t) => fp.tools.add(t));
      fp.trackers.push({ kind: 'before', first: p.first, then: p.then, same: p.same ?? [] });
      harvestPattern(pool, p.first.args);
      harvestPattern(pool, p.then.args);
      break;
    case 'state': {
      fp.envs.add(p.env);
      const keys = p.path.split('.').filter((k) => !/^\d+$/.test(k));
      if (!fp.reads.has(p.env)) fp.reads.set(p.env, new Set());
      fp.reads.get(p.env)!.add(keys[0] ?? '');
      const fields = new Set<string>();
      patternFields(p.match, fields);
      if (fields.size === 0) keys.forEach((k) => fields.add(k)); // the whole value is read
      fields.forEach((f) => fp.fields.add(f));
      harvestPattern(pool, p.match, keys[keys.length - 1] ?? '');
      break;
    }
    case 'not':
      visit(p.check, fp, pool);
      break;
    case 'all':
    case 'any':
      p.of.forEach((q) => visit(q, fp, pool));
      break;
    case 'inState':
    case 'tagged':
      // The machine's state is read: every tool of the environment may matter. `scenario` (the
      // scenario's own machine) is not explored by the checker.
      fp.envs.add(p.env);
      if (!fp.reads.has(p.env)) fp.reads.set(p.env, new Set());
      fp.machines.add(p.env);
      break;
    case 'leaks':
    case 'exposes':
      // Every environment's outbound log is read: `*` stands for all of them (model.ts, relevance.ts).
      fp.envs.add('*');
      if (!fp.reads.has('*')) fp.reads.set('*', new Set());
      fp.reads.get('*')!.add('outbound');
      ['outbound', 'to', 'text'].forEach((f) => fp.fields.add(f));
      harvestPattern(pool, p.type === 'leaks' ? p.secret : p.content);
      harvestPattern(pool, p.allowed);
      break;
    case 'status':
      break;
  }
}

/** The footprint of every given check; the values they name go into `pool`. */
export function footprint(checks: readonly Check[], pool: ValuePool): Footprint {
  const fp: Footprint = { tools: new Set(), envs: new Set(), reads: new Map(), fields: new Set(), trackers: [], machines: new Set() };
  for (const c of checks) visit(c.check, fp, pool);
  return fp;
}

function callMatches(pattern: CallPattern, call: Call): boolean {
  return asList(pattern.tool).includes(call.tool) && (pattern.args === undefined || matches(pattern.args, call.args));
}

/**
 * The call history reduced to what the predicates can tell apart: per `called` predicate the
 * number of matching calls (capped at its `min`), per `before` predicate whether it already
 * failed and which `first` calls were made. Two histories with equal keys satisfy the same
 * predicates now and after any common continuation.
 */
export function historyKey(trackers: readonly Tracker[], calls: readonly Call[]): string {
  return trackers
    .map((t) => {
      if (t.kind === 'count') return Math.min(t.cap, calls.filter((c) => callMatches(t.pattern, c)).length);
      const seen = new Set<string>();
      let broken = false;
      for (const c of calls) {
        const projection = JSON.stringify(t.same.map((k) => readPath(c.args, k)));
        if (callMatches(t.then, c) && !seen.has(projection)) broken = true;
        if (callMatches(t.first, c)) seen.add(projection);
      }
      return broken ? 'x' : [...seen].sort().join(';');
    })
    .join('|');
}
