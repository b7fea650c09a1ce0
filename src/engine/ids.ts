/**
 * Ids an environment's machine mints for what the agent creates (a payee, a post, a prescription).
 * Every machine counts from its context's `next_id`; a seed may already hold an id the counter would
 * reach (`rx1001`), so the first unused one is taken: two records never share an id.
 */
export interface FreshId {
  /** The id: `prefix` then the number. */
  id: string;
  /** The number in it, for records keyed by a number (a CI run). */
  n: number;
  /** The counter's next value, to store back as `next_id`. */
  next_id: number;
}

/**
 * The first id `prefix<n>` with n >= `next_id` that `taken` does not hold. `taken` is the ids already
 * used (strings or numbers), or a test of one.
 */
export function freshId(next_id: number, prefix: string, taken: Iterable<string | number> | ((id: string) => boolean)): FreshId {
  const used = typeof taken === 'function' ? taken : ((ids) => (id: string) => ids.has(id))(new Set([...taken].map(String)));
  let n = next_id;
  while (used(`${prefix}${n}`)) n++;
  return { id: `${prefix}${n}`, n, next_id: n + 1 };
}

/** The ids of a list of records, for `freshId`'s `taken`. */
export const idsOf = (...lists: readonly (readonly { id: string }[])[]): string[] => lists.flatMap((list) => list.map((x) => x.id));
