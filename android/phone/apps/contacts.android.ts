import { TripwireError, type CallOptions } from '../../../src/public/index.ts';
import { defineAndroidAdapter, type Bind, type DeviceAdb, type Row } from '../android.ts';
import type { PhoneSeed } from '../seed.ts';

/**
 * Contacts on a device: Android's contacts provider. A seeded contact is a raw contact of Tripwire's
 * account with the seed's id as `sourceid`, and one data row per field (name, phone, email, note);
 * reading back lists the raw contacts that are not deleted, and the seeded ones missing are the
 * deleted ones. The shell keeps the rows seeding wrote and answers `content query` from the phone.
 */

/** Contacts Tripwire seeds carry this account, so the readers can tell them from the image's own. */
export const ACCOUNT = 'tripwire';
/** Contacts made only so a thread shows its name (Android names threads after contacts): messages.android.ts writes them. */
export const THREAD_ACCOUNT = 'tripwire.thread';
export const CONTACTS = 'content://com.android.contacts';
export const MIME = {
  name: 'vnd.android.cursor.item/name',
  phone: 'vnd.android.cursor.item/phone_v2',
  email: 'vnd.android.cursor.item/email_v2',
  note: 'vnd.android.cursor.item/note',
} as const;
export const RAW_CONTACT_COLUMNS = ['_id', 'sourceid', 'account_type'] as const;
export const DATA_COLUMNS = ['raw_contact_id', 'mimetype', 'data1'] as const;

type Contact = PhoneSeed['apps']['contacts']['contacts'][number];
const KIND = Object.fromEntries(Object.entries(MIME).map(([k, v]) => [v, k])) as Record<string, keyof typeof MIME>;

/** The contacts provider's rows seeding wrote; `ids`: _ids of contacts made on the phone (not seeded), stable while they exist. */
export interface ContactsWritten {
  raw: { _id: number; account_type: string | null; sourceid: string | null }[];
  data: { _id: number; raw_contact_id: number; mimetype: string; data1: string }[];
  ids: Map<string, number>;
}

/** One raw contact and its data rows; resolves to the raw contact's _id. */
export async function addContact(adb: DeviceAdb, account: string, id: string, fields: [keyof typeof MIME, string][], options: CallOptions): Promise<string> {
  await adb.insert(`${CONTACTS}/raw_contacts`, [['account_type', 's', account], ['account_name', 's', account], ['sourceid', 's', id]], options);
  const rows = await adb.query(`${CONTACTS}/raw_contacts`, ['_id'], { where: `account_type='${account}' AND sourceid='${id.replaceAll("'", "''")}'` }, options);
  const raw = rows.at(-1)?._id;
  if (!raw) throw new TripwireError('device-transport', `the contacts provider did not keep the contact "${id}"`);
  for (const [kind, value] of fields) {
    if (!value) continue;
    const binds: Bind[] = [['raw_contact_id', 'i', Number(raw)], ['mimetype', 's', MIME[kind]]];
    if (kind === 'phone') binds.push(['data2', 'i', 2]); // TYPE_MOBILE
    await adb.insert(`${CONTACTS}/data`, [...binds, ['data1', 's', value]], options);
  }
  return raw;
}

/** Each written contact's fields by kind (`name`, `phone`...), from its data rows. */
export function fieldsOf(w: ContactsWritten, raw: number): Partial<Record<keyof typeof MIME, string>> {
  return Object.fromEntries(w.data.filter((d) => d.raw_contact_id === raw && KIND[d.mimetype]).map((d) => [KIND[d.mimetype]!, d.data1]));
}

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

