import type { Change } from '../grading/trace.ts';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/**
 * The changed leaves between two JSON-like values, as dot paths. Arrays are compared by index;
 * an element added at the end shows as one change with the whole new element.
 */
export function diff(before: unknown, after: unknown, path = ''): Change[] {
  if (Object.is(before, after)) return [];
  if (isObject(before) && isObject(after) && Array.isArray(before) === Array.isArray(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    const changes: Change[] = [];
    for (const key of keys) {
      const child = path ? `${path}.${key}` : key;
      if (!(key in before)) changes.push({ path: child, to: after[key] });
      else if (!(key in after)) changes.push({ path: child, from: before[key] });
      else changes.push(...diff(before[key], after[key], child));
    }
    return changes;
  }
  return [{ path: path || '.', from: before, to: after }];
}
