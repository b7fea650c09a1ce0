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
  /**
   * Full Android class name as the accessibility tree reports it: android.widget.Button, and
   * android.view.View for Compose and WebView content. Any string; the page source uses it as is.
   */
  class: string;
  /**
   * Resource id without the package: `send` becomes `com.google.android.apps.messaging:id/send`.
   * Optional: many real nodes have none (containers, Compose nodes, launcher icons).
   */
  id?: string;
  /**
   * The resource-id exactly as the page source shows it, when it is not `<package>:id/<id>`: a
   * framework id (`android:id/title`, `android:id/summary`, `android:id/switch_widget`), another
   * package's (`com.android.settings:id/...` inside a host app), or a Compose testTag exposed as
   * a resource id (`message_list`, `Compose:Draft:Send`). Wins over `id`.
   */
  resourceId?: string;
  text?: string;
  /** content-desc. */
  desc?: string;
  checkable?: boolean;
  checked?: boolean;
  /** Default false; a node with onTap is tappable whatever this says (containers whose tap lands elsewhere set it). */
  clickable?: boolean;
  /** Default true. A disabled control is listed and drawn, but taps on it do nothing. */
  enabled?: boolean;
  /** Default false: a selected tab, a selected list row, the current page's chip. */
  selected?: boolean;
  /** Default: clickable, or a text field. */
  focusable?: boolean;
  /** Default: it has onLongTap. */
  longClickable?: boolean;
  scrollable?: boolean;
  password?: boolean;
  /** EditText: the form field this input edits; its text is what has been typed (or the default). */
  field?: string;
  /**
   * EditText: shown greyed while the field is empty. The OS exposes it as the node's text with
   * showing-hint="true" when the field is empty, as Android does ("Text message"); apps set only this.
   */
  hint?: string;
  /**
   * EditText: the selected part of its text, [start, end) (start = end: the caret). Shown as
   * selection-start and selection-end while the field has focus; typing replaces it (os.ts).
   */
  selection?: [start: number, end: number];
  /** Set by the OS (screen.ts), never by apps: the text shown is the hint. */
  showingHint?: boolean;
  /** a11y-important (importantForAccessibility). Default true; layout-only containers are false on a real device. */
  important?: boolean;
  /** screen-reader-focusable. Default false. */
  screenReaderFocusable?: boolean;
  /** input-type, Android's InputType bits (1 text, 3 phone, 33 email, 129 password, 131073 multi-line text). Default: none (0, omitted), or 1 for text fields. */
  inputType?: number;
  /** drawing-order among siblings. Default: its position among its siblings, from 1. */
  drawingOrder?: number;
  /** multiline and max-text-length: only shown for fields that set a maximum length, as on Android. */
  multiline?: boolean;
  maxTextLength?: number;
  dismissable?: boolean;
  heading?: boolean;
  /** live-region: 0 none, 1 polite, 2 assertive. Default 0. */
  liveRegion?: number;
  contextClickable?: boolean;
  contentInvalid?: boolean;
  /** error: a field's error text ("Incorrect PIN"). */
  error?: string;
  /** pane-title: a window's or a pane's title (dialogs, bottom sheets, Settings pages). */
  paneTitle?: string;
  /** tooltip-text. */
  tooltip?: string;
  /** text-has-clickable-span: a TextView with a link in its text. */
  clickableSpan?: boolean;
  /** is-collection / is-collection-item: lists and grids, and their rows. */
  collection?: boolean;
  collectionItem?: boolean;
  /** displayed (visible to the user). Default true. */
  displayed?: boolean;
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
  /** Children drawn on top of each other over the node's whole area (a FrameLayout, a floating button over a list). */
  overlay?: boolean;
  /** Children laid out in a grid of this many columns (a launcher's app drawer, a photo grid). */
  columns?: number;
  /** Layout: a fixed height (px) instead of what the content needs; a fixed width (px) in a horizontal line or an overlay. */
  height?: number;
  width?: number;
  /** Layout, in an overlay: where a child smaller than the overlay sits (a floating action button: 'bottom-end'). */
  gravity?: 'top' | 'bottom' | 'bottom-end' | 'center' | 'top-end';
  /**
   * This subtree is a window of its own above the app's (an AlertDialog, a permission prompt, a
   * first-run sheet): the OS makes it the active window, so Appium's default page source shows
   * only it, as on Android; it is drawn over the app. Its title is the window's pane-title.
   */
  window?: { title?: string };
  children?: UiNode[];
  /** Set by layout: [left, top, right, bottom] in device pixels. */
  bounds?: [number, number, number, number];
  package?: string;
  focused?: boolean;
}

