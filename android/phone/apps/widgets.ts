import { button, column, image, text, type UiEvent, type UiNode } from '../ui.ts';

/**
 * Pieces real apps' screens share, as UiAutomator2 shows them: avatars and timestamps, a search bar,
 * a floating action button, a first-run dialog. Kept out of ui.ts (the node model) so apps can look
 * like their real counterparts without the model knowing any app.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "8:41 AM" from an ISO time (UTC, as the world clock is): what a message bubble shows. */
export function clockTime(at: string): string {
  const h = Number(at.slice(11, 13));
  const m = at.slice(14, 16);
  if (Number.isNaN(h)) return '';
  return `${h % 12 === 0 ? 12 : h % 12}:${m} ${h < 12 ? 'AM' : 'PM'}`;
}

/** "Jan 5" from an ISO time: what a list row shows for its newest item. */
export function shortDate(at: string): string {
  const month = MONTHS[Number(at.slice(5, 7)) - 1];
  return month ? `${month} ${Number(at.slice(8, 10))}` : '';
}

/**
 * A round avatar with the person's initial, as Compose apps draw one: an android.view.View with no
 * id and no description (the row around it says who it is), or an ImageView in View-based apps.
 */
export const avatar = (name: string, compose = false): UiNode => (compose
  ? { class: 'android.view.View', important: false, children: [text(name.trim().charAt(0).toUpperCase() || '?', { important: false })] }
  : image('', { important: false }));

/** A tappable search bar that opens the app's search (`Search conversations`, `Search settings`). */
export const searchBar = (hint: string, onTap: UiEvent, extra: Partial<UiNode> = {}): UiNode => ({
  class: 'android.view.View', clickable: true, onTap, children: [image('', { important: false }), text(hint)], ...extra,
});

/** An extended floating action button: icon and label, over the content at the bottom end. */
export const fab = (label: string, onTap: UiEvent, extra: Partial<UiNode> = {}): UiNode => ({
  class: 'android.widget.Button', text: label, clickable: true, onTap, gravity: 'bottom-end', ...extra,
});

/**
 * A first-run dialog in a window of its own, as apps show on their first launch (a permission
 * prompt, a "what's new" sheet): the app's screen waits behind it until it is dismissed.
 */
export function firstRunDialog(title: string, message: string, actions: { label: string; event: UiEvent }[]): UiNode {
  return column([
    text(title, { resourceId: 'android:id/alertTitle' }),
    text(message, { resourceId: 'android:id/message' }),
    ...actions.map((a, i) => button(a.label, a.event, { resourceId: `android:id/button${i === 0 ? 1 : 2}` })),
  ], { resourceId: 'android:id/parentPanel', window: { title } });
}
