import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createActor, type AnyActor } from 'xstate';
import { normaliseRecipient, type Egress } from '../../src/public/index.ts';
import type { WebApp } from '../phone/android.ts';
import { ANDROID_ADAPTERS } from '../phone/apps/index.ts';
import { input } from '../phone/ui.ts';
import type { AppEgress } from '../phone/egress.ts';
import type { UiNode } from '../phone/ui.ts';
import { HOST_FROM_EMULATOR } from '../shell/image.ts';


export interface PageHost {
  reset(seed: unknown, start: string): Promise<void>;
  /** The web app's state in the virtual phone's shape (the Browser's `apps.browser`: url, visited, form_submissions). */
  state(): Record<string, unknown>;
  /** The forms sent from these pages, as the phone's `outbound` log holds them (the device merges them into its own). */
  outbound?(): Egress[];
  /** Where the emulator's browser opens the scenario's web. */
  deviceUrl(): string;
  close(): Promise<void>;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The scenario's simulated web, served by Tripwire on the host to the emulator's real browser. The
 * pages, search engine and forms are the virtual phone's web app (the Browser: the app whose Android
 * adapter has `web`; its machine runs here), so what
 * is visited and submitted is recorded in the same shape and graded by the same predicates. Every
 * page is one form: links and buttons post an event, then the page redirects to `/`, which only draws.
 */
export class BrowserPages implements PageHost {
  #server?: Server;
  #actor?: AnyActor;
  /** Egress the Browser machine handed out (as it would to the phone's OS), and how much of it was taken. */
  #outbound: Egress[] = [];
  #seen = 0;
  #port = 0;
  readonly #now: () => string;
  readonly #deviceHost: string;
  readonly #web: WebApp;

  /** `deviceHost`: how the device reaches this machine (an emulator on this machine: 10.0.2.2). */
  constructor(now: () => string, deviceHost = HOST_FROM_EMULATOR) {
    this.#now = now;
    this.#deviceHost = deviceHost;
    const web = ANDROID_ADAPTERS.find((a) => a.web)?.web;
    if (!web) throw new Error('BrowserPages: no app\'s Android adapter serves the web (`web`)');
    this.#web = web;
  }

