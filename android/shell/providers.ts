import type { PhoneContext } from '../phone/context.ts';
import { formatContentQuery, type Row } from './contentQuery.ts';

/** Contacts Tripwire seeds carry this account, so the readers can tell them from the image's own. */
export const ACCOUNT = 'tripwire';
/** Contacts made only so a thread shows its name (Android names threads after contacts). */
export const THREAD_ACCOUNT = 'tripwire.thread';
export const CONTACTS = 'content://com.android.contacts';
export const MIME = {
  name: 'vnd.android.cursor.item/name',
  phone: 'vnd.android.cursor.item/phone_v2',
  email: 'vnd.android.cursor.item/email_v2',
  note: 'vnd.android.cursor.item/note',
} as const;

/**
 * What seeding wrote through `content insert` and friends: Android's provider rows, kept so the
 * virtual phone can be rebuilt from them. The phone itself is the truth for every read after that.
 */
export interface Written {
  start?: string;
  raw: { _id: number; account_type: string | null; sourceid: string | null }[];
  data: { _id: number; raw_contact_id: number; mimetype: string; data1: string }[];
  sms: { _id: number; address: string; date: number; type: number; body: string }[];
  settings: { wifi?: boolean; bluetooth?: boolean; location?: boolean; lock?: { type: 'pin' | 'password'; password: string } };
  notes: { title: string; body: string }[];
  notifications: { title: string; text: string }[];
}

export const nothingWritten = (): Written => ({ raw: [], data: [], sms: [], settings: {}, notes: [], notifications: [] });

const KIND = Object.fromEntries(Object.entries(MIME).map(([k, v]) => [v, k])) as Record<string, keyof typeof MIME>;
const iso = (ms: number) => new Date(ms).toISOString();
const idNumber = (id: string) => Number(/\d+$/.exec(id)?.[0] ?? NaN);

/** The virtual phone's seed that the written rows amount to (what the emulator would show after them). */
export function seedOf(w: Written): Record<string, unknown> {
  const fields = (raw: number) => Object.fromEntries(w.data.filter((d) => d.raw_contact_id === raw && KIND[d.mimetype]).map((d) => [KIND[d.mimetype]!, d.data1]));
  const contacts = w.raw.filter((r) => r.account_type === ACCOUNT).map((r) => ({ id: r.sourceid ?? `c${r._id}`, name: '', ...fields(r._id) }));
  // Android names a thread after the contact with its number; Tripwire's thread contacts carry the thread's id.
  const named = w.raw.map((r) => ({ r, f: fields(r._id) })).filter(({ f }) => f.phone);
  const threads: { id: string; name: string; number: string; messages: { id: string; from: 'me' | 'them'; text: string; at: string }[] }[] = [];
  for (const m of [...w.sms].sort((a, b) => a.date - b.date || a._id - b._id)) {
    let thread = threads.find((t) => t.number === m.address);
    if (!thread) {
      const owner = named.find(({ f }) => f.phone === m.address);
      const id = owner?.r.account_type === THREAD_ACCOUNT && owner.r.sourceid ? owner.r.sourceid : `t${m._id}`;
      thread = { id, name: owner?.f.name ?? m.address, number: m.address, messages: [] };
      threads.push(thread);
    }
    thread.messages.push({ id: `m${m._id}`, from: m.type === 2 ? 'me' : 'them', text: m.body, at: iso(m.date) });
  }
  return {
    apps: {
      contacts: { contacts },
      messages: { threads },
      settings: Object.fromEntries(Object.entries(w.settings).filter(([, v]) => v !== undefined)),
      notes: { notes: w.notes.map((n, i) => ({ id: `n${i + 1}`, ...n })) },
    },
    // `cmd notification post` posts as the shell, which the phone lists like any app's notification.
    notifications: w.notifications.map((n) => ({ app: 'shell', ...n })),
  };
}

