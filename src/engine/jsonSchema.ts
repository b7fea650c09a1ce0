/**
 * Tool parameter schemas as clients accept them. zod's JSON Schema carries artifacts that strict
 * function calling and some OpenAI-compatible servers reject: a `$schema` key, and integer bounds at
 * the JavaScript safe-integer limit that no tool asked for. The world validates every call with the
 * tool's zod schema anyway, so what is sent only has to describe it, never to enforce it.
 */
type Json = Record<string, unknown>;

const SAFE = Number.MAX_SAFE_INTEGER;
const ARTIFICIAL_BOUND = (key: string, value: unknown) =>
  (key === 'maximum' && value === SAFE) || (key === 'minimum' && value === -SAFE);

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A copy without `$schema` and without bounds at the safe-integer limit, at any depth. */
export function cleanSchema(schema: Json): Json {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!isObject(node)) return node;
    const out: Json = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === '$schema' || ARTIFICIAL_BOUND(k, v)) continue;
      out[k] = walk(v);
    }
    return out;
  };
  return walk(schema) as Json;
}

/** Keywords strict mode accepts; anything else either goes (constraints the world checks) or rules strict out. */
const STRUCTURAL = new Set(['type', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'const', 'anyOf', 'description', 'title', '$ref', '$defs']);
const KEPT_CONSTRAINTS = new Set(['pattern', 'format', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minItems', 'maxItems']);
/** Formats strict mode knows; another format is dropped (the world still validates it). */
const STRICT_FORMATS = new Set(['date-time', 'time', 'date', 'duration', 'email', 'hostname', 'ipv4', 'ipv6', 'uuid']);
/** Constraints strict mode does not take: dropped, since the tool's own schema still enforces them. */
const DROPPED = new Set(['minLength', 'maxLength', 'default', 'examples', 'uniqueItems', 'minProperties', 'maxProperties', 'contentEncoding', 'contentMediaType']);

/**
 * The schema in the subset OpenAI's strict function calling accepts, or undefined when it cannot be
 * said there (a record of free keys, allOf/oneOf/not, a root that is not an object). Every property
 * becomes required; an optional one becomes nullable, and `fromStrictArguments` turns its null back
 * into "absent" before the world sees it.
 */
export function strictSchema(schema: Json): Json | undefined {
  const clean = cleanSchema(schema);
  if (clean.type !== 'object') return undefined;
  try {
    return strictNode(clean) as Json;
  } catch {
    return undefined;
  }
}

function strictNode(node: Json): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) {
    if (DROPPED.has(k)) continue;
    if (k === 'format' && !STRICT_FORMATS.has(String(v))) continue;
    if (!STRUCTURAL.has(k) && !KEPT_CONSTRAINTS.has(k)) throw new Error(`strict mode has no "${k}"`);
    out[k] = v;
  }
  if (node.type === 'object' || node.properties) {
    if (node.additionalProperties !== undefined && node.additionalProperties !== false) throw new Error('free keys');
    const props = (node.properties ?? {}) as Record<string, Json>;
    const required = new Set((node.required ?? []) as string[]);
    out.properties = Object.fromEntries(
      Object.entries(props).map(([name, p]) => [name, required.has(name) ? strictNode(p) : nullable(strictNode(p))]),
    );
    out.required = Object.keys(props);
    out.additionalProperties = false;
  }
  if (isObject(node.items)) out.items = strictNode(node.items);
  if (Array.isArray(node.anyOf)) out.anyOf = node.anyOf.map((s) => strictNode(s as Json));
  if (isObject(node.$defs)) out.$defs = Object.fromEntries(Object.entries(node.$defs).map(([k, s]) => [k, strictNode(s as Json)]));
  return out;
}

function nullable(node: Json): Json {
  if (typeof node.type === 'string' && node.enum === undefined) return { ...node, type: [node.type, 'null'] };
  return { anyOf: [node, { type: 'null' }] };
}

/**
 * Arguments from a strict-mode call as the tool's own schema reads them: a null where the original
 * schema had an optional property means "not given". Anything else is passed on untouched.
 */
export function fromStrictArguments(args: unknown, schema: Json): unknown {
  if (!isObject(args) || !isObject(schema.properties)) return args;
  const required = new Set((schema.required ?? []) as string[]);
  const out: Json = {};
  for (const [k, v] of Object.entries(args)) {
    const prop = (schema.properties as Record<string, Json>)[k];
    if (v === null && prop && !required.has(k)) continue;
    out[k] = prop ? fromStrictArguments(v, prop) : v;
  }
  return out;
}
