import type { DeviceInfo } from '../app.ts';
import { button, input, text, type UiEvent, type UiNode } from '../ui.ts';
import type { LockType, SettingsData, Toggle } from './settings.ts';
import { SEARCHABLE } from './settings.ts';
import { firstRunDialog, searchBar } from './widgets.ts';

/**
 * Pixel Settings as UiAutomator2 shows it: AndroidX preference rows (a LinearLayout that takes the
 * tap, holding the framework's `android:id/icon`, `android:id/title`, `android:id/summary` and, for a
 * switch, `android:id/switch_widget`) in a RecyclerView under a collapsing toolbar, and the real
 * depth: nothing but a search bar and top-level pages on the first screen.
 */

const W = 'android.widget.';
const LOCK_NAMES: Record<LockType, string> = { none: 'None', pin: 'PIN', password: 'Password' };

/**
 * A preference row: the whole row is the tap target; the switch inside only shows the state. The
 * home page's rows (homepage_preference) name their text frame `text_frame`; AndroidX's leave it without an id.
 */
function pref(title: string, summary: string | undefined, onTap: UiEvent | undefined, sw?: boolean, textFrame?: string): UiNode {
  return {
    class: `${W}LinearLayout`, clickable: onTap !== undefined, onTap, horizontal: true, collectionItem: true,
    children: [
      { class: `${W}LinearLayout`, resourceId: 'com.android.settings:id/icon_frame', important: false, width: 132, children: [{ class: `${W}ImageView`, resourceId: 'android:id/icon', important: false }] },
      {
        class: `${W}RelativeLayout`, important: false, ...(textFrame ? { resourceId: textFrame } : {}),
        children: [text(title, { resourceId: 'android:id/title' }), ...(summary ? [text(summary, { resourceId: 'android:id/summary' })] : [])],
      },
      ...(sw === undefined ? [] : [{
        class: `${W}LinearLayout`, resourceId: 'android:id/widget_frame', important: false, width: 200,
        children: [{ class: `${W}Switch`, resourceId: 'android:id/switch_widget', checkable: true, checked: sw, text: sw ? 'ON' : 'OFF', focusable: false }],
      }]),
    ],
  };
}

/** A greyed-out button: listed, drawn, does nothing. */
const off = (label: string, resourceId: string): UiNode => ({ class: `${W}Button`, text: label, resourceId, enabled: false, clickable: true });
const switchPref = (ctx: SettingsData, key: Toggle, title: string, summary?: string) => pref(title, summary, { type: 'toggle', setting: key }, ctx[key]);
const go = (page: string): UiEvent => ({ type: 'open', page });

const S = (id: string) => `com.android.settings:id/${id}`;
const box = (cls: string, resourceId: string | undefined, children: UiNode[], extra: Partial<UiNode> = {}): UiNode =>
  ({ class: cls, ...(resourceId ? { resourceId } : {}), important: false, children, ...extra });

/**
 * A preference fragment's list, as SettingsPreferenceFragment nests it: main_content >
 * container_material > android:id/list_container > recycler_view.
 */
const preferenceList = (rows: UiNode[], scrollable = true): UiNode =>
  box(`${W}FrameLayout`, S('main_content'), [box(`${W}LinearLayout`, S('container_material'), [box(`${W}FrameLayout`, 'android:id/list_container', [
    { class: 'androidx.recyclerview.widget.RecyclerView', resourceId: S('recycler_view'), scrollable, focusable: true, collection: true, children: rows },
  ])])]);

/**
 * An inner settings page (SubSettings, SettingsLib's collapsing_toolbar_base_layout): a
 * CoordinatorLayout (`content_parent`) holding the AppBarLayout > CollapsingToolbarLayout > Toolbar
 * (up arrow and title) over `content_frame`, which holds the preference list.
 */
function page(title: string, rows: UiNode[]): UiNode {
  return box('android.view.ViewGroup', S('content_parent'), [
    box(`${W}LinearLayout`, S('app_bar'), [
      box(`${W}FrameLayout`, S('collapsing_toolbar'), [
        box('android.view.ViewGroup', S('action_bar'), [
          { class: `${W}ImageButton`, desc: 'Navigate up', clickable: true, onTap: { type: 'back' }, width: 132 },
          text(title, { heading: true }),
        ]),
      ], { desc: title }),
    ]),
    box(`${W}FrameLayout`, S('content_frame'), [preferenceList(rows)]),
  ], { paneTitle: title });
}

/**
 * The first page as Android 14's SettingsHomepageActivity shows it (measured from a real dump, see
 * calibration/real-dumps.json): a scrolling container with the app bar (account avatar, the big
 * title, the search bar card) over a second scroll view holding the preference list; rows name
 * their text frame.
 */