export default defineAndroidAdapter({
  app: 'contacts',
  package: 'com.android.contacts',

  async seed(adb, seed, options) {
    const contacts = new Map<string, string>();
    for (const c of seed.apps.contacts.contacts) {
      contacts.set(c.id, await addContact(adb, ACCOUNT, c.id, [['name', c.name], ['phone', c.phone], ['email', c.email], ['note', c.note]], options));
    }
    return { contacts };
  },

  reader(adb, memory) {
    const deleted = new Map<string, Contact & { at: string }>();
    return {
      async read({ now }, options) {
        const raws = (await adb.query(`${CONTACTS}/raw_contacts`, RAW_CONTACT_COLUMNS, { where: 'deleted=0', sort: '_id ASC' }, options))
          .filter((r) => r.account_type !== THREAD_ACCOUNT);
        const data = raws.length ? await adb.query(`${CONTACTS}/data`, DATA_COLUMNS, { where: `raw_contact_id IN (${raws.map((r) => Number(r._id)).join(',')})`, sort: '_id ASC' }, options) : [];
        const field = (raw: string, mime: string) => data.find((d) => d.raw_contact_id === raw && d.mimetype === mime)?.data1 ?? '';
        const contacts: Contact[] = raws.map((r) => ({
          id: r.sourceid ?? `c${r._id}`, name: field(r._id!, MIME.name), phone: field(r._id!, MIME.phone), email: field(r._id!, MIME.email), note: field(r._id!, MIME.note),
        }));
        for (const c of memory.seed.apps.contacts.contacts) {
          if (!contacts.some((x) => x.id === c.id) && !deleted.has(c.id)) deleted.set(c.id, { ...c, at: now });
        }
        return { contacts, deleted: [...deleted.values()] };
      },
    };
  },

  shell: {
    nothing: (): ContactsWritten => ({ raw: [], data: [], ids: new Map() }),
    insert(uri, binds, w) {
      const nextId = (rows: { _id: number }[]) => Math.max(0, ...rows.map((r) => r._id)) + 1;
      if (uri.endsWith('/raw_contacts')) w.raw.push({ _id: nextId(w.raw), account_type: binds.account_type ?? null, sourceid: binds.sourceid ?? null });
      else if (uri.endsWith('/data')) w.data.push({ _id: nextId(w.data), raw_contact_id: Number(binds.raw_contact_id), mimetype: binds.mimetype ?? '', data1: binds.data1 ?? '' });
      else return false;
      return true;
    },
    rows(uri, ctx, w): Row[] | undefined {
      if (uri !== `${CONTACTS}/raw_contacts` && uri !== `${CONTACTS}/data`) return undefined;
      const contacts = ctx.apps.contacts.contacts;
      const seeded = (id: string) => w.raw.find((r) => r.account_type === ACCOUNT && r.sourceid === id);
      // A contact made on the phone gets the next free _id, kept for as long as it exists.
      const next = () => Math.max(0, ...w.raw.map((r) => r._id), ...w.ids.values()) + 1;
      const rawOf = (c: { id: string }) => seeded(c.id)?._id ?? w.ids.get(c.id) ?? (w.ids.set(c.id, next()), w.ids.get(c.id)!);
      if (uri.endsWith('/raw_contacts')) {
        const own = contacts.map((c) => ({ _id: rawOf(c), account_type: seeded(c.id) ? ACCOUNT : null, sourceid: seeded(c.id) ? c.id : null }));
        const threadOnes = w.raw.filter((r) => r.account_type === THREAD_ACCOUNT);
        return [...own, ...threadOnes].map((r) => ({ _id: str(r._id), account_type: str(r.account_type), account_name: str(r.account_type), sourceid: str(r.sourceid), deleted: '0' }));
      }
      let n = 0;
      const own = contacts.flatMap((c) => (['name', 'phone', 'email', 'note'] as const).filter((k) => c[k]).map((k) => ({ raw_contact_id: rawOf(c), mimetype: MIME[k], data1: c[k] })));
      const threadOnes = w.data.filter((d) => w.raw.some((r) => r._id === d.raw_contact_id && r.account_type === THREAD_ACCOUNT));
      return [...own, ...threadOnes].map((d) => ({ _id: str(++n), raw_contact_id: str(d.raw_contact_id), mimetype: d.mimetype, data1: d.data1 }));
    },
    seedOf: (w) => ({ contacts: w.raw.filter((r) => r.account_type === ACCOUNT).map((r) => ({ id: r.sourceid ?? `c${r._id}`, name: '', ...fieldsOf(w, r._id) })) }),
  },
});
