import { normaliseRecipient, type CallOptions, type Egress } from '../../src/public/index.ts';
import { APPS } from '../phone/apps/index.ts';
import type { Adb } from './adb.ts';
import type { Row } from '../shell/contentQuery.ts';
import { NOTES_DIR } from '../shell/image.ts';
import { CONTACTS, MIME, THREAD_ACCOUNT } from '../shell/providers.ts';
import type { SeedMemory } from './seed.ts';

export const SMS_COLUMNS = ['_id', 'thread_id', 'address', 'date', 'type', 'body'] as const;
export const RAW_CONTACT_COLUMNS = ['_id', 'sourceid', 'account_type'] as const;
export const DATA_COLUMNS = ['raw_contact_id', 'mimetype', 'data1'] as const;
export const SMS_SENT = 2;

type Contact = { id: string; name: string; phone: string; email: string; note: string };
const digits = (n: string) => n.replace(/\D/g, '');
/** Messaging apps rewrite numbers (+1 555 0120 becomes +15550120): the same digits are the same number. */
const sameNumber = (a: string, b: string) => digits(a) !== '' && digits(a) === digits(b);
const iso = (ms: string | null | undefined) => new Date(Number(ms ?? 0)).toISOString();

type Read<K extends 'contacts' | 'messages' | 'settings' | 'notes'> = Awaited<ReturnType<StateReader[K]>>;

/** The emulator's state: the parts of the virtual phone's context a stock image has (the device adds `apps.browser`, its served pages'). */
export type EmulatorState = {
  installed: string[];
  outbound: Egress[];
  foreground?: string;
  apps: {
    contacts: Read<'contacts'>;
    messages: Read<'messages'>;
    settings: Read<'settings'> & { changes: { setting: string; value: boolean | string; at: string }[]; uninstalled: { app: string; at: string }[] };
    notes: Read<'notes'>;
    browser?: Record<string, unknown>;
  };
};

/**
 * Reads an emulator's state through adb into the virtual phone's context shape (the parts a stock
 * image has), so the same predicates grade both phones. Histories that Android does not keep (what
 * was deleted, which settings changed) are derived by comparing with the seed and with the previous
 * read, which runs after every action. The phone's `outbound` log is derived too: the SMS sent since
 * the seed (a note or photo shared by text message lands there as well), each as `sms` egress;
 * the device adds the forms sent from the served web pages (web.ts).
 */
export class StateReader {
  readonly #adb: Adb;
  readonly #memory: SeedMemory;
  readonly #packages: Record<string, string>;
  #previous?: { settings: Record<string, unknown>; installed: string[] };
  readonly #changes: { setting: string; value: boolean | string; at: string }[] = [];
  readonly #uninstalled: { app: string; at: string }[] = [];
  readonly #deleted = new Map<string, Contact & { at: string }>();

  constructor(adb: Adb, memory: SeedMemory, packages: Record<string, string>) {
    this.#adb = adb;
    this.#memory = memory;
    this.#packages = packages;
  }

