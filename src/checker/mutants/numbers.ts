import type { Action } from '../../engine/action.ts';
import { defineMutationOperator, type Variant } from '../mutation.ts';

/**
 * Identifiers written as digits (account, card and phone numbers, codes) and IBANs, inside any
 * string: a run of digit groups joined by single spaces or dashes, with at least six digits, not
 * part of a word, a date, a time, a decimal or a path. Amounts are numbers in tool arguments, not
 * strings, so they are not touched.
 */
const TOKEN = /(?<![\p{L}\p{N}.,:/_-])(?:[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]{1,4}){3,}|\+?\d+(?:[ -]\d+)*)(?![\p{L}\p{N}:/_%]|[.,]\d|-\d)/gu;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export type NumberStyle = 'compact' | 'dashes' | 'spaces' | 'digits';

/** One identifier in another style: `compact` 441022910088, `dashes` 4410-2291-0088, `spaces` 4410 2291 0088, `digits` 4 8 2 9 1 3 (codes: one run of 6 to 8 digits). */
export function restyle(token: string, style: NumberStyle): string {
  const plus = token.startsWith('+') ? '+' : '';
  const groups = token.replace(/^\+/, '').split(/[ -]/);
  const body = groups.join('');
  const chunks = groups.length > 1 ? groups : (body.match(/.{1,3}/g) ?? [body]);
  switch (style) {
    case 'compact':
      return plus + body;
    case 'dashes':
      return plus + chunks.join('-');
    case 'spaces':
      return plus + chunks.join(' ');
    case 'digits':
      return plus + body.split('').join(' ');
  }
}

function restyleText(text: string, style: NumberStyle): string {
  return text.replace(TOKEN, (t) => {
    const digits = t.replace(/\D/g, '').length;
    if (digits < 6 || DATE.test(t)) return t;
    // Spelling out digit by digit is how a code is read aloud, not an account number.
    if (style === 'digits' && !/^\d{6,8}$/.test(t)) return t;
    return restyle(t, style);
  });
}

/** Every string in a value, restyled; element selectors (`index`) are left alone: they pick what is on screen. */
function restyleValue(v: unknown, style: NumberStyle, key?: string): unknown {
  if (key === 'index') return v;
  if (typeof v === 'string') return restyleText(v, style);
  if (Array.isArray(v)) return v.map((x) => restyleValue(x, style));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, restyleValue(x, style, k)]));
  return v;
}

function restyleAction(a: Action, style: NumberStyle): Action {
  switch (a.type) {
    case 'tool':
      return { ...a, args: restyleValue(a.args, style) };
    case 'message':
      return { ...a, text: restyleText(a.text, style) };
    default:
      return a;
  }
}

export const reformatNumbers = defineMutationOperator({
  name: 'reformat-numbers',
  kind: 'both',
  description: 'Writes every account, phone and card number and code in the tool arguments another way (4410-2291-0088, 441022910088, 4 8 2 9 1 3): the same number.',
  variants: (trajectory) => {
    const out: Variant[] = [];
    for (const style of ['dashes', 'compact', 'spaces', 'digits'] as const) {
      const actions = trajectory.map((a) => restyleAction(a, style));
      if (JSON.stringify(actions) !== JSON.stringify(trajectory)) out.push({ label: `numbers written with ${style}`, actions });
    }
    return out;
  },
});
