/** Building the page's elements: strings become text nodes, so nothing from the server is ever parsed as markup. */

export type Kid = Node | string | number | null | undefined | false | Kid[];
type Props = Record<string, unknown> | null | undefined;

function setProps(el: Element, props: Props): void {
  if (!props) return;
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v as EventListener);
    else if (k === 'value') (el as HTMLInputElement).value = String(v);
    else if (k === 'checked') (el as HTMLInputElement).checked = !!v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
}

function append(el: Element, kids: Kid[]): void {
  for (const k of kids.flat(Infinity as 1) as Kid[]) {
    if (k === null || k === undefined || k === false) continue;
    el.append(k instanceof Node ? k : document.createTextNode(String(k)));
  }
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props, ...kids: Kid[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setProps(el, props);
  append(el, kids);
  return el;
}

const SVG = 'http://www.w3.org/2000/svg';
export function s(tag: string, props?: Props, ...kids: Kid[]): SVGElement {
  const el = document.createElementNS(SVG, tag) as SVGElement;
  setProps(el, props);
  append(el, kids);
  return el;
}

/** An element the page's skeleton always has (or the current episode's layout, once built). */
export function $<E extends Element = HTMLElement>(selector: string): E {
  return document.querySelector(selector) as E;
}
export const find = <E extends Element = HTMLElement>(selector: string): E | null => document.querySelector(selector) as E | null;

let toastTimer: ReturnType<typeof setTimeout> | undefined;
export function toast(message: string): void {
  const t = $('#toast');
  t.textContent = message;
  t.classList.add('on');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => t.classList.remove('on'), 4000);
}