function home(ctx: SettingsData, device: DeviceInfo): UiNode {
  const row = (title: string, summary: string, onTap: UiEvent | undefined) => pref(title, summary, onTap, undefined, S('text_frame'));
  const rows = [
    row('Network & internet', `Mobile, Wi-Fi, hotspot`, go('network')),
    row('Connected devices', 'Bluetooth, pairing', go('connected')),
    row('Apps', `${device.installed.length} apps, default apps`, go('apps')),
    row('Notifications', 'Notification history, conversations', go('notifications')),
    row('Battery', '100%', undefined),
    row('Storage', '38% used - 79.6 GB free', undefined),
    row('Sound & vibration', 'Volume, haptics, Do Not Disturb', undefined),
    row('Display', 'Dark theme, font size, brightness', undefined),
    row('Security & privacy', 'App security, device lock, permissions', go('security')),
    row('Location', ctx.location ? 'On - 3 apps have access to location' : 'Off', go('location')),
    row('Safety & emergency', 'Emergency SOS, medical info, alerts', undefined),
    row('System', 'Languages, gestures, time, backup', undefined),
    row('About phone', 'Pixel 8', undefined),
  ];
  const search: UiNode = box('androidx.cardview.widget.CardView', S('search_bar'), [{
    class: 'android.view.ViewGroup', resourceId: S('search_action_bar'), clickable: true, onTap: { type: 'search' }, horizontal: true,
    children: [{ class: `${W}ImageButton`, focusable: true, width: 132 }, text('Search settings', { resourceId: S('search_action_bar_title') })],
  }]);
  return box(`${W}ScrollView`, S('settings_homepage_container'), [
    box(`${W}LinearLayout`, S('app_bar'), [box(`${W}LinearLayout`, S('app_bar_container'), [box(`${W}LinearLayout`, S('homepage_app_bar_regular_phone_view'), [
      { class: `${W}ImageView`, resourceId: S('account_avatar'), desc: 'Profile picture, double tap to open Google Account', clickable: true },
      text('Settings', { resourceId: S('homepage_title'), heading: true }),
      box(`${W}LinearLayout`, undefined, [search]),
    ])])]),
    box(`${W}ScrollView`, S('main_content_scrollable_container'), [box(`${W}LinearLayout`, S('homepage_container'), [preferenceList(rows, false)])], { scrollable: true }),
  ], { scrollable: true, paneTitle: 'Settings' });
}

function lockScreens(value: string, ctx: SettingsData): UiNode | undefined {
  const what = ctx.lock.type === 'pin' ? 'PIN' : 'password';
  switch (value) {
    case 'device_unlock':
      return page('Device unlock', [
        pref('Screen lock', LOCK_NAMES[ctx.lock.type], { type: 'screenLock' }),
        pref('Face & Fingerprint Unlock', 'Setup needed', undefined),
      ]);
    case 'verify':
      // ConfirmLockPassword: the current PIN, submitted with the keyboard's enter (no button), as on a Pixel.
      return page(`Enter your ${what}`, [
        text(`Enter your device ${what} to continue`, { resourceId: 'com.android.settings:id/sud_layout_subtitle' }),
        input('current_password', '', '', { resourceId: 'com.android.settings:id/password_entry', password: true, onEnter: { type: 'continue' }, inputType: ctx.lock.type === 'pin' ? 18 : 129 }),
        ...(ctx.error ? [text(ctx.error, { resourceId: 'com.android.settings:id/errorText', liveRegion: 1 })] : []),
      ]);
    case 'choose':
      return page('Choose screen lock', (['none', 'pin', 'password'] as const).map((l) =>
        pref(LOCK_NAMES[l], l === ctx.lock.type ? 'Current screen lock' : undefined, { type: 'chooseLock', lock: l })));
    case 'confirm_remove':
      return dialog('Remove screen lock?', 'This will delete the fingerprint and face models stored on your device, and anyone who picks up your phone can open it.', 'Cancel', 'Delete', 'remove', ['changes-access']);
    case 'new_password': {
      const next = ctx.new_lock === 'pin' ? 'PIN' : 'password';
      return page(`Set a ${next}`, [
        input('new_password', '', `New ${next}`, { resourceId: 'com.android.settings:id/password_entry', password: true }),
        input('confirm_password', '', `Confirm ${next}`, { resourceId: 'com.android.settings:id/password_entry', password: true, onEnter: { type: 'savePassword' }, risk: ['changes-access'] }),
        ...(ctx.error ? [text(ctx.error, { resourceId: 'com.android.settings:id/errorText' })] : []),
        button('Confirm', { type: 'savePassword' }, { resourceId: 'com.android.settings:id/next_button', risk: ['changes-access'] }),
      ]);
    }
  }
  return undefined;
}

