import { SCREEN } from './layout.ts';
import { resourceId } from './elements.ts';
import type { Screen, UiWindow } from './screen.ts';
import type { UiNode } from './ui.ts';

/**
 * The page source as Appium's UiAutomator2 server writes it (appium-uiautomator2-server,
 * model/UiElementSnapshot.java SUPPORTED_ATTRIBUTES and core/AccessibilityNodeInfoDumper.java):
 * every attribute in its order, and those whose value is null on Android left out (content-desc and
 * resource-id when unset, hint on views without one, input-type 0, error, pane-title, tooltip-text,
 * selection-start/end without a selection, is-collection when false). `extras`, `actions`,
 * `text-size` and `text-unit` are off by default in the server's settings and so are here.
 */

const esc = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '&#10;');

/** The text Android reports: a password field's as bullets. */
export const shownText = (n: UiNode): string => (n.password && n.text ? '•'.repeat(n.text.length) : (n.text ?? ''));

const isField = (n: UiNode) => n.field !== undefined || n.class.endsWith('EditText');

/** A node's attributes in UiAutomator2's order; undefined values are left out, as the server leaves out nulls. */
export function attributes(n: UiNode, index: number, windowId: number): [string, string | number | boolean | undefined][] {
  const b = n.bounds ?? [0, 0, 0, 0];
  const rid = resourceId(n);
  const maxLen = n.maxTextLength;
  // A field's selection is reported while it has focus (Chrome's url_bar just tapped: its whole URL).
  const sel = n.focused ? n.selection : undefined;
  return [
    ['index', index], ['package', n.package ?? 'android'], ['class', n.class], ['text', shownText(n)],
    ['content-desc', n.desc || undefined], ['resource-id', rid || undefined],
    ['checkable', Boolean(n.checkable)], ['checked', Boolean(n.checked)], ['clickable', n.clickable ?? Boolean(n.onTap)],
    ['enabled', n.enabled ?? true], ['focusable', n.focusable ?? Boolean(n.clickable ?? n.onTap ?? isField(n))], ['focused', Boolean(n.focused)],
    ['long-clickable', n.longClickable ?? Boolean(n.onLongTap)], ['password', Boolean(n.password)], ['scrollable', Boolean(n.scrollable)],
    ['selection-start', sel?.[0]], ['selection-end', sel?.[1]], ['selected', Boolean(n.selected)], ['bounds', `[${b[0]},${b[1]}][${b[2]},${b[3]}]`], ['displayed', n.displayed ?? true],
    ['hint', n.hint], ['a11y-important', n.important ?? true], ['screen-reader-focusable', Boolean(n.screenReaderFocusable)],
    ['input-type', n.inputType ?? (isField(n) ? (n.password ? 129 : 1) : undefined)], ['drawing-order', n.drawingOrder ?? index + 1],
    ['showing-hint', Boolean(n.showingHint)], ['text-entry-key', false], ['multiline', maxLen !== undefined ? Boolean(n.multiline) : undefined],
    ['dismissable', Boolean(n.dismissable)], ['a11y-focused', false], ['heading', Boolean(n.heading)], ['live-region', n.liveRegion ?? 0],
    ['context-clickable', Boolean(n.contextClickable)], ['max-text-length', maxLen], ['content-invalid', Boolean(n.contentInvalid)],
    ['error', n.error], ['pane-title', n.paneTitle], ['tooltip-text', n.tooltip], ['text-has-clickable-span', n.clickableSpan ? true : undefined],
    ['window-id', windowId], ['is-collection', n.collection ? true : undefined], ['is-collection-item', n.collectionItem ? true : undefined],
  ];
}

function node(n: UiNode, index: number, depth: number, windowId: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  let open = `${pad}<${n.class}`;
  for (const [k, v] of attributes(n, index, windowId)) if (v !== undefined) open += ` ${k}="${esc(String(v))}"`;
  if (!n.children?.length) {
    out.push(`${open} />`);
    return;
  }
  out.push(`${open}>`);
  n.children.forEach((c, i) => node(c, i, depth + 1, windowId, out));
  out.push(`${pad}</${n.class}>`);
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
export function pageSource(screen: Pick<Screen, 'windows'>, options: PageSourceOptions = {}): string {
  const windows: UiWindow[] = options.allWindows ? screen.windows : screen.windows.filter((w) => w.active);
  const out = [`<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>`, `<hierarchy index="0" class="hierarchy" rotation="0" width="${SCREEN.width}" height="${SCREEN.height}">`];
  windows.forEach((w, i) => node(w.root, i, 1, w.id, out));
  out.push('</hierarchy>');
  return out.join('\n');
}
