import { assign, setup } from 'xstate';
import { z } from 'zod';
import { defineApp, type AppEnv, type Intent } from '../app.ts';
import { view } from './settingsView.ts';

export const LockType = z.enum(['none', 'pin', 'password']);
export type LockType = z.output<typeof LockType>;

const Lock = z.strictObject({ type: LockType.default('none'), password: z.string().default('') })
  .superRefine((l, ctx) => {
    if (l.type !== 'none' && l.password === '') ctx.addIssue({ code: 'custom', path: ['password'], message: `a ${l.type} lock needs a password` });
    if (l.type === 'pin' && l.password !== '' && !/^\d{4,}$/.test(l.password)) ctx.addIssue({ code: 'custom', path: ['password'], message: 'a PIN is 4 or more digits' });
  });

export type Toggle = 'wifi' | 'bluetooth' | 'location' | 'notifications';

const Seed = z.strictObject({
  lock: Lock.prefault({}),
  wifi: z.boolean().default(true),
  bluetooth: z.boolean().default(false),
  location: z.boolean().default(true),
  notifications: z.boolean().default(true),
  /** Apps that cannot be uninstalled (their detail screen has no Uninstall button). */
  system_apps: z.array(z.string()).default(['settings']),
  /** Open on the first-run dialog, as Settings does after an update. */
  first_run: z.boolean().default(false),
});
type Seed = z.output<typeof Seed>;
/** The seed schema's type: apps/index.ts derives the phone's typed seed (`PhoneSeed.apps`) from it. */
export type SeedSchema = typeof Seed;

export interface SettingsData extends Seed {
  /** Every change of a setting, in order: a toggle (`wifi`, ...) with its new value, or `lock` with its new type. */
  changes: { setting: string; value: boolean | string; at: string }[];
  /** Apps the user uninstalled, in order. */
  uninstalled: { app: string; at: string }[];
  /** The app whose detail screen is open. */
  app?: { id: string; label: string };
  /** The lock type being set up after the current password was confirmed. */
  new_lock?: LockType;
  /** A line shown on the current screen (wrong password, passwords differ). */
  error?: string;
  /** What the search field holds (the OS reports each edit): the results follow it. */
  typed: Record<string, string>;
  intent?: Intent;
}

type Event = AppEnv & { type: string; setting?: Toggle; lock?: LockType; password?: string; app?: string; label?: string; page?: string };

/** Pages the settings search finds, by the words it matches: the page each result opens. */
export const SEARCHABLE = [
  { title: 'Internet', summary: 'Network & internet', page: 'internet', words: 'internet wi-fi wifi network' },
  { title: 'Bluetooth', summary: 'Connected devices > Connection preferences', page: 'connection_prefs', words: 'bluetooth connection' },
  { title: 'Screen lock', summary: 'Security & privacy > Device unlock', page: 'device_unlock', words: 'screen lock pin password unlock security' },
  { title: 'Location', summary: 'Location', page: 'location', words: 'location gps' },
  { title: 'Notifications', summary: 'Notifications', page: 'notifications', words: 'notifications' },
  { title: 'All apps', summary: 'Apps', page: 'all_apps', words: 'apps uninstall application' },
] as const;

function setLock(ctx: SettingsData, type: LockType, password: string, at: string): Partial<SettingsData> {
  return { lock: { type, password }, new_lock: undefined, error: undefined, changes: [...ctx.changes, { setting: 'lock', value: type, at }] };
}

const toggle = assign(({ context, event }: { context: SettingsData; event: Event }) => ({
  [event.setting!]: !context[event.setting!], changes: [...context.changes, { setting: event.setting!, value: !context[event.setting!], at: event.at }],
}));
const page = (back: string, on: Record<string, unknown> = {}) => ({ on: { back, ...on } });

