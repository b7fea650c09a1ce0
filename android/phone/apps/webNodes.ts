import type { UiEvent, UiNode } from '../ui.ts';

/**
 * A web page's elements as Chrome on Android shows them to UiAutomator2 (Chromium's
 * WebContentsAccessibilityImpl, the rules android/emulator/chromeA11y.ts states): the resource-id is
 * the element's HTML `id` as written, without a package, and most elements have none; static text is
 * an android.widget.TextView, a link an android.view.View with its text, a field an
 * android.widget.EditText, a button an android.widget.Button, a block an android.view.View.
 */

/** Only the HTML id, when the page gives one: `resourceId`, so the phone adds no package. */
const html = (id?: string): Partial<UiNode> => (id ? { resourceId: id } : {});

export const para = (value: string, id?: string): UiNode => ({ class: 'android.widget.TextView', text: value, ...html(id) });
export const heading = (value: string, id?: string): UiNode => ({ class: 'android.widget.TextView', text: value, heading: true, ...html(id) });
/** A link: tapping it loads `url`; its address is not shown (a long press would). */
export const link = (value: string, url: string, id?: string): UiNode => ({ class: 'android.view.View', text: value, clickable: true, onTap: { type: 'open', url }, ...html(id) });
export const webButton = (label: string, onTap: UiEvent, id?: string, risk?: UiNode['risk']): UiNode => ({ class: 'android.widget.Button', text: label, clickable: true, onTap, ...html(id), ...(risk ? { risk } : {}) });
/** A form field: `field` is its name; the HTML id is the page's (often the name itself). */
export function webField(field: string, hint: string, opts: { id?: string; password?: boolean; onEnter?: UiEvent } = {}): UiNode {
  return {
    class: 'android.widget.EditText', field, text: '', hint, clickable: true, ...html(opts.id),
    ...(opts.password ? { password: true, inputType: 129 } : {}), ...(opts.onEnter ? { onEnter: opts.onEnter } : {}),
  };
}
/** A block (div, section, li): an android.view.View, usually without an id. */
export const block = (children: UiNode[], id?: string, extra: Partial<UiNode> = {}): UiNode => ({ class: 'android.view.View', children, ...html(id), ...extra });
/** Blocks side by side (a row of fields). */
export const row = (children: UiNode[], id?: string): UiNode => block(children, id, { horizontal: true });