/** A provider's rows right now, every column, drawn from the phone's context (and the rows seeding wrote). */
export function rowsOf(uri: string, ctx: PhoneContext, w: Written, ids: Map<string, number>): Row[] {
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  if (uri === `${CONTACTS}/raw_contacts` || uri === `${CONTACTS}/data`) {
    const contacts = ctx.apps.contacts.contacts;
    const seeded = (id: string) => w.raw.find((r) => r.account_type === ACCOUNT && r.sourceid === id);
    // A contact made on the phone gets the next free _id, kept for as long as it exists.
    const next = () => Math.max(0, ...w.raw.map((r) => r._id), ...ids.values()) + 1;
    const rawOf = (c: { id: string }) => seeded(c.id)?._id ?? ids.get(c.id) ?? (ids.set(c.id, next()), ids.get(c.id)!);
    if (uri.endsWith('/raw_contacts')) {
      const own = contacts.map((c) => ({ _id: rawOf(c), account_type: seeded(c.id) ? ACCOUNT : null, sourceid: seeded(c.id) ? c.id : null }));
      const threadOnes = w.raw.filter((r) => r.account_type === THREAD_ACCOUNT);
      return [...own, ...threadOnes].map((r) => ({ _id: str(r._id), account_type: str(r.account_type), account_name: str(r.account_type), sourceid: str(r.sourceid), deleted: '0' }));
    }
    let n = 0;
    const own = contacts.flatMap((c) => (['name', 'phone', 'email', 'note'] as const).filter((k) => c[k]).map((k) => ({ raw_contact_id: rawOf(c), mimetype: MIME[k], data1: c[k] })));
    const threadOnes = w.data.filter((d) => w.raw.some((r) => r._id === d.raw_contact_id && r.account_type === THREAD_ACCOUNT));
    return [...own, ...threadOnes].map((d) => ({ _id: str(++n), raw_contact_id: str(d.raw_contact_id), mimetype: d.mimetype, data1: d.data1 }));
  }
  if (uri === 'content://sms' || uri === 'content://sms/inbox' || uri === 'content://sms/sent') {
    const threads = ctx.apps.messages.threads;
    const rows = threads.flatMap((t, i) => t.messages.map((m) => ({
      _id: str(idNumber(m.id)), thread_id: str(i + 1), address: t.number, date: str(Date.parse(m.at)), read: '1', type: m.from === 'me' ? '2' : '1', body: m.text,
    })));
    return uri.endsWith('/inbox') ? rows.filter((r) => r.type === '1') : uri.endsWith('/sent') ? rows.filter((r) => r.type === '2') : rows;
  }
  throw new Error(`Error while accessing provider:${uri.replace(/^content:\/\//, '').split('/')[0]}\njava.lang.IllegalArgumentException: Unknown URI ${uri}`);
}

/** `--where`: the few SQL forms Tripwire's readers use (`a=1`, `a='x'`, `a IN (1,2)`, joined by AND). */
export function where(rows: Row[], clause: string | undefined): Row[] {
  if (!clause) return rows;
  const terms = clause.split(/\s+AND\s+/i).map((term) => {
    const inList = /^\s*(\w+)\s+IN\s*\(([^)]*)\)\s*$/i.exec(term);
    if (inList) {
      const values = inList[2]!.split(',').map((v) => unquote(v.trim()));
      return (r: Row) => values.includes(r[inList[1]!] ?? '');
    }
    const eq = /^\s*(\w+)\s*=\s*(.+?)\s*$/.exec(term);
    if (!eq) throw new Error(`android.database.sqlite.SQLiteException: near "${term}": syntax error`);
    return (r: Row) => r[eq[1]!] === unquote(eq[2]!);
  });
  return rows.filter((r) => terms.every((t) => t(r)));
}

const unquote = (v: string) => (/^'.*'$/.test(v) ? v.slice(1, -1).replaceAll("''", "'") : v);

/** `--sort 'col ASC|DESC'`, numerically when both values are numbers. */
export function sort(rows: Row[], order: string | undefined): Row[] {
  if (!order) return rows;
  const [col, dir] = order.trim().split(/\s+/);
  const sign = dir?.toUpperCase() === 'DESC' ? -1 : 1;
  const key = (r: Row) => r[col!] ?? '';
  return [...rows].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    const num = x !== '' && y !== '' && !isNaN(Number(x)) && !isNaN(Number(y));
    return sign * (num ? Number(x) - Number(y) : x.localeCompare(y));
  });
}

/** `content query` output for these rows, with the projection's columns (all of them without one). */
export function queryOutput(rows: Row[], projection: string | undefined): string {
  const columns = projection ? projection.split(':') : Object.keys(rows[0] ?? {});
  return formatContentQuery(rows, columns);
}
