import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';
import { HOST_FROM_EMULATOR } from '../shell/image.ts';
import { button, column, imageButton, input, text, type UiNode } from '../phone/ui.ts';

/**
 * The web view of the driver's Browser for pages Tripwire serves to a device (android/emulator/web.ts):
 * it loads them over HTTP as the emulator's Chrome would and draws their elements with the ids, texts
 * and descriptions Chrome shows (android/emulator/chromeA11y.ts); a tap or an enter posts the form.
 * So the web's record stays with the server, where the emulator path reads it.
 */
export class ServedWeb {
  readonly #origin: string;

  /** `url`: what the device was told to open; the emulator's name for the host is this machine's loopback. */
  constructor(url: string) {
    const u = new URL(url);
    if (u.hostname === HOST_FROM_EMULATOR) u.hostname = '127.0.0.1';
    this.#origin = u.origin;
  }

  /** The page, as a GET draws it. */
  async load(): Promise<UiNode> {
    return webTree(await (await fetch(`${this.#origin}/`)).text());
  }

  /** Posts the form to a button's or field's action (the server redirects to the page it draws). */
  async post(action: string, fields: Record<string, string>): Promise<UiNode> {
    const res = await fetch(new URL(action, this.#origin), { method: 'POST', body: new URLSearchParams(fields), redirect: 'follow' });
    return webTree(await res.text());
  }
}

/** The served page's form as UI nodes (the markup web.ts writes: div, p, button, input). */
export function webTree(html: string): UiNode {
  const form = /<form[\s\S]*<\/form>/.exec(html)?.[0];
  if (!form) return text('This page could not be shown', { id: 'web_error' });
  const doc = new DOMParser({ onError: () => {} }).parseFromString(form, 'text/html');
  return node(doc.documentElement as unknown as XmlElement);
}

function node(e: XmlElement): UiNode {
  const id = e.getAttribute('id') || undefined;
  const label = e.getAttribute('aria-label');
  const kids = Array.from(e.childNodes).filter((c) => c.nodeType === 1).map((c) => node(c as XmlElement));
  const post = (url: string | null) => ({ type: 'web.post', url: url ?? '' });
  switch (e.tagName.toLowerCase()) {
    case 'input': {
      const enter = e.getAttribute('data-enter');
      return input(e.getAttribute('name') ?? '', e.getAttribute('value') ?? '', e.getAttribute('placeholder') ?? '', {
        id, password: e.getAttribute('type') === 'password', ...(enter ? { onEnter: post(enter) } : {}),
      });
    }
    case 'button':
      return label ? imageButton(label, post(e.getAttribute('formaction')), { id }) : button(e.textContent ?? '', post(e.getAttribute('formaction')), { id });
    case 'p':
      return label ? text('', { id, desc: label }) : text(e.textContent ?? '', { id });
    default:
      return column(kids, { id });
  }
}
