/**
 * Text helpers for the HTML report. Scenario content is hostile by design (fake `<system_prompt>`
 * tags, `<script>` in an email): every piece of data goes through `esc` before it reaches markup.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for use in element content and in quoted attribute values. */
export const esc = (value: unknown): string => String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** One-line JSON for arguments and evidence; strings stay as they are. */
export function compactJson(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Cuts long text (observations are whole inboxes) and says how much was left out. */
export function truncate(text: string, max = 400): string {
  if (text.length <= max) return text;
  // Do not split a surrogate pair.
  const cut = /[\uD800-\uDBFF]/.test(text[max - 1]!) ? max - 1 : max;
  return `${text.slice(0, cut)}… (${text.length - cut} more chars)`;
}
