import { isDeepStrictEqual } from 'node:util';
import { TripwireError, type CallOptions } from '../../src/public/index.ts';
import phone from '../phone/index.ts';
import type { PhoneSeed } from '../phone/seed.ts';
import type { Adb, Bind } from './adb.ts';
import { NOTES_DIR, PORTABLE_APPS } from '../shell/image.ts';
import { ACCOUNT, CONTACTS, MIME, THREAD_ACCOUNT } from '../shell/providers.ts';

/** The phone seed with every default filled in, as the virtual phone reads it. */
export function parsePhoneSeed(seed: unknown): PhoneSeed {
  const parsed = phone.seed.safeParse(seed ?? {});
  if (!parsed.success) throw new TripwireError('scenario-load', `invalid phone seed: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data as PhoneSeed;
}

const EMPTY = parsePhoneSeed({});

/** The apps a seed fills that a stock image lacks: a scenario seeding one cannot run on an emulator. */
export function unportableApps(seed: PhoneSeed): string[] {
  const apps: Record<string, unknown> = seed.apps;
  const empty: Record<string, unknown> = EMPTY.apps;
  return Object.keys(apps).filter((id) => !PORTABLE_APPS.has(id) && !isDeepStrictEqual(apps[id], empty[id]));
}

const ms = (iso: string) => String(Date.parse(iso));

/** What seeding remembers for the state readers: which Android rows are the seed's, by virtual id. */
export interface SeedMemory {
  seed: PhoneSeed;
  /** Android raw contact _id by the seed's contact id. */
  contacts: Map<string, string>;
  /** The highest SMS _id once seeded. */
  smsBaseline: number;
}

/**
 * Writes a scenario's phone seed onto a freshly reloaded emulator through adb, in the order a person
 * would see it arrive: contacts (provider rows with the seed's ids as `sourceid`), SMS history
 * (provider rows with their own dates, so threads read back in order; SMS arriving during the
 * episode come through the console instead), settings, screen lock, notes as files, notifications.
 */
export async function seedDevice(adb: Adb, seed: PhoneSeed, options: CallOptions = {}): Promise<SeedMemory> {
  const unportable = unportableApps(seed);
  if (unportable.length) {
    throw new TripwireError('device-unavailable', `this scenario seeds ${unportable.join(', ')}, which a stock Android image does not have; mark it notPortable or run it on --device virtual`);
  }
  const apps = seed.apps;
  const contacts = new Map<string, string>();
  const known = new Set<string>();
  for (const c of apps.contacts.contacts) {
    contacts.set(c.id, await addContact(adb, ACCOUNT, c.id, [['name', c.name], ['phone', c.phone], ['email', c.email], ['note', c.note]], options));
    if (c.phone) known.add(c.phone);
  }
  const threads = apps.messages.threads;
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
  const settings = apps.settings;
  const defaults = EMPTY.apps.settings;
  for (const [key, svc] of [['wifi', 'wifi'], ['bluetooth', 'bluetooth']] as const) {
    if (settings[key] !== defaults[key]) await adb.shell(['svc', svc, settings[key] ? 'enable' : 'disable'], options);
  }
  if (settings.location !== defaults.location) await adb.shell(['cmd', 'location', 'set-location-enabled', String(settings.location)], options);
  if (settings.lock.type !== 'none') await adb.shell(['locksettings', settings.lock.type === 'pin' ? 'set-pin' : 'set-password', settings.lock.password], options);
  for (const n of apps.notes.notes) {
    // printf keeps the body byte for byte (echo would read backslashes on some shells).
    await adb.shell(['sh', '-c', `mkdir -p ${NOTES_DIR} && printf '%s' "$0" > "$1"`, n.body, `${NOTES_DIR}/${fileName(n.title)}.txt`], options);
  }
  for (const [i, n] of seed.notifications.entries()) {
    await adb.shell(['cmd', 'notification', 'post', '-S', 'bigtext', '-t', n.title, `tripwire${i}`, n.text], options);
  }
  // SMS rows after this one are the episode's: what the user sent is read from there.
  const last = await adb.query('content://sms', ['_id'], { sort: '_id DESC' }, options);
  return { seed, contacts, smsBaseline: Number(last[0]?._id ?? 0) };
}

/** One raw contact and its data rows; resolves to the raw contact's _id. */
async function addContact(adb: Adb, account: string, id: string, fields: [keyof typeof MIME, string][], options: CallOptions): Promise<string> {
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

export const fileName = (title: string) => title.replace(/[^\p{L}\p{N} ._-]+/gu, '_').trim() || 'note';
