/**
 * Canonical state keys: two snapshots with equal state values and equal contexts get one key,
 * however their objects were built, so the search explores each state once.
 */
const canonicalOf = new WeakMap<object, string>();

/**
 * JSON with sorted keys. Memoised per object: snapshots share the parts an update did not touch,
 * so only the new parts of a context are serialised.
 */
export function canonical(v: unknown): string {
  if (!v || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  let s = canonicalOf.get(v);
  if (s !== undefined) return s;
  if (Array.isArray(v)) s = `[${v.map(canonical).join(',')}]`;
  else {
    const entries = Object.entries(v).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    s = `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  canonicalOf.set(v, s);
  return s;
}

const snapshotKeys = new WeakMap<object, string>();

/** A short key for an environment snapshot: its canonical form, interned to a number per search. */
export function snapshotKey(interned: Map<string, number>, snapshot: { value: unknown; context: unknown }): string {
  let key = snapshotKeys.get(snapshot);
  if (key === undefined) {
    const full = canonical([snapshot.value, snapshot.context]);
    let id = interned.get(full);
    if (id === undefined) interned.set(full, (id = interned.size));
    snapshotKeys.set(snapshot, (key = String(id)));
  }
  return key;
}
