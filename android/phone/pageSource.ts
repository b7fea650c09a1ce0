import { SCREEN } from './layout.ts';
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
/** An attribute value as written: most have nothing to escape, and are written as they are. */
const val = (v: string) => (/[&"<>\n]/.test(v) ? esc(v) : v);

/** ` name="value"`, or nothing when the value is undefined (the server leaves out nulls). */
const opt = (name: string, v: string | number | boolean | undefined) => (v === undefined ? '' : ` ${name}="${typeof v === 'string' ? val(v) : v}"`);

/**
 * A node's start tag, its attributes in UiAutomator2's order. Written as one template (a page source
 * is written after every action that changes the screen): strings are escaped, numbers and booleans
 * need none. The node's properties are read in one pass over its own keys: nodes come in many
 * shapes (each app builds its own), so reading each of ~40 names in turn costs a lookup apiece,
 * most of them for names the node does not have.
 */
function startTag(n: UiNode, index: number, windowId: number): string {
  let cls = '', pkg: string | undefined, text: string | undefined, desc: string | undefined, id: string | undefined, rid: string | undefined;
  let checkable, checked, clickable, enabled, focusable, focused, longClickable, password, scrollable, selected, displayed, important, srFocusable;
  let showingHint, multiline, dismissable, heading, contextClickable, contentInvalid, clickableSpan, collection, collectionItem: boolean | undefined;
  let onTap, onLongTap, field, selection, bounds, hint, inputType, drawingOrder, maxLen, liveRegion, error, paneTitle, tooltip: unknown;
  for (const key in n) {
    const v = (n as unknown as Record<string, unknown>)[key];
    switch (key) {
      case 'class': cls = v as string; break;
      case 'package': pkg = v as string | undefined; break;
      case 'text': text = v as string | undefined; break;
      case 'desc': desc = v as string | undefined; break;
      case 'id': id = v as string | undefined; break;
      case 'resourceId': rid = v as string | undefined; break;
      case 'bounds': bounds = v; break;
      case 'onTap': onTap = v; break;
      case 'onLongTap': onLongTap = v; break;
      case 'field': field = v; break;
      case 'checkable': checkable = v as boolean | undefined; break;
      case 'checked': checked = v as boolean | undefined; break;
      case 'clickable': clickable = v as boolean | undefined; break;
      case 'enabled': enabled = v as boolean | undefined; break;
      case 'focusable': focusable = v as boolean | undefined; break;
      case 'focused': focused = v as boolean | undefined; break;
      case 'longClickable': longClickable = v as boolean | undefined; break;
      case 'password': password = v as boolean | undefined; break;
      case 'scrollable': scrollable = v as boolean | undefined; break;
      case 'selection': selection = v; break;
      case 'selected': selected = v as boolean | undefined; break;
      case 'displayed': displayed = v as boolean | undefined; break;
      case 'hint': hint = v; break;
      case 'important': important = v as boolean | undefined; break;
      case 'screenReaderFocusable': srFocusable = v as boolean | undefined; break;
      case 'inputType': inputType = v; break;
      case 'drawingOrder': drawingOrder = v; break;
      case 'showingHint': showingHint = v as boolean | undefined; break;
      case 'multiline': multiline = v as boolean | undefined; break;
      case 'maxTextLength': maxLen = v; break;
      case 'dismissable': dismissable = v as boolean | undefined; break;
      case 'heading': heading = v as boolean | undefined; break;
      case 'liveRegion': liveRegion = v; break;
      case 'contextClickable': contextClickable = v as boolean | undefined; break;
      case 'contentInvalid': contentInvalid = v as boolean | undefined; break;
      case 'error': error = v; break;
      case 'paneTitle': paneTitle = v; break;
      case 'tooltip': tooltip = v; break;
      case 'clickableSpan': clickableSpan = v as boolean | undefined; break;
      case 'collection': collection = v as boolean | undefined; break;
      case 'collectionItem': collectionItem = v as boolean | undefined; break;
    }
  }
  const b = (bounds as UiNode['bounds']) ?? [0, 0, 0, 0];
  // elements.ts's resourceId(), the text Android reports (a password field's as bullets), and whether it is a text field.
  const resource = rid ?? (id ? `${pkg ?? 'android'}:id/${id}` : '');
  const shown = password && text ? '•'.repeat(text.length) : (text ?? '');
  const isField = field !== undefined || cls.endsWith('EditText');
  // A field's selection is reported while it has focus (Chrome's url_bar just tapped: its whole URL).
  const sel = focused ? (selection as UiNode['selection']) : undefined;
  const tapped = clickable ?? Boolean(onTap);
  return `<${cls} index="${index}" package="${val(pkg ?? 'android')}" class="${val(cls)}" text="${val(shown)}"${opt('content-desc', desc || undefined)}${opt('resource-id', resource || undefined)}` +
    ` checkable="${Boolean(checkable)}" checked="${Boolean(checked)}" clickable="${tapped}" enabled="${enabled ?? true}"` +
    ` focusable="${focusable ?? Boolean(clickable ?? onTap ?? isField)}" focused="${Boolean(focused)}" long-clickable="${longClickable ?? Boolean(onLongTap)}"` +
    ` password="${Boolean(password)}" scrollable="${Boolean(scrollable)}"${opt('selection-start', sel?.[0])}${opt('selection-end', sel?.[1])} selected="${Boolean(selected)}"` +
    ` bounds="[${b[0]},${b[1]}][${b[2]},${b[3]}]" displayed="${displayed ?? true}"${opt('hint', hint as string | undefined)} a11y-important="${important ?? true}"` +
    ` screen-reader-focusable="${Boolean(srFocusable)}"${opt('input-type', (inputType as number | undefined) ?? (isField ? (password ? 129 : 1) : undefined))} drawing-order="${(drawingOrder as number | undefined) ?? index + 1}"` +
    ` showing-hint="${Boolean(showingHint)}" text-entry-key="false"${opt('multiline', maxLen !== undefined ? Boolean(multiline) : undefined)} dismissable="${Boolean(dismissable)}"` +
    ` a11y-focused="false" heading="${Boolean(heading)}" live-region="${(liveRegion as number | undefined) ?? 0}" context-clickable="${Boolean(contextClickable)}"${opt('max-text-length', maxLen as number | undefined)}` +
    ` content-invalid="${Boolean(contentInvalid)}"${opt('error', error as string | undefined)}${opt('pane-title', paneTitle as string | undefined)}${opt('tooltip-text', tooltip as string | undefined)}${opt('text-has-clickable-span', clickableSpan ? true : undefined)}` +
    ` window-id="${windowId}"${opt('is-collection', collection ? true : undefined)}${opt('is-collection-item', collectionItem ? true : undefined)}`;
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