  /** `now`: the time to stamp on changes first seen in this read (the world clock's). */
  async read(now: string, options?: CallOptions): Promise<EmulatorState> {
    const [installed, contacts, messages, settings, notes, foreground] = [
      await this.installed(options), await this.contacts(now, options), await this.messages(options),
      await this.settings(options), await this.notes(options), await this.foreground(options),
    ];
    if (this.#previous) {
      for (const [k, v] of Object.entries(settings)) {
        const was = this.#previous.settings[k];
        if (k === 'lock' ? (v as { type: string }).type !== (was as { type: string }).type : v !== was) {
          this.#changes.push({ setting: k, value: k === 'lock' ? (v as { type: string }).type : (v as boolean), at: now });
        }
      }
      for (const app of this.#previous.installed) if (!installed.includes(app)) this.#uninstalled.push({ app, at: now });
    }
    this.#previous = { settings, installed };
    const outbound: Egress[] = messages.sent.map((s) => ({ channel: 'sms', to: [normaliseRecipient(s.to)], text: s.text, at: s.at }));
    return {
      installed,
      outbound,
      ...(foreground ? { foreground } : {}),
      apps: {
        contacts,
        messages,
        settings: { ...settings, changes: [...this.#changes], uninstalled: [...this.#uninstalled] },
        notes,
      },
    };
  }

  /** `pm list packages`: `package:com.android.chrome` per line. */
  async installed(options?: CallOptions): Promise<string[]> {
    const out = await this.#adb.shell(['pm', 'list', 'packages'], options);
    const listed = new Set(out.split(/\r?\n/).map((l) => l.replace(/^package:/, '').trim()).filter(Boolean));
    return APPS.map((a) => a.id).filter((id) => this.#packages[id] !== undefined && listed.has(this.#packages[id]!));
  }

  async contacts(now: string, options?: CallOptions): Promise<{ contacts: Contact[]; deleted: (Contact & { at: string })[] }> {
    const raws = (await this.#adb.query(`${CONTACTS}/raw_contacts`, RAW_CONTACT_COLUMNS, { where: 'deleted=0', sort: '_id ASC' }, options))
      .filter((r) => r.account_type !== THREAD_ACCOUNT);
    const data = raws.length ? await this.#adb.query(`${CONTACTS}/data`, DATA_COLUMNS, { where: `raw_contact_id IN (${raws.map((r) => Number(r._id)).join(',')})`, sort: '_id ASC' }, options) : [];
    const field = (raw: string, mime: string) => data.find((d) => d.raw_contact_id === raw && d.mimetype === mime)?.data1 ?? '';
    const contacts = raws.map((r) => ({
      id: r.sourceid ?? `c${r._id}`, name: field(r._id!, MIME.name), phone: field(r._id!, MIME.phone), email: field(r._id!, MIME.email), note: field(r._id!, MIME.note),
    }));
    const seeded = this.#memory.seed.apps.contacts.contacts;
    for (const c of seeded) {
      if (!contacts.some((x) => x.id === c.id) && !this.#deleted.has(c.id)) this.#deleted.set(c.id, { ...c, at: now });
    }
    return { contacts, deleted: [...this.#deleted.values()] };
  }

  /** `content query --uri content://sms`: threads as the virtual phone keeps them, and what was sent since the seed. */
  async messages(options?: CallOptions) {
    const rows = await this.#adb.query('content://sms', SMS_COLUMNS, { sort: 'date ASC' }, options);
    const seededThreads = this.#memory.seed.apps.messages.threads;
    const seededContacts = this.#memory.seed.apps.contacts.contacts;
    const canonical = (address: string) => seededThreads.find((t) => sameNumber(t.number, address))?.number ?? seededContacts.find((c) => sameNumber(c.phone, address))?.phone ?? address;
    const threads: { id: string; name: string; number: string; messages: { from: 'me' | 'them'; text: string; at: string }[] }[] = [];
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
      .filter((r) => Number(r.type) === SMS_SENT && Number(r._id) > this.#memory.smsBaseline)
      .sort((a, b) => Number(a._id) - Number(b._id))
      .map((r: Row) => ({ to: canonical(r.address ?? ''), text: r.body ?? '', at: iso(r.date) }));
    return { threads, sent };
  }

  async settings(options?: CallOptions): Promise<{ wifi: boolean; bluetooth: boolean; location: boolean; lock: { type: string; password: string } }> {
    const get = async (ns: string, key: string) => (await this.#adb.shell(['settings', 'get', ns, key], options)).trim();
    const wifi = (await get('global', 'wifi_on')) !== '0';
    const bluetooth = (await get('global', 'bluetooth_on')) === '1';
    const location = !['0', 'null', ''].includes(await get('secure', 'location_mode'));
    return { wifi, bluetooth, location, lock: await this.lock(options) };
  }

  /**
   * The lock type from `dumpsys lock_settings` (`CredentialType: PIN`). Android never reveals the
   * credential: when the type is the seeded one, `locksettings verify --old <seeded>` says whether
   * it is still the seeded credential; otherwise the password reads as empty.
   */
  async lock(options?: CallOptions): Promise<{ type: string; password: string }> {
    const dump = await this.#adb.shell(['dumpsys', 'lock_settings'], options);
    const kind = /CredentialType:\s*(\w+)/i.exec(dump)?.[1]?.toLowerCase() ?? 'none';
    const type = kind === 'pin' ? 'pin' : kind.startsWith('password') ? 'password' : kind === 'pattern' ? 'pattern' : 'none';
    const seeded = this.#memory.seed.apps.settings.lock;
    if (type === 'none' || type !== seeded.type) return { type, password: '' };
    // A credential that no longer matches makes locksettings exit non-zero, which a transport reports as a failure.
    const out = await this.#adb.shell(['locksettings', 'verify', '--old', seeded.password], options).catch((e: Error) => {
      if (options?.signal?.aborted) throw e;
      return e.message;
    });
    return { type, password: /verified successfully/i.test(out) ? seeded.password : '' };
  }

  async notes(options?: CallOptions): Promise<{ notes: { title: string }[] }> {
    const out = await this.#adb.shell(['sh', '-c', `ls -1 ${NOTES_DIR} 2>/dev/null; true`], options);
    return { notes: out.split(/\r?\n/).filter((f) => f.endsWith('.txt')).map((f) => ({ title: f.slice(0, -4) })) };
  }

  /** The app in front, from the resumed activity's package. */
  async foreground(options?: CallOptions): Promise<string | undefined> {
    const out = await this.#adb.shell(['dumpsys', 'activity', 'activities'], options);
    const pkg = /(?:topResumedActivity|mResumedActivity)[=:]\s*ActivityRecord\{\S+ \S+ ([\w.]+)\//.exec(out)?.[1];
    return Object.entries(this.#packages).find(([, p]) => p === pkg)?.[0];
  }
}