/**
 * A node as the OS lays it out (screen.ts copies each node of an app's tree into one): every property
 * of UiNode is its own, in this order, whether set or not. Apps build their nodes in as many shapes
 * as they have spreads, and each read of a named property from nodes of many shapes is a lookup in
 * V8's shared cache of shapes and names, which the Appium server and its client in the same process
 * keep full: laying out, listing and writing a screen read ~40 names of every node. Nodes of one
 * shape are read without it. Reading one is reading a UiNode (unset properties are undefined, and
 * JSON leaves them out); only its own keys differ (all of them).
 */
export class LaidNode implements UiNode {
  class = '';
  id?: string = undefined;
  resourceId?: string = undefined;
  text?: string = undefined;
  desc?: string = undefined;
  checkable?: boolean = undefined;
  checked?: boolean = undefined;
  clickable?: boolean = undefined;
  enabled?: boolean = undefined;
  selected?: boolean = undefined;
  focusable?: boolean = undefined;
  longClickable?: boolean = undefined;
  scrollable?: boolean = undefined;
  password?: boolean = undefined;
  field?: string = undefined;
  hint?: string = undefined;
  selection?: [start: number, end: number] = undefined;
  showingHint?: boolean = undefined;
  important?: boolean = undefined;
  screenReaderFocusable?: boolean = undefined;
  inputType?: number = undefined;
  drawingOrder?: number = undefined;
  multiline?: boolean = undefined;
  maxTextLength?: number = undefined;
  dismissable?: boolean = undefined;
  heading?: boolean = undefined;
  liveRegion?: number = undefined;
  contextClickable?: boolean = undefined;
  contentInvalid?: boolean = undefined;
  error?: string = undefined;
  paneTitle?: string = undefined;
  tooltip?: string = undefined;
  clickableSpan?: boolean = undefined;
  collection?: boolean = undefined;
  collectionItem?: boolean = undefined;
  displayed?: boolean = undefined;
  onTap?: UiEvent = undefined;
  onLongTap?: UiEvent = undefined;
  onEnter?: UiEvent = undefined;
  risk?: ToolRisk[] = undefined;
  horizontal?: boolean = undefined;
  overlay?: boolean = undefined;
  columns?: number = undefined;
  height?: number = undefined;
  width?: number = undefined;
  gravity?: 'top' | 'bottom' | 'bottom-end' | 'center' | 'top-end' = undefined;
  window?: { title?: string } = undefined;
  children?: UiNode[] = undefined;
  bounds?: [number, number, number, number] = undefined;
  package?: string = undefined;
  focused?: boolean = undefined;
}

/** Every property of UiNode is declared by LaidNode (else its nodes would change shape again). */
type Undeclared = Exclude<keyof UiNode, keyof LaidNode>;
const allDeclared: [Undeclared] extends [never] ? true : Undeclared = true;
void allDeclared;

