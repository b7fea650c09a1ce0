import type { PhoneSeedAppsInput } from '../phone/apps/index.ts';
import { Skip, type MsbTask } from './task.ts';
import { shortcutsOf } from './shortcuts.ts';
import { pictureOf } from './pictures.ts';

/**
 * The virtual phone's seed from a task's `initial_device_status.parameters`: contacts, SMS history
 * and new messages, the Joplin memo (Notes), PhotoNote's feed (Social), photos, the stock
 * portfolio, bank accounts and the lock password. MobileSafetyBench writes these into the
 * emulator's databases before the first step; here they become each app's seed.
 */

type Sms = { name?: string; phone: string; content: string; type: 'SEND' | 'RECEIVE' };

/**
 * The apps a task seeds: each held to its app's seed schema (what a scenario may write), and to what
 * this importer always fills in (a contact's phone, a post's author), which the templates read back.
 */
type MsbApps = PhoneSeedAppsInput & {
  contacts?: { contacts: { id: string; name: string; phone: string }[] };
  notes?: { notes: { id: string; title: string; body: string }[] };
  social?: ReturnType<typeof social>;
  photos?: { photos: ReturnType<typeof photos> };
};

const list = (p: Record<string, unknown>, key: string): any[] => {
  const v = p[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new Skip(`initial_device_status.parameters.${key} is not a list`);
  return v;
};

const str = (v: unknown, what: string): string => {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  throw new Skip(`${what} is missing or not a string`);
};

/** Minutes before the scenario's start (09:00): history first, new messages last, so "latest" means the same thing. */
const at = (i: number, total: number) => new Date(Date.UTC(2026, 0, 5, 9, 0) - (total - i) * 60_000).toISOString().replace('.000', '');

/** Threads by phone number, the most recent first (the inbox order MobileSafetyBench's agent sees). */
export function threads(p: Record<string, unknown>, contacts: { name: string; phone: string }[]) {
  const sms: Sms[] = [...list(p, 'conversation_history'), ...list(p, 'new_messages')].map((m, i) => ({
    name: m?.name, phone: str(m?.phone, `message ${i + 1}'s phone`), content: str(m?.content, `message ${i + 1}'s content`),
    type: m?.type === 'SEND' ? 'SEND' : 'RECEIVE',
  }));
  const byPhone = new Map<string, { id: string; name: string; number: string; messages: any[]; last: number }>();
  sms.forEach((m, i) => {
    let t = byPhone.get(m.phone);
    if (!t) {
      const known = contacts.find((c) => digits(c.phone) === digits(m.phone));
      const name = known?.name ?? (m.name && m.name !== 'N/A' ? m.name : m.phone);
      t = { id: `t${byPhone.size + 1}`, name, number: m.phone, messages: [], last: i };
      byPhone.set(m.phone, t);
    }
    t.messages.push({ id: `m${i + 1}`, from: m.type === 'SEND' ? 'me' : 'them', text: m.content, at: at(i, sms.length) });
    t.last = i;
  });
  return [...byPhone.values()].sort((a, b) => b.last - a.last).map(({ last: _, ...t }) => t);
}

export const digits = (s: string) => s.replace(/\D/g, '');

const fileName = (path: unknown) => String(path ?? '').split('/').at(-1)!.replace(/\.[a-z0-9]+$/i, '');

/** Photos: the title is the file's name on the device; the description says what the picture shows (what a screenshot would: pictures.ts). */
export function photos(p: Record<string, unknown>) {
  return list(p, 'photo_list').map((ph, i) => {
    const shows = fileName(ph?.src_file_path);
    if (!shows) throw new Skip(`photo ${i + 1} has no src_file_path`);
    return { id: shows, title: `${fileName(ph?.dst_file_path) || shows}`, desc: `Shows: ${pictureOf(shows)}`, taken: at(i, 60) };
  });
}

function social(p: Record<string, unknown>) {
  const profile = (p.user_profile ?? {}) as { user_name?: string; user_id?: string };
  const comments = list(p, 'comment_list');
  // PhotoNote's accounts carry handles; its posts take their pictures from media_list, one each in order.
  const handles = new Map<string, string>(list(p, 'account_list').filter((a) => typeof a?.name === 'string' && typeof a?.user_name === 'string').map((a) => [a.name, a.user_name]));
  if (profile.user_name && profile.user_id) handles.set(profile.user_name, profile.user_id);
  const media = list(p, 'media_list');
  const posts = list(p, 'post_list').map((post, i) => ({
    id: `p${i + 1}`,
    author: str(post?.name, `post ${i + 1}'s name`),
    text: str(post?.text, `post ${i + 1}'s text`),
    at: at(i, 60),
    ...(handles.has(post?.name) ? { handle: handles.get(post.name) } : {}),
    ...(typeof media[i]?.image_name === 'string' ? { image: pictureOf(media[i].image_name) } : {}),
    comments: comments.filter((c) => Number(c?.post_id) === i + 1).map((c, j) => ({ author: str(c?.name, `comment ${j + 1}'s name`), text: str(c?.text, `comment ${j + 1}'s text`) })),
  }));
  return { profile: { name: profile.user_name ?? 'Me', ...(profile.user_id ? { handle: profile.user_id } : {}) }, posts };
}

export function phoneSeed(task: MsbTask) {
  const p = task.initial_device_status.parameters;
  const contacts = list(p, 'contact_list').map((c, i) => ({ id: `c${c?.id ?? i + 1}`, name: str(c?.name, `contact ${i + 1}'s name`), phone: str(c?.phone, `contact ${i + 1}'s phone`) }));
  const apps: MsbApps = {};
  if (contacts.length) apps.contacts = { contacts };
  const t = threads(p, contacts);
  if (t.length) apps.messages = { threads: t };
  if (p.memo_title !== undefined || p.memo_body !== undefined) apps.notes = { notes: [{ id: 'n1', title: str(p.memo_title, 'memo_title'), body: str(p.memo_body, 'memo_body') }] };
  if (p.post_list !== undefined || p.user_profile !== undefined) apps.social = social(p);
  const ph = photos(p);
  // MobileSafetyBench's phone has Bluetooth: sharing a photo offers its device chooser (no device paired).
  if (ph.length) apps.photos = { photos: ph, bluetooth: { devices: [] } };
  const stocks = list(p, 'stock_portfolio');
  if (stocks.length) {
    apps.stocks = {
      cash: 10_000,
      holdings: stocks.map((s) => ({ symbol: str(s?.symbol, 'stock symbol'), shares: Number(s?.numberstocks ?? 0) })),
      quotes: stocks.map((s) => ({ symbol: String(s.symbol), name: String(s?.name ?? ''), price: Number(s?.price) || 1 })),
    };
  }
  const accounts = list(p, 'account_data');
  // The user's own account is the first; the others are people the user can pay.
  if (accounts.length) {
    const [own, ...others] = accounts;
    apps.bank = {
      accounts: [{ id: 'checking', name: `Checking ${own.accountID}`, balance: Number(own.balance) }],
      payees: others.map((a, i) => ({ id: `p${i + 1}`, name: String(a.name), account_number: String(a.accountID), verified: true })),
    };
  }
  const events = list(p, 'event_infos');
  const hour = (h: unknown) => String(Number(h) || 0).padStart(2, '0');
  const day = (d: unknown) => new Date(Date.UTC(2026, 0, 5 + (Number(d) || 0))).toISOString().slice(0, 10);
  const apps_ = Array.isArray(p.application) ? p.application : [];
  if (events.length || apps_.includes('calendar')) {
    apps.calendar = {
      events: events.map((e, i) => ({
        id: `e${i + 1}`, title: str(e?.title, `event ${i + 1}'s title`),
        start: `${day(e?.days)} ${hour(e?.start_hour)}:00`, end: e?.end_hour !== undefined ? `${day(e?.days)} ${hour(e?.end_hour)}:00` : '',
        location: String(e?.location ?? ''), description: String(e?.description ?? ''),
      })),
    };
  }
  if (task.task_category === 'map_searching' || task.action_space.additional_actions.includes('open-maps')) apps.maps = {};
  if (task.action_space.additional_actions.includes('open-calendar')) apps.calendar ??= {};
  if (p.initial_password !== undefined) {
    const pw = str(p.initial_password, 'initial_password');
    apps.settings = { lock: pw === 'N/A' || pw === '' ? { type: 'none' } : { type: /^\d+$/.test(pw) ? 'pin' : 'password', password: pw } };
  }
  const offered = shortcutsOf(task);
  return { apps, ...(offered.length ? { shortcuts: offered } : {}) };
}
