import { createHash } from 'node:crypto';
import type { Scenario } from './scenario.ts';

/**
 * Canonical JSON: keys sorted, functions by their source (a director machine's guards and actions
 * are part of what a scenario does), cycles cut. Formatting and key order in the file do not count.
 */
function canonical(value: unknown, seen = new WeakSet<object>(), memo?: WeakMap<object, string>): string {
  if (typeof value === 'function') return JSON.stringify(`fn:${value.toString()}`);
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const known = memo?.get(value);
  if (known !== undefined) return known;
  if (seen.has(value)) return '"[cycle]"';
  seen.add(value);
  const out = Array.isArray(value)
    ? `[${value.map((v) => canonical(v, seen, memo)).join(',')}]`
    : `{${Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k], seen, memo)}`).join(',')}}`;
  seen.delete(value);
  memo?.set(value, out);
  return out;
}

/**
 * The scenario's content hash (sha256, hex) over what grading depends on; a director counts by its config.
 * `memo` (same digest): objects already written, for many scenarios sharing unchanged parts (security
 * cases share their base's seeds); only for data that is not mutated (nor cyclic) while it is used.
 */
export function scenarioHash(scenario: Scenario, memo?: WeakMap<object, string>): string {
  const { director, ...data } = scenario;
  const text = canonical({ ...data, ...(director ? { director: director.config } : {}) }, undefined, memo);
  return createHash('sha256').update(text).digest('hex');
}
