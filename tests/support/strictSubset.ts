/**
 * The JSON Schema subset OpenAI's strict function calling accepts (Structured Outputs, "Supported
 * schemas"), written out independently of src/engine/jsonSchema.ts so that the two check each other.
 * Returns what a strict-mode request would be rejected for; empty when it would be accepted.
 */
const ALLOWED: Record<string, Set<string>> = {
  common: new Set(['type', 'description', 'title', 'enum', 'const', 'anyOf', '$ref', '$defs']),
  string: new Set(['pattern', 'format']),
  number: new Set(['multipleOf', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum']),
  integer: new Set(['multipleOf', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum']),
  array: new Set(['items', 'minItems', 'maxItems']),
  object: new Set(['properties', 'required', 'additionalProperties']),
  boolean: new Set(),
  null: new Set(),
};
const FORMATS = new Set(['date-time', 'time', 'date', 'duration', 'email', 'hostname', 'ipv4', 'ipv6', 'uuid']);

export function strictIssues(schema: Record<string, unknown>, path = '$', root = true): string[] {
  const issues: string[] = [];
  if (root && (schema.type !== 'object' || schema.anyOf)) issues.push(`${path}: the root must be an object, not anyOf`);
  const types = (Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type]) as string[];
  if (types.length === 0 && !schema.anyOf && !schema.$ref && !schema.enum && schema.const === undefined) issues.push(`${path}: no type`);
  for (const key of Object.keys(schema)) {
    if (ALLOWED.common!.has(key)) continue;
    if (!types.some((t) => ALLOWED[t]?.has(key))) issues.push(`${path}: keyword "${key}" not supported for type ${types.join('|') || 'none'}`);
  }
  if (schema.format !== undefined && !FORMATS.has(String(schema.format))) issues.push(`${path}: format "${schema.format}"`);
  if (types.includes('object')) {
    if (schema.additionalProperties !== false) issues.push(`${path}: additionalProperties must be false`);
    const props = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
    const required = new Set((schema.required ?? []) as string[]);
    for (const name of Object.keys(props)) if (!required.has(name)) issues.push(`${path}.${name}: every property must be required`);
    for (const [name, p] of Object.entries(props)) issues.push(...strictIssues(p, `${path}.${name}`, false));
  }
  if (types.includes('array') && schema.items) issues.push(...strictIssues(schema.items as Record<string, unknown>, `${path}[]`, false));
  if (Array.isArray(schema.anyOf)) schema.anyOf.forEach((s, i) => issues.push(...strictIssues(s as Record<string, unknown>, `${path}.anyOf[${i}]`, false)));
  return issues;
}
