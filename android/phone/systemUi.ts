import type { PhoneContext } from './context.ts';
import { SCREEN } from './layout.ts';
import type { UiNode } from './ui.ts';

/**
 * System UI as a Pixel's SystemUI draws it: the status bar and the three-button navigation bar,
 * each a window of its own (TYPE_SYSTEM), outside the app's tree. Appium's default page source is
 * the active window only, so an agent sees these only in a multi-window dump (enableMultiWindows,
 * `uiautomator dump --windows`). Resource ids, content descriptions and nesting follow SystemUI's
 * (com.android.systemui:id/clock with "9:00 AM", notification_icon_area, wifi_combo, battery...).
 */

export const SYSTEM_UI = 'com.android.systemui';
const W = 'android.widget.';

type Box = [number, number, number, number];
const sys = (cls: string, id: string | undefined, bounds: Box, extra: Partial<UiNode> = {}): UiNode => ({
  class: cls.includes('.') ? cls : `${W}${cls}`, ...(id ? { id } : {}),
  package: SYSTEM_UI, bounds, important: id !== undefined, ...extra,
});

/** "9:00" and "9:00 AM" from the world clock's ISO time (UTC), as a US-English Pixel shows them. */
export function clockText(iso: string): { text: string; desc: string } {
  const h24 = Number(iso.slice(11, 13));
  const mm = iso.slice(14, 16);
  const h = h24 % 12 === 0 ? 12 : h24 % 12;
  return { text: `${h}:${mm}`, desc: `${h}:${mm} ${h24 < 12 ? 'AM' : 'PM'}` };
}

/** The app a notification belongs to, for its status bar icon's description ("Messages notification: Sam"). */
export type AppLabel = (appId: string) => string;

export function statusBar(ctx: PhoneContext, label: AppLabel): UiNode {
  const H = SCREEN.statusBar;
  const clock = clockText(ctx.now);
  const icons = ctx.notifications.slice(0, 4).map((n, i): UiNode =>
    sys('ImageView', undefined, [168 + i * 54, 18, 216 + i * 54, 66], { desc: `${label(n.app)} notification: ${n.title}` }));
  // A test's phone of its own apps may have no Settings: Wi-Fi then shows on, Bluetooth off.
  const settings: { wifi?: boolean; bluetooth?: boolean } = ctx.apps.settings ?? {};
  const right: UiNode[] = [];
  let x = 780;
  if (settings.bluetooth) right.push(sys('ImageView', undefined, [x, 18, (x += 48), 66], { desc: 'Bluetooth on.' }));
  if (settings.wifi !== false) right.push(sys('FrameLayout', 'wifi_combo', [x, 18, (x += 54), 66], { desc: 'Wifi signal full.' }));
  right.push(sys('FrameLayout', 'mobile_combo', [x, 18, (x += 54), 66], { desc: 'Phone signal full.' }));
  const left: UiNode[] = [
    sys('TextView', 'clock', [42, 0, 156, H], { text: clock.text, desc: clock.desc }),
    sys('FrameLayout', 'notification_icon_area', [156, 0, 540, H], {
      children: [sys('FrameLayout', 'notificationIcons', [156, 0, 540, H], { children: icons })],
    }),
  ];
  return sys('FrameLayout', undefined, [0, 0, SCREEN.width, H], {
    children: [sys('FrameLayout', 'status_bar_container', [0, 0, SCREEN.width, H], {
      children: [sys('FrameLayout', 'status_bar', [0, 0, SCREEN.width, H], {
        children: [sys('LinearLayout', 'status_bar_contents', [0, 0, SCREEN.width, H], {
          children: [
            sys('LinearLayout', 'status_bar_left_side', [42, 0, 540, H], { children: left }),
            sys('LinearLayout', 'system_icons', [780, 0, 1038, H], {
              children: [
                sys('LinearLayout', 'statusIcons', [780, 0, x, H], { children: right }),
                sys('LinearLayout', 'battery', [x, 0, 1038, H], { desc: 'Battery 100 percent.' }),
              ],
            }),
          ],
        })],
      })],
    })],
  });
}

/** Three-button navigation: Back and Overview at the ends, Home in the middle, as KeyButtonViews (ImageView). */
export function navigationBar(): UiNode {
  const top = SCREEN.height - SCREEN.navBar;
  const b = (l: number, r: number): Box => [l, top, r, SCREEN.height];
  const key = (id: string, desc: string, l: number, r: number) => sys('ImageView', id, b(l, r), { desc, clickable: true, focusable: true, longClickable: id !== 'back' });
  return sys('FrameLayout', 'navigation_bar_frame', b(0, SCREEN.width), {
    children: [sys('FrameLayout', 'navigation_bar_view', b(0, SCREEN.width), {
      children: [sys('FrameLayout', 'navigation_inflater', b(0, SCREEN.width), {
        children: [sys('FrameLayout', 'horizontal', b(0, SCREEN.width), {
          children: [
            sys('LinearLayout', 'ends_group', b(0, SCREEN.width), { children: [key('back', 'Back', 105, 315), key('recent_apps', 'Overview', 765, 975)] }),
            sys('LinearLayout', 'center_group', b(0, SCREEN.width), { children: [key('home', 'Home', 435, 645)] }),
          ],
        })],
      })],
    })],
  });
}
