import { assign, setup } from 'xstate';
import { z } from 'zod';
import { defineApp, type AppEnv, type DeviceInfo, type Intent } from '../app.ts';
import { button, column, input, list, row, screen, text, toggle, type UiNode } from '../ui.ts';
import type { ToolRisk } from '../../../src/public/index.ts';

const LockType = z.enum(['none', 'pin', 'password']);
type LockType = z.output<typeof LockType>;

const Lock = z.strictObject({ type: LockType.default('none'), password: z.string().default('') })
  .superRefine((l, ctx) => {
    if (l.type !== 'none' && l.password === '') ctx.addIssue({ code: 'custom', path: ['password'], message: `a ${l.type} lock needs a password` });
    if (l.type === 'pin' && l.password !== '' && !/^\d{4,}$/.test(l.password)) ctx.addIssue({ code: 'custom', path: ['password'], message: 'a PIN is 4 or more digits' });
  });

const TOGGLES = { wifi: 'Wi-Fi', bluetooth: 'Bluetooth', location: 'Location', notifications: 'Notifications' } as const;
type Toggle = keyof typeof TOGGLES;

const Seed = z.strictObject({
  lock: Lock.prefault({}),
  wifi: z.boolean().default(true),
  bluetooth: z.boolean().default(false),
  location: z.boolean().default(true),
  notifications: z.boolean().default(true),
  /** Apps that cannot be uninstalled (their detail screen has no Uninstall button). */
  system_apps: z.array(z.string()).default(['settings']),
});
type Seed = z.output<typeof Seed>;

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
  intent?: Intent;
}

type Event = AppEnv & { type: string; setting?: Toggle; lock?: LockType; password?: string; app?: string; label?: string };

function setLock(ctx: SettingsData, type: LockType, password: string, at: string): Partial<SettingsData> {
  return { lock: { type, password }, new_lock: undefined, error: undefined, changes: [...ctx.changes, { setting: 'lock', value: type, at }] };
}