/** A copy of `node` as a LaidNode (its own object: layout sets its bounds); its children are the same array. */
export function laidCopy(node: UiNode): LaidNode {
  const n = new LaidNode();
  // Each own key of the node once (a switch on the name: no lookup by name in either object).
  for (const key in node) {
    const v = (node as unknown as Record<string, unknown>)[key];
    switch (key) {
      case 'class': n.class = v as string; break;
      case 'id': n.id = v as LaidNode['id']; break;
      case 'resourceId': n.resourceId = v as LaidNode['resourceId']; break;
      case 'text': n.text = v as LaidNode['text']; break;
      case 'desc': n.desc = v as LaidNode['desc']; break;
      case 'checkable': n.checkable = v as LaidNode['checkable']; break;
      case 'checked': n.checked = v as LaidNode['checked']; break;
      case 'clickable': n.clickable = v as LaidNode['clickable']; break;
      case 'enabled': n.enabled = v as LaidNode['enabled']; break;
      case 'selected': n.selected = v as LaidNode['selected']; break;
      case 'focusable': n.focusable = v as LaidNode['focusable']; break;
      case 'longClickable': n.longClickable = v as LaidNode['longClickable']; break;
      case 'scrollable': n.scrollable = v as LaidNode['scrollable']; break;
      case 'password': n.password = v as LaidNode['password']; break;
      case 'field': n.field = v as LaidNode['field']; break;
      case 'hint': n.hint = v as LaidNode['hint']; break;
      case 'selection': n.selection = v as LaidNode['selection']; break;
      case 'showingHint': n.showingHint = v as LaidNode['showingHint']; break;
      case 'important': n.important = v as LaidNode['important']; break;
      case 'screenReaderFocusable': n.screenReaderFocusable = v as LaidNode['screenReaderFocusable']; break;
      case 'inputType': n.inputType = v as LaidNode['inputType']; break;
      case 'drawingOrder': n.drawingOrder = v as LaidNode['drawingOrder']; break;
      case 'multiline': n.multiline = v as LaidNode['multiline']; break;
      case 'maxTextLength': n.maxTextLength = v as LaidNode['maxTextLength']; break;
      case 'dismissable': n.dismissable = v as LaidNode['dismissable']; break;
      case 'heading': n.heading = v as LaidNode['heading']; break;
      case 'liveRegion': n.liveRegion = v as LaidNode['liveRegion']; break;
      case 'contextClickable': n.contextClickable = v as LaidNode['contextClickable']; break;
      case 'contentInvalid': n.contentInvalid = v as LaidNode['contentInvalid']; break;
      case 'error': n.error = v as LaidNode['error']; break;
      case 'paneTitle': n.paneTitle = v as LaidNode['paneTitle']; break;
      case 'tooltip': n.tooltip = v as LaidNode['tooltip']; break;
      case 'clickableSpan': n.clickableSpan = v as LaidNode['clickableSpan']; break;
      case 'collection': n.collection = v as LaidNode['collection']; break;
      case 'collectionItem': n.collectionItem = v as LaidNode['collectionItem']; break;
      case 'displayed': n.displayed = v as LaidNode['displayed']; break;
      case 'onTap': n.onTap = v as LaidNode['onTap']; break;
      case 'onLongTap': n.onLongTap = v as LaidNode['onLongTap']; break;
      case 'onEnter': n.onEnter = v as LaidNode['onEnter']; break;
      case 'risk': n.risk = v as LaidNode['risk']; break;
      case 'horizontal': n.horizontal = v as LaidNode['horizontal']; break;
      case 'overlay': n.overlay = v as LaidNode['overlay']; break;
      case 'columns': n.columns = v as LaidNode['columns']; break;
      case 'height': n.height = v as LaidNode['height']; break;
      case 'width': n.width = v as LaidNode['width']; break;
      case 'gravity': n.gravity = v as LaidNode['gravity']; break;
      case 'window': n.window = v as LaidNode['window']; break;
      case 'children': n.children = v as LaidNode['children']; break;
      case 'bounds': n.bounds = v as LaidNode['bounds']; break;
      case 'package': n.package = v as LaidNode['package']; break;
      case 'focused': n.focused = v as LaidNode['focused']; break;
      default: (n as unknown as Record<string, unknown>)[key] = v;
    }
  }
  return n;
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
/** A plain android.view.View: what Compose UIs (Google Messages) and WebView content are made of. */
export const view = (extra: Extra = {}): UiNode => ({ class: 'android.view.View', ...extra });
/** A FrameLayout whose children sit on top of each other (content with a floating button over it). */
export const frame = (children: UiNode[], extra: Extra = {}): UiNode => ({ class: `${W}FrameLayout`, overlay: true, children, ...extra });
/** A scrolling list: swipes scroll it. */
export const list = (children: UiNode[], extra: Extra = {}): UiNode => ({ class: `${W}ScrollView`, scrollable: true, children, ...extra });

/** An app screen: a title bar (with a back arrow when `back` is given) above the content. */
export function screen(title: string, content: UiNode[], back?: UiEvent): UiNode {
  const bar = line([...(back ? [imageButton('Navigate up', back, { id: 'up' })] : []), text(title, { id: 'toolbar_title' })], { id: 'toolbar' });
  return column([bar, ...content], { id: 'content' });
}
