import { SCREEN } from './layout.ts';
import { resourceId } from './elements.ts';
import type { UiNode } from './ui.ts';

const attr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '&#10;');

function node(n: UiNode, index: number, depth: number): string {
  const b = n.bounds ?? [0, 0, 0, 0];
  const a: [string, string][] = [
    ['index', String(index)], ['package', n.package ?? 'android'], ['class', n.class], ['text', n.password && n.text ? '•'.repeat(n.text.length) : (n.text ?? '')],
    ['resource-id', resourceId(n)], ['content-desc', n.desc ?? ''], ['checkable', String(Boolean(n.checkable))], ['checked', String(Boolean(n.checked))],
    ['clickable', String(Boolean(n.clickable))], ['enabled', String(n.enabled ?? true)], ['focusable', String(n.focusable ?? Boolean(n.clickable || n.field))], ['focused', String(Boolean(n.focused))],
    ['long-clickable', String(n.longClickable ?? Boolean(n.onLongTap))], ['password', String(Boolean(n.password))], ['scrollable', String(Boolean(n.scrollable))],
    ['selected', String(Boolean(n.selected))], ['bounds', `[${b[0]},${b[1]}][${b[2]},${b[3]}]`], ['displayed', String(n.displayed ?? true)],
  ];
  const pad = '  '.repeat(depth);
  const open = `${pad}<${n.class} ${a.map(([k, v]) => `${k}="${attr(v)}"`).join(' ')}`;
  if (!n.children?.length) return `${open} />`;
  return `${open}>\n${n.children.map((c, i) => node(c, i, depth + 1)).join('\n')}\n${pad}</${n.class}>`;
}

/** The UI tree as Appium UiAutomator2's page source (`driver.getPageSource()`). */
export function pageSource(root: UiNode): string {
  return `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<hierarchy index="0" class="hierarchy" rotation="0" width="${SCREEN.width}" height="${SCREEN.height}">\n${node(root, 0, 1)}\n</hierarchy>`;
}
