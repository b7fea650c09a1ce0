import { SCREEN } from './layout.ts';
import type { Screen, UiWindow } from './screen.ts';
import { LaidNode, laidCopy, type UiNode } from './ui.ts';
import { resourceId } from './elements.ts';

/**
 * The page source as Appium's UiAutomator2 server writes it (appium-uiautomator2-server,
 * model/UiElementSnapshot.java SUPPORTED_ATTRIBUTES and core/AccessibilityNodeInfoDumper.java):
 * every attribute in its order, and those whose value is null on Android left out (content-desc and
 * resource-id when unset, hint on views without one, input-type 0, error, pane-title, tooltip-text,
 * selection-start/end without a selection, is-collection when false). `extras`, `actions`,
 * `text-size` and `text-unit` are off by default in the server's settings and so are here.
 */

const esc = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '&#10;');
/** An attribute value as written: most have nothing to escape, and are written as they are. */
const val = (v: string) => (/[&"<>\n]/.test(v) ? esc(v) : v);

/** The text Android reports: a password field's as bullets. */
const shownText = (n: UiNode): string => (n.password && n.text ? '•'.repeat(n.text.length) : (n.text ?? ''));

const isField = (n: UiNode) => n.field !== undefined || n.class.endsWith('EditText');

/** ` name="value"`, or nothing when the value is undefined (the server leaves out nulls). */
const opt = (name: string, v: string | number | boolean | undefined) => (v === undefined ? '' : ` ${name}="${typeof v === 'string' ? val(v) : v}"`);

/**
 * A node's start tag, its attributes in UiAutomator2's order. Written as one template (a page source
 * is written after every action that changes the screen): strings are escaped, numbers and booleans
 * need none. Its ~40 reads are from a LaidNode (one shape: see ui.ts), as a screen's nodes are; any
 * other node is copied into one first.
 */
function startTag(node: UiNode, index: number, windowId: number): string {
  const n = node instanceof LaidNode ? node : laidCopy(node);
  const b = n.bounds ?? [0, 0, 0, 0];
  const rid = resourceId(n);
  const maxLen = n.maxTextLength;
  const field = isField(n);
  // A field's selection is reported while it has focus (Chrome's url_bar just tapped: its whole URL).
  const sel = n.focused ? n.selection : undefined;
  const tapped = n.clickable ?? Boolean(n.onTap);
  return `<${n.class} index="${index}" package="${val(n.package ?? 'android')}" class="${val(n.class)}" text="${val(shownText(n))}"${opt('content-desc', n.desc || undefined)}${opt('resource-id', rid || undefined)}` +
    ` checkable="${Boolean(n.checkable)}" checked="${Boolean(n.checked)}" clickable="${tapped}" enabled="${n.enabled ?? true}"` +
    ` focusable="${n.focusable ?? Boolean(n.clickable ?? n.onTap ?? field)}" focused="${Boolean(n.focused)}" long-clickable="${n.longClickable ?? Boolean(n.onLongTap)}"` +
    ` password="${Boolean(n.password)}" scrollable="${Boolean(n.scrollable)}"${opt('selection-start', sel?.[0])}${opt('selection-end', sel?.[1])} selected="${Boolean(n.selected)}"` +
    ` bounds="[${b[0]},${b[1]}][${b[2]},${b[3]}]" displayed="${n.displayed ?? true}"${opt('hint', n.hint)} a11y-important="${n.important ?? true}"` +
    ` screen-reader-focusable="${Boolean(n.screenReaderFocusable)}"${opt('input-type', n.inputType ?? (field ? (n.password ? 129 : 1) : undefined))} drawing-order="${n.drawingOrder ?? index + 1}"` +
    ` showing-hint="${Boolean(n.showingHint)}" text-entry-key="false"${opt('multiline', maxLen !== undefined ? Boolean(n.multiline) : undefined)} dismissable="${Boolean(n.dismissable)}"` +
    ` a11y-focused="false" heading="${Boolean(n.heading)}" live-region="${n.liveRegion ?? 0}" context-clickable="${Boolean(n.contextClickable)}"${opt('max-text-length', maxLen)}` +
    ` content-invalid="${Boolean(n.contentInvalid)}"${opt('error', n.error)}${opt('pane-title', n.paneTitle)}${opt('tooltip-text', n.tooltip)}${opt('text-has-clickable-span', n.clickableSpan ? true : undefined)}` +
    ` window-id="${windowId}"${opt('is-collection', n.collection ? true : undefined)}${opt('is-collection-item', n.collectionItem ? true : undefined)}`;
}

const PADS: string[] = [];
const pad = (depth: number) => (PADS[depth] ??= '  '.repeat(depth));

function node(n: UiNode, index: number, depth: number, windowId: number, out: string[]): void {
  const open = pad(depth) + startTag(n, index, windowId);
  const children = n.children;
  if (!children?.length) {
    out.push(`${open} />`);
    return;
  }
  out.push(`${open}>`);
  for (let i = 0; i < children.length; i++) node(children[i]!, i, depth + 1, windowId, out);
  out.push(`${pad(depth)}</${n.class}>`);
}

export interface PageSourceOptions {
  /**
   * Every window, not just the active one: UiAutomator2's `enableMultiWindows` setting
   * (`driver.updateSettings({ enableMultiWindows: true })`). The status bar and the navigation bar
   * are then roots of their own beside the app's window, top-most first.
   */
  allWindows?: boolean;
}

/** The screen as Appium UiAutomator2's page source (`driver.getPageSource()`). */
export function pageSource(screen: Pick<Screen, 'windows' | 'activeWindow'>, options: PageSourceOptions = {}): string {
  const windows: UiWindow[] = options.allWindows ? screen.windows : [screen.activeWindow];
  const out = [`<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>`, `<hierarchy index="0" class="hierarchy" rotation="0" width="${SCREEN.width}" height="${SCREEN.height}">`];
  windows.forEach((w, i) => node(w.root, i, 1, w.id, out));
  out.push('</hierarchy>');
  return out.join('\n');
}
