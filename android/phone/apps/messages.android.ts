import { normaliseRecipient } from '../../../src/public/index.ts';
import { defineAndroidAdapter, type Row } from '../android.ts';
import type { PhoneSeed } from '../seed.ts';
import contactsAndroid, { addContact, fieldsOf, THREAD_ACCOUNT } from './contacts.android.ts';

/**
 * Messages on a device: Android's SMS provider (`content://sms`). The seed's history goes in as
 * provider rows with their own dates, so threads read back in order; a thread whose number is no
 * contact gets a thread contact (Android names threads after contacts). SMS arriving during the
 * episode come through the emulator console instead. What the user sent is every sent row after the
 * seed's last one, and each is `sms` egress in the phone's `outbound` log.
 */

export const SMS_COLUMNS = ['_id', 'thread_id', 'address', 'date', 'type', 'body'] as const;
export const SMS_SENT = 2;
const SMS_URIS = ['content://sms', 'content://sms/inbox', 'content://sms/sent'];

const digits = (n: string) => n.replace(/\D/g, '');
/** Messaging apps rewrite numbers (+1 555 0120 becomes +15550120): the same digits are the same number. */
const sameNumber = (a: string, b: string) => digits(a) !== '' && digits(a) === digits(b);
const iso = (ms: string | number | null | undefined) => new Date(Number(ms ?? 0)).toISOString();
const ms = (at: string) => String(Date.parse(at));
const idNumber = (id: string) => Number(/\d+$/.exec(id)?.[0] ?? NaN);
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

type Thread = { id: string; name: string; number: string; messages: { from: 'me' | 'them'; text: string; at: string }[] };

/** The SMS provider's rows seeding wrote. */
export interface MessagesWritten {
  sms: { _id: number; address: string; date: number; type: number; body: string }[];
}

export default defineAndroidAdapter({
  app: 'messages',
  package: 'com.google.android.apps.messaging',

  async seed(adb, seed, options) {
    const known = new Set(seed.apps.contacts.contacts.map((c) => c.phone).filter(Boolean));
    const threads = seed.apps.messages.threads;
    for (const t of threads) {
      if (t.name !== t.number && !known.has(t.number)) {
        await addContact(adb, THREAD_ACCOUNT, t.id, [['name', t.name], ['phone', t.number]], options);
        known.add(t.number);
      }
    }
    const messages = threads.flatMap((t) => t.messages.map((m) => ({ ...m, number: t.number }))).sort((a, b) => a.at.localeCompare(b.at));
    for (const m of messages) {
      await adb.insert(`content://sms/${m.from === 'me' ? 'sent' : 'inbox'}`, [
        ['address', 's', m.number], ['date', 'l', ms(m.at)], ['read', 'i', 1], ['type', 'i', m.from === 'me' ? 2 : 1], ['body', 's', m.text],
      ], options);
    }
  },

  /** SMS rows after the last one now are the episode's: what the user sent is read from there. */
  async seeded(adb, _seed, options): Promise<{ smsBaseline: number }> {
    const last = await adb.query('content://sms', ['_id'], { sort: '_id DESC' }, options);
    return { smsBaseline: Number(last[0]?._id ?? 0) };
  },

  /** `content query --uri content://sms`: threads as the virtual phone keeps them, and what was sent since the seed. */
  reader(adb, memory: { seed: PhoneSeed; smsBaseline: number }) {
    return {
      async read(_at, options) {
        const rows = await adb.query('content://sms', SMS_COLUMNS, { sort: 'date ASC' }, options);
        const seededThreads = memory.seed.apps.messages.threads;
        const seededContacts = memory.seed.apps.contacts.contacts;
        const canonical = (address: string) => seededThreads.find((t) => sameNumber(t.number, address))?.number ?? seededContacts.find((c) => sameNumber(c.phone, address))?.phone ?? address;
        const threads: Thread[] = [];
        for (const r of rows) {
          const number = canonical(r.address ?? '');
          let thread = threads.find((t) => t.number === number);
          if (!thread) {
            const seeded = seededThreads.find((t) => t.number === number);
            const name = seeded?.name ?? seededContacts.find((c) => c.phone === number)?.name ?? number;
            thread = { id: seeded?.id ?? `t${r.thread_id}`, name, number, messages: [] };
            threads.push(thread);
          }
          thread.messages.push({ from: Number(r.type) === SMS_SENT ? 'me' : 'them', text: r.body ?? '', at: iso(r.date) });
        }
        // Seeded threads first, in the seed's order (as the virtual phone lists them), then new ones.
        const order = (id: string) => { const i = seededThreads.findIndex((t) => t.id === id); return i < 0 ? seededThreads.length : i; };
        threads.sort((a, b) => order(a.id) - order(b.id));
        const sent = rows
          .filter((r) => Number(r.type) === SMS_SENT && Number(r._id) > memory.smsBaseline)
          .sort((a, b) => Number(a._id) - Number(b._id))
          .map((r: Row) => ({ to: canonical(r.address ?? ''), text: r.body ?? '', at: iso(r.date) }));
        return { threads, sent };
      },
    };
  },

  /** Each SMS sent since the seed (a note or photo shared by text message lands there as well). */
  outbound: (state) => state.sent.map((s) => ({ channel: 'sms', to: [normaliseRecipient(s.to)], text: s.text, at: s.at })),

  shell: {
    nothing: (): MessagesWritten => ({ sms: [] }),
    insert(uri, binds, w) {
      if (!/^content:\/\/sms\/(inbox|sent)$/.test(uri)) return false;
      w.sms.push({ _id: Math.max(0, ...w.sms.map((r) => r._id)) + 1, address: binds.address ?? '', date: Number(binds.date ?? 0), type: uri.endsWith('/sent') ? 2 : 1, body: binds.body ?? '' });
      return true;
    },
    rows(uri, ctx) {
      if (!SMS_URIS.includes(uri)) return undefined;
      const rows = ctx.apps.messages.threads.flatMap((t, i) => t.messages.map((m) => ({
        _id: str(idNumber(m.id)), thread_id: str(i + 1), address: t.number, date: str(Date.parse(m.at)), read: '1', type: m.from === 'me' ? '2' : '1', body: m.text,
      })));
      return uri.endsWith('/inbox') ? rows.filter((r) => r.type === '1') : uri.endsWith('/sent') ? rows.filter((r) => r.type === '2') : rows;
    },
    /** Android names a thread after the contact with its number; Tripwire's thread contacts carry the thread's id. */
    seedOf(w, of) {
      const contacts = of(contactsAndroid);
      const named = contacts.raw.map((r) => ({ r, f: fieldsOf(contacts, r._id) })).filter(({ f }) => f.phone);
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
      return { threads };
    },
  },
});
