/**
 * JSON laid out as Python's `json.dumps` lays it out by default (", " and ": " between items,
 * non-ASCII as \uXXXX escapes): benchmarks written in Python build their judges' input with it, and
 * a judge given such a benchmark's prompt should read what it was made for. (A float that is a whole
 * number is written as an integer: parsed JSON no longer tells them apart.)
 */
export function pythonJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : value > 0 ? 'Infinity' : value < 0 ? '-Infinity' : 'NaN';
  if (typeof value === 'string') return asciiString(value);
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${asciiString(k)}: ${pythonJson(v)}`).join(', ')}}`;
}

function asciiString(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
