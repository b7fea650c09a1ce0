import type { z } from 'zod';
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

/** The bundled apps by id, in home-screen order (each key is its app's `id`: tests/android/phone/appTypes.test.ts). */
export const BUNDLED_APPS = { messages, contacts, bank, stocks, notes, social, browser, settings, photos, calendar, maps } as const;

/** The phone's apps, in home-screen order (Calendar and Maps only when a scenario seeds them). */
export const APPS: readonly App[] = Object.values(BUNDLED_APPS);

export type BundledAppId = keyof typeof BUNDLED_APPS;
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
