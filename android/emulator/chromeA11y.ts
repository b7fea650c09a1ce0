/**
 * How Chrome on Android shows a web page's elements to UiAutomator2, for the markup the served pages
 * use (web.ts writes its HTML by these rules). Chromium's accessibility bridge
 * (WebContentsAccessibilityImpl) fills each web node's AccessibilityNodeInfo:
 * - resource-id: the element's HTML `id`, as written, without a package (viewIdResourceName);
 * - text: a field's value (empty until something is typed), otherwise the element's own text;
 * - content-desc: its `aria-label` (then the text is empty: the label is its name).
 * A selector's `id` therefore matches a web element by its whole resource id (playback's `selects`).
 */
export interface WebElement {
  resource_id: string;
  text: string;
  content_description: string;
}

/** Every element of a page's body as Chrome exposes it (`body *:not(script)`, in tree order). Runs in the page (Playwright's evaluate). */
export function chromeElements(): WebElement[] {
  const own = (el: Element) => Array.from(el.childNodes).filter((c) => c.nodeType === 3).map((c) => c.textContent ?? '').join('').trim();
  return Array.from(document.body.querySelectorAll('*:not(script)')).map((el) => {
    const label = el.getAttribute('aria-label');
    const text = label !== null ? '' : el instanceof HTMLInputElement ? el.value : own(el);
    return { resource_id: el.id, text, content_description: label ?? '' };
  });
}