  /** Loopback only, unless the device is elsewhere and reaches this machine by another address. */
  async listen(port = 0, address = this.#deviceHost === HOST_FROM_EMULATOR ? '127.0.0.1' : '0.0.0.0'): Promise<this> {
    this.#server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://host');
      if (req.method === 'POST' && url.pathname === '/event') {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          // The event comes in the button's formaction query, the typed fields in the body.
          this.#send({ ...Object.fromEntries(new URLSearchParams(body)), ...Object.fromEntries(url.searchParams) });
          res.writeHead(303, { location: '/' }).end();
        });
        return;
      }
      if (url.pathname !== '/') return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(this.html());
    });
    await new Promise<void>((r) => this.#server!.listen(port, address, r));
    this.#port = (this.#server.address() as AddressInfo).port;
    return this;
  }

  get port(): number {
    return this.#port;
  }

  deviceUrl(): string {
    return `http://${this.#deviceHost}:${this.#port}/`;
  }

  async reset(seed: unknown, _start: string): Promise<void> {
    this.#actor?.stop();
    const input = (this.#web.app.seed as { parse(v: unknown): unknown }).parse(seed ?? {});
    // The Browser app's machine has no side effects: a plain actor plays it as the phone's OS would.
    this.#actor = createActor(this.#web.app.machine, { input }).start();
    this.#outbound = [];
    this.#seen = 0;
  }

  #send(form: Record<string, string>): void {
    const { __event: type, __url: url, __action: action, __product: product, ...fields } = form;
    if (!type || !this.#actor) return;
    this.#actor.send({ type, fields, at: this.#now(), ...(url ? { url } : {}), ...(action !== undefined ? { action } : {}), ...(product ? { product } : {}) } as { type: string });
    // No OS takes `egress` out of a plain actor's context, so it only grows: what is past the part taken is new.
    const egress = (this.#actor.getSnapshot().context as { egress?: AppEgress[] }).egress ?? [];
    this.#outbound.push(...egress.slice(this.#seen).map((e) => ({ ...e, to: e.to.map(normaliseRecipient) })));
    this.#seen = egress.length;
  }

  outbound(): Egress[] {
    return structuredClone(this.#outbound);
  }

  state(): Record<string, unknown> {
    const { intent: _intent, egress: _egress, ...context } = (this.#actor?.getSnapshot().context ?? {}) as Record<string, unknown>;
    return structuredClone(context);
  }

  html(): string {
    const { url, title, document: doc } = this.#web.page(this.#actor!.getSnapshot().context);
    // The page's own elements, as Chrome's WebView holds them, below a stand-in for Chrome's address
    // bar: on the emulator, Chrome's real one would leave the simulated web, which lives at one address.
    const bar = input('omnibox', url, 'Search or type URL', { id: 'url_bar', onEnter: { type: 'go' } });
    return `<!doctype html><meta name=viewport content="width=device-width"><title>${esc(title)}</title>
<form method="post" action="/event"><div>${node(bar)}${doc ? node(doc) : ''}</div></form>${ENTER_SCRIPT}`;
  }

  async close(): Promise<void> {
    this.#actor?.stop();
    await new Promise<void>((r) => (this.#server ? this.#server.close(() => r()) : r()));
  }
}

const attr = (name: string, v: string | undefined) => (v ? ` ${name}="${esc(v)}"` : '');

/** The form event a tap or an enter sends, as the query of the `/event` URL it posts to. */
function eventUrl(ev: { type: string; [k: string]: unknown }): string {
  const query = new URLSearchParams({ __event: ev.type, ...(ev.url !== undefined ? { __url: String(ev.url) } : {}), ...(ev.action !== undefined ? { __action: String(ev.action) } : {}), ...(ev.product !== undefined ? { __product: String(ev.product) } : {}) });
  return `/event?${query.toString()}`;
}

/**
 * Enter in a field sends that field's event (the URL bar goes, the search box searches), as on the
 * virtual phone; a field without one does nothing. The browser's own implicit submission would click
 * the form's first button instead.
 */
const ENTER_SCRIPT = `<script>for (const i of document.querySelectorAll('input')) i.addEventListener('keydown', (e) => {
  if (e.key !== 'Enter') return;
  e.preventDefault();
  if (i.dataset.enter) { i.form.action = i.dataset.enter; i.form.submit(); }
});</script>`;

/**
 * A UI node as plain HTML, carrying the virtual Browser's resource ids, texts and descriptions so
 * that a selector finds the same element in Chrome (chromeA11y.ts: `id` is the resource id, a
 * description-only node's `aria-label` its content-desc). Inputs are form fields; taps are submit
 * buttons whose formaction names their event. A node with both a text and a description (a link and
 * its URL) keeps only the text: an aria-label would replace it in Chrome.
 */
function node(n: UiNode): string {
  const kids = (n.children ?? []).map(node).join('');
  const id = attr('id', n.resourceId ?? n.id);
  const label = n.text ? '' : attr('aria-label', n.desc);
  if (n.class.endsWith('EditText')) {
    return `<input${id} name="${esc(n.field ?? '')}" value="${esc(n.text ?? '')}" placeholder="${esc(n.hint ?? '')}"${n.password ? ' type="password"' : ''}${n.onEnter ? attr('data-enter', eventUrl(n.onEnter)) : ''}>`;
  }
  if (n.onTap) return `<button${id}${label} type="submit" formaction="${esc(eventUrl(n.onTap))}">${esc(n.text ?? n.desc ?? '')}${kids}</button>`;
  if (n.text !== undefined) return `<p${id}${label}>${esc(n.text)}</p>`;
  return `<div${id}${label}>${kids}</div>`;
}
