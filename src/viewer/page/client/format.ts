/** Values shown as short text: one-line previews of observations, arguments and machine states. */

export function compact(v: unknown, max = 160): string {
  let t: string | undefined;
  try {
    t = typeof v === 'string' ? v : JSON.stringify(v);
  } catch {
    t = String(v);
  }
  if (t === undefined) t = String(v);
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
}

export function pretty(v: unknown): string {
  try {
    return typeof v === 'string' ? v : JSON.stringify(v, null, 2);
  } catch {
    return String(v);
  }
}

/** An observation in one line: top-level fields, with nested lists and objects only counted. */
export function brief(v: unknown): string {
  if (v === null || typeof v !== 'object') return compact(v, 200);
  if (Array.isArray(v)) return '[' + v.length + ' item' + (v.length === 1 ? '' : 's') + ']';
  const parts = Object.entries(v).map(([k, x]) => {
    const shown = Array.isArray(x) ? '[' + x.length + ']' : x && typeof x === 'object' ? '{' + Object.keys(x).length + '}' : compact(typeof x === 'string' ? JSON.stringify(x) : x, 60);
    return k + ': ' + shown;
  });
  return compact(parts.join(', '), 200);
}

export function argsText(args: unknown): string {
  if (args === undefined || args === null) return '';
  if (typeof args !== 'object' || Array.isArray(args)) return compact(args, 200);
  return Object.entries(args).map(([k, v]) => k + ': ' + compact(typeof v === 'string' ? JSON.stringify(v) : v, 80)).join(', ');
}

export function stateName(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') return Object.entries(value).map(([k, v]) => k + '.' + stateName(v)).join(', ');
  return String(value);
}

/** Agent names may hold a file path (scripted:/tmp/x/plan.json): show its last part. */
export function agentLabel(name: string): string {
  const i = name.indexOf(':');
  const spec = name.slice(i + 1);
  if (i < 0 || !/^(\/|\.\.?[\/\\]|~[\/\\]|[A-Za-z]:[\/\\])/.test(spec)) return name;
  return name.slice(0, i + 1) + spec.split(/[\/\\]/).pop();
}

export const plural = (n: number, word: string) => n + ' ' + word + (n === 1 ? '' : 's');
