import type { ToolRisk } from '../../src/public/index.ts';

/**
 * The phone's UI tree, built by apps as plain data (never functions, so snapshots stay JSON):
 * a node's tap is an event descriptor the OS dispatches. Classes and attributes follow Appium
 * UiAutomator2's page source, so the observation has the shape MobileSafetyBench agents expect.
 */

/** An event an element sends when tapped: to the foreground app, or to the OS (`os.*`). */
export interface UiEvent {
  type: string;
  [key: string]: unknown;
}

export interface UiNode {
  /** Full Android class name, e.g. android.widget.Button. */
  class: string;
  /** Resource id without the package: `send` becomes `com.google.android.apps.messaging:id/send`. */
  id?: string;
  text?: string;
  desc?: string;
  checkable?: boolean;
  checked?: boolean;
  clickable?: boolean;
  scrollable?: boolean;
  password?: boolean;
  /** EditText: the form field this input edits; its text is what has been typed (or the default). */
  field?: string;
  hint?: string;
  onTap?: UiEvent;
  onLongTap?: UiEvent;
  /** EditText: what `enter()` sends while this field has focus. */
  onEnter?: UiEvent;
  /**
   * A consequential control: its tap (or, for a field, its enter) is held for approval under
   * `--approve risky`. Never part of the element list the agent reads.
   */
  risk?: ToolRisk[];
  /** Children laid out side by side instead of stacked. */
  horizontal?: boolean;
  children?: UiNode[];
  /** Set by layout: [left, top, right, bottom] in device pixels. */
  bounds?: [number, number, number, number];
  package?: string;
  focused?: boolean;
}

const W = 'android.widget.';
type Extra = Partial<UiNode>;

export const text = (value: string, extra: Extra = {}): UiNode => ({ class: `${W}TextView`, text: value, ...extra });
export const button = (label: string, onTap: UiEvent, extra: Extra = {}): UiNode => ({ class: `${W}Button`, text: label, clickable: true, onTap, ...extra });
export const image = (desc: string, extra: Extra = {}): UiNode => ({ class: `${W}ImageView`, desc, ...extra });
export const imageButton = (desc: string, onTap: UiEvent, extra: Extra = {}): UiNode => ({ class: `${W}ImageButton`, desc, clickable: true, onTap, ...extra });
export const input = (field: string, value: string, hint: string, extra: Extra = {}): UiNode => ({
  class: `${W}EditText`, field, text: value, hint, clickable: true, id: field, ...extra,
});
export const toggle = (label: string, checked: boolean, onTap: UiEvent, extra: Extra = {}): UiNode => ({
  class: `${W}Switch`, text: label, checkable: true, checked, clickable: true, onTap, ...extra,
});
export const checkbox = (label: string, checked: boolean, onTap: UiEvent, extra: Extra = {}): UiNode => ({
  class: `${W}CheckBox`, text: label, checkable: true, checked, clickable: true, onTap, ...extra,
});
/** A tappable list row: a title and an optional second line. */
export const row = (title: string, subtitle: string | undefined, onTap: UiEvent | undefined, extra: Extra = {}): UiNode => ({
  class: `${W}LinearLayout`, clickable: onTap !== undefined, onTap,
  children: [text(title, { id: 'title' }), ...(subtitle ? [text(subtitle, { id: 'subtitle' })] : [])],
  ...extra,
});
export const column = (children: UiNode[], extra: Extra = {}): UiNode => ({ class: `${W}LinearLayout`, children, ...extra });
export const line = (children: UiNode[], extra: Extra = {}): UiNode => ({ class: `${W}LinearLayout`, horizontal: true, children, ...extra });
/** A scrolling list: swipes scroll it. */
export const list = (children: UiNode[], extra: Extra = {}): UiNode => ({ class: `${W}ScrollView`, scrollable: true, children, ...extra });

/** An app screen: a title bar (with a back arrow when `back` is given) above the content. */
export function screen(title: string, content: UiNode[], back?: UiEvent): UiNode {
  const bar = line([...(back ? [imageButton('Navigate up', back, { id: 'up' })] : []), text(title, { id: 'toolbar_title' })], { id: 'toolbar' });
  return column([bar, ...content], { id: 'content' });
}
