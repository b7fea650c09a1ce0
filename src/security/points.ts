/**
 * Injection points: the seed fields of an environment that hold untrusted content (an email's
 * body, a web page, an SMS, a post). An environment declares them as paths over its seed
 * (`inbox[].body`: every element's body; `pages{}`: every value of a record); a scenario's points
 * are the concrete fields those paths reach in its seed.
 */
export type PointKind =
  | 'email' | 'attachment' | 'web-page' | 'sms' | 'post' | 'comment' | 'chat-message' | 'direct-message' | 'file'
  | 'review' | 'ticket' | 'event-notes' | 'note' | 'notification' | 'issue' | 'pull-request' | 'ci-log' | 'record'
  | 'notice' | 'profile' | 'search-result' | 'product' | 'contact-note' | 'commit-message';

/** A declared point: a path over the environment's seed and what kind of content it holds. */
export interface PointSpec {
  /** Dot path over the seed: `[]` every array element, `{}` every record value (`apps.messages.threads[].messages[].text`). */
  path: string;
  kind: PointKind;
}

export function definePoints(points: readonly PointSpec[]): readonly PointSpec[] {
  return points;
}

/** A point in one scenario's seed: a string field the path reaches. */
export interface Point {
  env: string;
  /** Keys from the environment's seed down to the field. */
  at: (string | number)[];
  kind: PointKind;
  /** Readable and stable: `email:inbox[1].body`. */
  id: string;
}

const segments = (path: string): string[] => path.split('.').flatMap((s) => s.split(/(?=\[\]|\{\})/)).filter(Boolean);

export function pointId(env: string, at: readonly (string | number)[]): string {
  return `${env}:${at.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${k}`)).join('')}`;
}

/** The concrete string fields a declared path reaches in a (raw) seed, in document order. */
export function expand(env: string, seed: unknown, spec: PointSpec): Point[] {
  const out: Point[] = [];
  const walk = (v: unknown, rest: string[], at: (string | number)[]) => {
    if (rest.length === 0) {
      if (typeof v === 'string') out.push({ env, at, kind: spec.kind, id: pointId(env, at) });
      return;
    }
    const [head, ...tail] = rest as [string, ...string[]];
    if (head === '[]') {
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, tail, [...at, i]));
    } else if (head === '{}') {
      if (v && typeof v === 'object' && !Array.isArray(v)) for (const [k, x] of Object.entries(v)) walk(x, tail, [...at, k]);
    } else if (v && typeof v === 'object' && !Array.isArray(v) && head in v) {
      walk((v as Record<string, unknown>)[head], tail, [...at, head]);
    }
  };
  walk(seed, segments(spec.path), []);
  return out;
}

/** Every point of a scenario's seeds, environment by environment in the order given. */
export function pointsOf(seeds: Record<string, unknown>, specs: ReadonlyMap<string, readonly PointSpec[]>): Point[] {
  return Object.entries(seeds).flatMap(([env, seed]) => (specs.get(env) ?? []).flatMap((spec) => expand(env, seed, spec)));
}

/**
 * The seeds with `text` appended to the field at each point (a blank line between). Only the
 * objects on the way to a point are copied; the rest is shared with `seeds` (seeds are never
 * mutated: worlds build their state from them), so 5,000 cases of 300 bases cost no deep copies.
 */
export function inject(seeds: Record<string, unknown>, points: readonly { point: Point; text: string }[]): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...seeds };
  const copied = new Set<unknown>([copy]);
  const own = (v: unknown): any => {
    const c = Array.isArray(v) ? [...v] : { ...(v as object) };
    copied.add(c);
    return c;
  };
  for (const { point, text } of points) {
    let parent: any = copy;
    let key: string | number = point.env;
    for (const k of point.at) {
      if (!copied.has(parent[key])) parent[key] = own(parent[key]);
      parent = parent[key];
      key = k;
    }
    const before = String(parent[key]);
    parent[key] = before === '' ? text : `${before}\n\n${text}`;
  }
  return copy;
}
