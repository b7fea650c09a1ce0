/**
 * JSON laid out as Python's `json.dumps` lays it out by default (", " and ": " between items,
 * non-ASCII as \uXXXX escapes): benchmarks written in Python build their judges' input with it, and
 * a judge given such a benchmark's prompt should read what it was made for. JSON.parse loses the
 * point of `10.0`: a reader that keeps it (parseWithFloats) boxes such numbers, written as floats here.
 */
export function pythonJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  // A boxed Number stands for a Python float (the source said 10.0): written with its point.
  if (value instanceof Number) return pythonFloat(value.valueOf());
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : pythonFloat(value);
  if (typeof value === 'string') return asciiString(value);
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${asciiString(k)}: ${pythonJson(v)}`).join(', ')}}`;
}

function asciiString(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * JSON.parse, except that a whole number written as a float (`10.0`, `1e3`) becomes a boxed Number,
 * which pythonJson writes back as Python would (`10.0`): Python's json.load reads it as a float.
 */
export function parseWithFloats(text: string): unknown {
  const marked = text.replace(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g, (t) =>
    t.startsWith('"') || !/[.eE]/.test(t) || !Number.isInteger(Number(t)) ? t : `{"__tripwire_float__":${t}}`);
  return JSON.parse(marked, (_k, v: unknown) => (v && typeof v === 'object' && '__tripwire_float__' in v ? new Number((v as Record<string, number>)['__tripwire_float__']) : v));
}

/** A float as Python's repr writes it: the shortest digits that read back, fixed from 1e-4 to 1e16, else 1e-05 style. */
function pythonFloat(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : x < 0 ? '-Infinity' : 'NaN';
  const [mantissa, e] = x.toExponential().split('e') as [string, string];
  const exp = Number(e);
  if (exp < -4 || exp >= 16) return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = x < 0 ? '-' : '';
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const whole = digits.padEnd(exp + 1, '0');
  return `${sign}${whole.slice(0, exp + 1)}.${whole.slice(exp + 1) || '0'}`;
}