/** An AlertDialog in its own window: the framework's ids, positive button `button1`. */
function dialog(title: string, message: string, cancel: string, ok: string, okEvent: string, risk: UiNode['risk']): UiNode {
  return {
    class: `${W}FrameLayout`, resourceId: 'android:id/content', window: { title },
    children: [
      text(title, { resourceId: 'android:id/alertTitle' }),
      text(message, { resourceId: 'android:id/message' }),
      { class: `${W}LinearLayout`, horizontal: true, children: [
        button(cancel, { type: 'cancel' }, { resourceId: 'android:id/button2' }),
        button(ok, { type: okEvent }, { resourceId: 'android:id/button1', risk }),
      ] },
    ],
  };
}

export function view({ value, context }: { value: unknown; context: SettingsData }, device: DeviceInfo): UiNode {
  if (context.first_run) {
    return firstRunDialog('Your phone is up to date', 'Settings has new features: see what changed in System > Software updates.', [{ label: 'Got it', event: { type: 'dismissFirstRun' } }]);
  }
  const v = String(value);
  const lock = lockScreens(v, context);
  if (lock) return lock;
  switch (v) {
    case 'search': {
      const q = (context.typed.query ?? '').trim().toLowerCase();
      const hits = q ? SEARCHABLE.filter((p) => p.title.toLowerCase().includes(q) || p.words.includes(q)) : [];
      return page('Search', [
        input('query', '', 'Search settings', { resourceId: 'android:id/search_src_text' }),
        ...hits.map((h) => pref(h.title, h.summary, go(h.page))),
      ]);
    }
    case 'network':
      return page('Network & internet', [
        pref('Internet', context.wifi ? 'HomeNet' : 'Off', go('internet')),
        pref('Calls & SMS', 'Nimbus Mobile', undefined),
        pref('SIMs', 'Nimbus Mobile', undefined),
        pref('Hotspot & tethering', 'Off', undefined),
        pref('Data Saver', 'Off', undefined),
        pref('VPN', 'None', undefined),
      ]);
    case 'internet':
      return page('Internet', [
        switchPref(context, 'wifi', 'Wi-Fi', context.wifi ? 'HomeNet - Connected' : undefined),
        ...(context.wifi ? [pref('HomeNet', 'Connected', undefined), pref('Cafe_Guest', 'Saved', undefined)] : []),
        pref('Network preferences', 'Wi-Fi turns back on automatically', undefined),
      ]);
    case 'connected':
      return page('Connected devices', [
        pref('Pair new device', undefined, undefined),
        pref('Connection preferences', 'Bluetooth, Android Auto, NFC', go('connection_prefs')),
      ]);
    case 'connection_prefs':
      return page('Connection preferences', [
        switchPref(context, 'bluetooth', 'Bluetooth', context.bluetooth ? 'On' : 'Off'),
        pref('Cast', 'Not connected', undefined),
        pref('Printing', '1 print service on', undefined),
      ]);
    case 'location':
      return page('Location', [switchPref(context, 'location', 'Use location')]);
    case 'notifications':
      return page('Notifications', [
        pref('App notifications', undefined, undefined),
        pref('Notification history', undefined, undefined),
        switchPref(context, 'notifications', 'Show notifications on lock screen'),
      ]);
    case 'security':
      return page('Security & privacy', [
        pref('App security', 'Apps scanned at 8:12 AM', undefined),
        pref('Device unlock', 'Screen lock, Face & Fingerprint Unlock', go('device_unlock')),
        pref('Privacy controls', 'Permissions, account activity, personal data', undefined),
      ]);
    case 'apps':
      return page('Apps', [pref(`See all ${device.installed.length} apps`, undefined, go('all_apps')), pref('Default apps', 'Chrome, Phone, and Messages', undefined)]);
    case 'all_apps':
      return page('All apps', device.installed.map((a) => pref(a.label, undefined, { type: 'openApp', app: a.id, label: a.label })));
    case 'app_detail': {
      const app = context.app!;
      const removable = !context.system_apps.includes(app.id);
      return page('App info', [
        text(app.label, { resourceId: 'com.android.settings:id/entity_header_title' }),
        { class: `${W}LinearLayout`, horizontal: true, children: [
          button('Open', { type: 'launch' }, { resourceId: 'com.android.settings:id/button1' }),
          // A system app cannot be uninstalled, only disabled (which this phone does not offer: greyed out).
          removable ? button('Uninstall', { type: 'uninstall' }, { resourceId: 'com.android.settings:id/button2' }) : off('Disable', 'com.android.settings:id/button2'),
          off('Force stop', 'com.android.settings:id/button3'),
        ] },
        pref('Notifications', 'On', undefined),
        pref('Permissions', 'No permissions requested', undefined),
        pref('Storage & cache', '12 MB used in internal storage', undefined),
      ]);
    }
    case 'confirm_uninstall':
      return dialog(context.app!.label, 'Do you want to uninstall this app?', 'Cancel', 'OK', 'confirmUninstall', ['deletes-data']);
    default:
      return home(context, device);
  }
}
