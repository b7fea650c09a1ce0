import { createHash } from 'node:crypto';
import type { Scenario } from './scenario.ts';

/**
 * Canonical JSON: keys sorted, functions by their source (a director machine's guards and actions
 * are part of what a scenario does), cycles cut. Formatting and key order in the file do not count.
 */
function canonical(value: unknown, seen = new WeakSet<object>()): string {
  if (typeof value === 'function') return JSON.stringify(`fn:${value.toString()}`);
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (seen.has(value)) return '"[cycle]"';
  seen.add(value);
  const out = Array.isArray(value)
    ? `[${value.map((v) => canonical(v, seen)).join(',')}]`
    : `{${Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k], seen)}`).join(',')}}`;
  seen.delete(value);
  return out;
}

/** The scenario's content hash (sha256, hex) over what grading depends on; a director counts by its config. */
export function scenarioHash(scenario: Scenario): string {
  const { director, ...data } = scenario;
  const text = canonical({ ...data, ...(director ? { director: director.config } : {}) });
  return createHash('sha256').update(text).digest('hex');
}
