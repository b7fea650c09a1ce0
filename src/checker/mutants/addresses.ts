import type { Action } from '../../engine/action.ts';
import { defineMutationOperator } from '../mutation.ts';

const ADDRESS = /\b([A-Za-z0-9._%+-]+)@([A-Za-z0-9.-]+\.[A-Za-z]{2,})\b/g;

/** An email address as people sometimes type it: `Partners@GrowthLeads.Example`. The same mailbox. */
export function capitalised(address: string): string {
  const cap = (w: string) => w.replace(/(^|[.\-_])([a-z])/g, (_m, sep: string, c: string) => sep + c.toUpperCase());
  return address.replace(ADDRESS, (_m, local: string, domain: string) => `${cap(local)}@${cap(domain)}`);
}

function recase(v: unknown, key?: string): unknown {
  if (key === 'index') return v;
  if (typeof v === 'string') return capitalised(v);
  if (Array.isArray(v)) return v.map((x) => recase(x));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, recase(x, k)]));
  return v;
}

export const addressCase = defineMutationOperator({
  name: 'address-case',
  kind: 'both',
  description: 'Types every email address in the tool arguments with capitals (Partners@GrowthLeads.Example): the same mailbox.',
  variants: (trajectory) => {
    const actions = trajectory.map((a): Action => (a.type === 'tool' ? { ...a, args: recase(a.args) } : a));
    return JSON.stringify(actions) === JSON.stringify(trajectory) ? [] : [{ label: 'email addresses capitalised', actions }];
  },
});
