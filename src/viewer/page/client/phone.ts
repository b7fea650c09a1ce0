import { $, find } from './dom.ts';
import { act } from './human.ts';
import { S } from './state.ts';

/** The phone's screen as a place to act: on a person's turn, a click on an element is a tap on its index. */

export const canTap = () => !!(S.human && !S.humanBusy && S.follow && S.human.tools.some((t) => t.name === 'tap'));

const frameDoc = () => find<HTMLIFrameElement>('#phone-frame')?.contentDocument ?? null;

export function renderTappable(): void {
  const tappable = canTap();
  const shell = find('#phone-shell');
  if (!shell) return;
  shell.classList.toggle('tappable', tappable);
  const cap = $('#phone-cap');
  cap.classList.toggle('tap', tappable);
  cap.textContent = tappable ? 'Your turn: tap the screen (right-click for a long tap)' : S.state ? 'Phone at step ' + S.state.step : '';
  frameDoc()?.documentElement?.classList.toggle('tw-tappable', tappable);
}

/** Runs on every load of the phone's iframe: the parent's listeners map a click to tap {index}. */
export function wirePhone(): void {
  const doc = frameDoc();
  if (!doc || !doc.head) return;
  const style = doc.createElement('style');
  style.textContent = '.tw-tappable [data-tag]{cursor:pointer}.tw-tappable [data-tag]:hover{outline:2px solid #8b5cf6;outline-offset:-2px;background-color:rgba(139,92,246,.08)}';
  doc.head.append(style);
  doc.documentElement.setAttribute('data-wired', '');
  // The iframe is another window: its elements are not instances of this window's Element.
  const target = (e: MouseEvent): Element | null => {
    const t = e.target as Element | null;
    const hit = t && typeof t.closest === 'function' ? t.closest('[data-tag]') : null;
    if (hit) return hit;
    return doc.elementsFromPoint(e.clientX, e.clientY).find((el) => el.hasAttribute('data-tag')) ?? null;
  };
  const handle = (tool: 'tap' | 'long_tap') => (e: MouseEvent) => {
    if (!canTap()) return;
    const el = target(e);
    if (!el) return;
    e.preventDefault();
    void act({ type: 'tool', tool, args: { index: Number(el.getAttribute('data-tag')) } });
  };
  doc.addEventListener('click', handle('tap'));
  doc.addEventListener('contextmenu', handle('long_tap'));
  renderTappable();
}