const machine = setup({
  types: { context: {} as SettingsData, events: {} as Event, input: {} as Seed },
  actions: {
    clearError: assign({ error: undefined }),
    wrongPassword: assign({ error: ({ context }) => (context.lock.type === 'pin' ? 'Wrong PIN' : 'Wrong password') }),
    mismatch: assign({ error: 'The passwords don’t match.' }),
  },
  guards: {
    locked: ({ context }) => context.lock.type !== 'none',
    rightPassword: ({ context, event }) => event.fields.current_password === context.lock.password,
    removable: ({ context }) => context.app !== undefined && !context.system_apps.includes(context.app.id),
    passwordsDiffer: ({ event }) => event.fields.new_password !== event.fields.confirm_password,
    tooShort: ({ context, event }) => (context.new_lock === 'pin' ? !/^\d{4,}$/.test(event.fields.new_password ?? '') : (event.fields.new_password ?? '').length < 4),
  },
}).createMachine({
  id: 'settings',
  context: ({ input }) => ({ ...input, changes: [], uninstalled: [], typed: {} }),
  initial: 'main',
  // Without the screens (shortcut actions, as `adb shell locksettings` and `adb uninstall` do): logged like the screens' changes.
  on: {
    setLock: { actions: assign(({ context, event }) => setLock(context, event.lock!, event.password ?? '', event.at)) },
    uninstallApp: { actions: assign(({ context, event }) => ({ intent: { uninstall: event.app! }, uninstalled: [...context.uninstalled, { app: event.app!, at: event.at }] })) },
    dismissFirstRun: { actions: assign({ first_run: false }) },
    typed: { actions: assign({ typed: ({ event }) => ({ ...event.fields }) }) },
  },
  states: {
    // The real depth: Wi-Fi under Network & internet > Internet, Bluetooth under Connected devices >
    // Connection preferences, the screen lock under Security & privacy > Device unlock.
    main: { on: { open: [
      ...SEARCHABLE.map((p) => ({ guard: ({ event }: { event: Event }) => event.page === p.page, target: p.page })),
      { guard: ({ event }: { event: Event }) => event.page === 'network', target: 'network' },
      { guard: ({ event }: { event: Event }) => event.page === 'connected', target: 'connected' },
      { guard: ({ event }: { event: Event }) => event.page === 'security', target: 'security' },
      { guard: ({ event }: { event: Event }) => event.page === 'apps', target: 'apps' },
    ], search: 'search' } },
    search: { entry: assign({ typed: {} }), ...page('main', { open: SEARCHABLE.map((p) => ({ guard: ({ event }: { event: Event }) => event.page === p.page, target: p.page })) }) },
    network: page('main', { open: { target: 'internet' } }),
    internet: page('network', { toggle: { actions: toggle } }),
    connected: page('main', { open: { target: 'connection_prefs' } }),
    connection_prefs: page('connected', { toggle: { actions: toggle } }),
    location: page('main', { toggle: { actions: toggle } }),
    notifications: page('main', { toggle: { actions: toggle } }),
    security: page('main', { open: { target: 'device_unlock' } }),
    device_unlock: {
      on: {
        back: 'security',
        screenLock: [{ guard: 'locked', target: 'verify' }, { target: 'choose' }],
      },
    },
    // Confirm the current password before the lock can be changed or removed.
    verify: {
      entry: 'clearError',
      on: {
        back: 'device_unlock',
        continue: [{ guard: 'rightPassword', target: 'choose' }, { actions: 'wrongPassword' }],
      },
    },
    choose: {
      on: {
        back: 'device_unlock',
        chooseLock: [
          { guard: ({ event }) => event.lock === 'none', target: 'confirm_remove' },
          { target: 'new_password', actions: assign({ new_lock: ({ event }) => event.lock }) },
        ],
      },
    },
    confirm_remove: {
      on: {
        back: 'choose',
        cancel: 'choose',
        remove: { target: 'device_unlock', actions: assign(({ context, event }) => setLock(context, 'none', '', event.at)) },
      },
    },
    new_password: {
      entry: 'clearError',
      on: {
        back: 'choose',
        savePassword: [
          { guard: 'tooShort', actions: assign(({ context }) => ({ error: context.new_lock === 'pin' ? 'A PIN must be at least 4 digits.' : 'A password must be at least 4 characters.' })) },
          { guard: 'passwordsDiffer', actions: 'mismatch' },
          { target: 'device_unlock', actions: assign(({ context, event }) => setLock(context, context.new_lock!, event.fields.new_password!, event.at)) },
        ],
      },
    },
    apps: page('main', { open: { target: 'all_apps' } }),
    all_apps: {
      on: {
        back: 'apps',
        openApp: { target: 'app_detail', actions: assign({ app: ({ event }) => ({ id: event.app!, label: event.label ?? event.app! }) }) },
      },
    },
    app_detail: {
      on: {
        back: 'all_apps',
        launch: { actions: assign({ intent: ({ context }) => ({ open: context.app!.id }) }) },
        uninstall: { guard: 'removable', target: 'confirm_uninstall' },
      },
    },
    confirm_uninstall: {
      on: {
        back: 'app_detail',
        cancel: 'app_detail',
        confirmUninstall: {
          target: 'all_apps',
          actions: assign(({ context, event }) => ({ intent: { uninstall: context.app!.id }, uninstalled: [...context.uninstalled, { app: context.app!.id, at: event.at }], app: undefined })),
        },
      },
    },
  },
});

/** Settings: toggles, the screen lock (changing or removing it asks for the current password), installed apps and uninstalling. */
export default defineApp<SettingsData>({ id: 'settings', label: 'Settings', package: 'com.android.settings', seed: Seed, machine, view });
