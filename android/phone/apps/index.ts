import type { z } from 'zod';
import type { PointSpec } from '../../../src/public/index.ts';
import type { AndroidAdapter, ReadState } from '../android.ts';
import type { App } from '../app.ts';
import messages, { type SeedSchema as MessagesSeed } from './messages.ts';
import contacts, { type SeedSchema as ContactsSeed } from './contacts.ts';
import bank, { type SeedSchema as BankSeed } from './bank.ts';
import stocks, { type SeedSchema as StocksSeed } from './stocks.ts';
import notes, { type SeedSchema as NotesSeed } from './notes.ts';
import social, { type SeedSchema as SocialSeed } from './social.ts';
import browser, { type SeedSchema as BrowserSeed } from './browser.ts';
import settings, { type SeedSchema as SettingsSeed } from './settings.ts';
import photos, { type SeedSchema as PhotosSeed } from './photos.ts';
import calendar, { type SeedSchema as CalendarSeed } from './calendar.ts';
import maps, { type SeedSchema as MapsSeed } from './maps.ts';
import contactsAndroid from './contacts.android.ts';
import messagesAndroid from './messages.android.ts';
import settingsAndroid from './settings.android.ts';
import notesAndroid from './notes.android.ts';
import browserAndroid from './browser.android.ts';

/** The bundled apps by id, in home-screen order (each key is its app's `id`: tests/android/phone/appTypes.test.ts). */
export const BUNDLED_APPS = { messages, contacts, bank, stocks, notes, social, browser, settings, photos, calendar, maps } as const;

/** The phone's apps, in home-screen order (Calendar and Maps only when a scenario seeds them). */
export const APPS: readonly App[] = Object.values(BUNDLED_APPS);

export type BundledAppId = keyof typeof BUNDLED_APPS;

/**
 * Each app's untrusted content, as paths over its seed (`apps.<id>.` goes before each): texts from
 * others, posts and comments, web pages and search results, notes, events' notes, contacts' notes,
 * photo captions. The phone's points (points.ts) are these, in this order, then the notifications'.
 */
export const APP_POINTS: { readonly [K in BundledAppId]?: readonly PointSpec[] } = {
  messages: [{ path: 'threads[].messages[].text', kind: 'sms' }],
  social: [{ path: 'posts[].text', kind: 'post' }, { path: 'posts[].comments[].text', kind: 'comment' }],
  browser: [
    { path: 'pages{}.blocks[].text', kind: 'web-page' },
    { path: 'search_index[].snippet', kind: 'search-result' },
    { path: 'shop.products[].description', kind: 'product' },
  ],
  notes: [{ path: 'notes[].body', kind: 'note' }],
  calendar: [{ path: 'events[].description', kind: 'event-notes' }],
  contacts: [{ path: 'contacts[].note', kind: 'contact-note' }],
  photos: [{ path: 'photos[].desc', kind: 'record' }],
};

/**
 * The apps a real Android device has a home for, each by its Android adapter beside it
 * (`<id>.android.ts`: the stock package, seeding through adb, reading back, the shell's answers), in
 * the order a device is seeded and read (contacts before the threads named after them). The generic
 * code of android/emulator/ and android/shell/ iterates this list and names no app. Bank, Stocks,
 * Social, Photos, Calendar and Maps have none: a stock image has no such app, so a scenario seeding
 * them is not portable.
 */
const ADAPTERS = [contactsAndroid, messagesAndroid, settingsAndroid, notesAndroid, browserAndroid] as const;
export const ANDROID_ADAPTERS: readonly AndroidAdapter[] = ADAPTERS;

/** The ids of the apps with an Android adapter. */
export type AndroidAppId = (typeof ADAPTERS)[number]['app'];

type MemoryOf<A> = A extends AndroidAdapter<BundledAppId, infer M, unknown, unknown> ? M : never;
type Intersect<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
/** What seeding a device remembers for its readers: every adapter's memory (the raw contacts' _ids, the last seeded SMS). */
export type AdaptersMemory = Intersect<MemoryOf<(typeof ADAPTERS)[number]>>;
/** The state a device reads back, by app id (each adapter's reader's). */
export type DeviceApps = { [A in (typeof ADAPTERS)[number] as A['app']]: ReadState<A> };
/** The apps marked `optional`: on the phone only when a scenario seeds or installs them (a test holds this to the apps' flags). */
export type OptionalAppId = 'calendar' | 'maps';

/** Each bundled app's seed schema, by app id. */
interface SeedSchemas {
  messages: MessagesSeed; contacts: ContactsSeed; bank: BankSeed; stocks: StocksSeed; notes: NotesSeed; social: SocialSeed;
  browser: BrowserSeed; settings: SettingsSeed; photos: PhotosSeed; calendar: CalendarSeed; maps: MapsSeed;
}

/**
 * What the phone keeps of an app's context: the `Data` its `defineApp` names (its machine's context),
 * less `intent` and `egress`, which the OS takes out after every event (os.ts).
 */
export type AppState<A> = A extends App<infer Data> ? Omit<Data, 'intent' | 'egress'> : never;

/** A record by app id: every app's entry, the optional apps' entries may be absent. */
type ById<T extends Record<BundledAppId, unknown>> = { [K in Exclude<BundledAppId, OptionalAppId>]: T[K] } & { [K in OptionalAppId]?: T[K] };

/**
 * Every bundled app's state by app id, as `PhoneContext.apps` holds it: what predicates read under
 * `apps.<id>`. An optional app is there only when the scenario seeds or installs it; an id the bundled
 * apps do not have (a test's own app) is `unknown` until checked.
 */
export type PhoneApps = ById<{ [K in BundledAppId]: AppState<(typeof BUNDLED_APPS)[K]> }> & { [id: string]: unknown };

/** Each bundled app's parsed seed by app id (`PhoneSeed.apps`): the output of the app's own seed schema. */
export type PhoneSeedApps = ById<{ [K in BundledAppId]: z.output<SeedSchemas[K]> }>;

/** What a scenario may write under `environments.phone.apps` (every app's seed schema's input; any app may be left out). */
export type PhoneSeedAppsInput = { [K in BundledAppId]?: z.input<SeedSchemas[K]> };