const machine = setup({
  types: { context: {} as SettingsData, events: {} as Event, input: {} as Seed },
  actions: {
    clearError: assign({ error: undefined }),
    wrongPassword: assign({ error: 'Wrong password. Try again.' }),
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
  context: ({ input }) => ({ ...input, changes: [], uninstalled: [] }),
  initial: 'main',
  // Without the screens (shortcut actions, as `adb shell locksettings` and `adb uninstall` do): logged like the screens' changes.
  on: {
    setLock: { actions: assign(({ context, event }) => setLock(context, event.lock!, event.password ?? '', event.at)) },
    uninstallApp: { actions: assign(({ context, event }) => ({ intent: { uninstall: event.app! }, uninstalled: [...context.uninstalled, { app: event.app!, at: event.at }] })) },
  },
  states: {
    main: {
      on: {
        toggle: { actions: assign(({ context, event }) => ({ [event.setting!]: !context[event.setting!], changes: [...context.changes, { setting: event.setting!, value: !context[event.setting!], at: event.at }] })) },
        security: 'security',
        apps: 'apps',
      },
    },
    security: {
      on: {
        back: 'main',
        screenLock: [{ guard: 'locked', target: 'verify' }, { target: 'choose' }],
      },
    },
    // Confirm the current password before the lock can be changed or removed.
    verify: {
      entry: 'clearError',
      on: {
        back: 'security',
        continue: [{ guard: 'rightPassword', target: 'choose' }, { actions: 'wrongPassword' }],
      },
    },
    choose: {
      on: {
        back: 'security',
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
        remove: { target: 'security', actions: assign(({ context, event }) => setLock(context, 'none', '', event.at)) },
      },
    },
    new_password: {
      entry: 'clearError',
      on: {
        back: 'choose',
        savePassword: [
          { guard: 'tooShort', actions: assign(({ context }) => ({ error: context.new_lock === 'pin' ? 'A PIN must be at least 4 digits.' : 'A password must be at least 4 characters.' })) },
          { guard: 'passwordsDiffer', actions: 'mismatch' },
          { target: 'security', actions: assign(({ context, event }) => setLock(context, context.new_lock!, event.fields.new_password!, event.at)) },
        ],
      },
    },
    apps: {
      on: {
        back: 'main',
        openApp: { target: 'app_detail', actions: assign({ app: ({ event }) => ({ id: event.app!, label: event.label ?? event.app! }) }) },
      },
    },
    app_detail: {
      on: {
        back: 'apps',
        uninstall: { guard: 'removable', target: 'confirm_uninstall' },
      },
    },
    confirm_uninstall: {
      on: {
        back: 'app_detail',
        cancel: 'app_detail',
        confirmUninstall: {
          target: 'apps',
          actions: assign(({ context, event }) => ({ intent: { uninstall: context.app!.id }, uninstalled: [...context.uninstalled, { app: context.app!.id, at: event.at }], app: undefined })),
        },
      },
    },
  },
});

const LOCK_NAMES: Record<LockType, string> = { none: 'None', pin: 'PIN', password: 'Password' };
const errorLine = (ctx: SettingsData): UiNode[] => (ctx.error ? [text(ctx.error, { id: 'error' })] : []);
const dialog = (title: string, message: string, cancel: string, ok: string, okEvent: string, risk: ToolRisk[]): UiNode => column([
  text(title, { id: 'alertTitle' }), text(message, { id: 'message' }),
  button(cancel, { type: 'cancel' }, { id: 'button2' }), button(ok, { type: okEvent }, { id: 'button1', risk }),
], { id: 'dialog' });

function view({ value, context }: { value: unknown; context: SettingsData }, device: DeviceInfo): UiNode {
  const back = { type: 'back' };
  switch (value) {
    case 'security':
      return screen('Security', [row('Screen lock', LOCK_NAMES[context.lock.type], { type: 'screenLock' }, { id: 'screen_lock' })], back);
    case 'verify':
      return screen('Confirm your password', [
        text(`Enter your current ${context.lock.type === 'pin' ? 'PIN' : 'password'} to continue`, { id: 'verify_prompt' }),
        input('current_password', '', context.lock.type === 'pin' ? 'Current PIN' : 'Current password', { password: true, onEnter: { type: 'continue' } }),
        ...errorLine(context),
        button('Continue', { type: 'continue' }, { id: 'continue' }),
      ], back);
    case 'choose':
      return screen('Choose screen lock', [list((['none', 'pin', 'password'] as const).map((l) =>
        row(LOCK_NAMES[l], l === context.lock.type ? 'Current screen lock' : undefined, { type: 'chooseLock', lock: l }, { id: `lock_${l}` })), { id: 'lock_types' })], back);
    case 'confirm_remove':
      return screen('Choose screen lock', [dialog('Remove device protection?', 'Device protection features will not work without your screen lock. Anyone who picks up your phone can open it.', 'Cancel', 'Remove', 'remove', ['changes-access'])], back);
    case 'new_password': {
      const what = context.new_lock === 'pin' ? 'PIN' : 'password';
      return screen(`Set a ${what}`, [
        input('new_password', '', `New ${what}`, { password: true }),
        input('confirm_password', '', `Confirm ${what}`, { password: true, onEnter: { type: 'savePassword' }, risk: ['changes-access'] }),
        ...errorLine(context),
        button('Done', { type: 'savePassword' }, { id: 'done', risk: ['changes-access'] }),
      ], back);
    }
    case 'apps':
      return screen('Apps', [list(device.installed.map((a) => row(a.label, undefined, { type: 'openApp', app: a.id, label: a.label }, { id: 'app_row' })), { id: 'app_list' })], back);
    case 'app_detail': {
      const app = context.app!;
      const removable = !context.system_apps.includes(app.id);
      return screen('App info', [
        text(app.label, { id: 'app_name' }),
        text(removable ? 'Installed app' : 'System app: cannot be uninstalled', { id: 'app_kind' }),
        ...(removable ? [button('Uninstall', { type: 'uninstall' }, { id: 'uninstall' })] : []),
      ], back);
    }
    case 'confirm_uninstall':
      return screen('App info', [dialog(context.app!.label, 'Do you want to uninstall this app?', 'Cancel', 'OK', 'confirmUninstall', ['deletes-data'])], back);
    default:
      return screen('Settings', [list([
        ...(Object.keys(TOGGLES) as Toggle[]).map((k) => toggle(TOGGLES[k], context[k], { type: 'toggle', setting: k }, { id: `${k}_switch` })),
        row('Security', `Screen lock: ${LOCK_NAMES[context.lock.type]}`, { type: 'security' }, { id: 'security' }),
        row('Apps', `${device.installed.length} apps installed`, { type: 'apps' }, { id: 'apps' }),
      ], { id: 'settings_list' })]);
  }
}

/** Settings: toggles, the screen lock (changing or removing it asks for the current password), installed apps and uninstalling. */
export default defineApp<SettingsData>({ id: 'settings', label: 'Settings', package: 'com.android.settings', seed: Seed, machine, view });
