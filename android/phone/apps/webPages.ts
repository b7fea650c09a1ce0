import type { UiNode } from '../ui.ts';
import type { BrowserData } from './browser.ts';
import { sitePage } from './browserSites.ts';
import { block, heading, link, para, row, webButton, webField } from './webNodes.ts';

/**
 * The simulated web's pages, as the content of Chrome's WebView (webNodes.ts): the search engine,
 * the shop, seeded pages, the built-in sites (browserSites.ts) and Chrome's error page. Each page is
 * its title (the WebView's text) and its elements; ids are the pages' own HTML ids, which the
 * emulator path serves as written (android/emulator/web.ts).
 */

export const SEARCH = 'https://search.example.com';
export const HOWTO = 'https://howto.example.com';
/** Chrome's New Tab page: its own native UI, not a web page (chromeView.ts draws it). */
export const NTP = 'chrome-native://newtab';

const words = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
const round = (n: number) => Math.round(n * 100) / 100;
export const money = (ctx: BrowserData, n: number) => (ctx.shop.currency === 'USD' ? `$${n.toFixed(2)}` : `${n.toFixed(2)} ${ctx.shop.currency}`);
export const product = (ctx: BrowserData, id?: string) => ctx.shop.products.find((p) => p.id === id);
export const cartItems = (ctx: BrowserData) => ctx.cart.flatMap((c) => { const p = product(ctx, c.product); return p ? [{ product: p.id, name: p.name, qty: c.qty, price: p.price }] : []; });
export const cartTotal = (ctx: BrowserData) => round(cartItems(ctx).reduce((s, i) => s + i.qty * i.price, 0));

export function search(ctx: BrowserData, query: string) {
  const q = new Set(words(query));
  return ctx.search_index
    .map((r) => ({ r, score: new Set([...r.keywords.flatMap(words), ...words(r.title)].filter((w) => q.has(w))).size }))
    .filter((x) => x.score > 0).sort((a, b) => b.score - a.score).map((x) => x.r);
}

type Block = BrowserData['pages'][string]['blocks'][number];

/** A seeded page's block: text and links carry no id (pages rarely give them one); a field's id is its name. */
function blockNode(b: Block): UiNode {
  if ('text' in b) return para(b.text);
  if ('link' in b) return link(b.link.text, b.link.url);
  if ('button' in b) return webButton(b.button.text, { type: 'submit', action: b.button.action });
  return webField(b.input.field, b.input.hint, { id: b.input.field, password: b.input.password });
}

function searchPage(ctx: BrowserData, u: string): [string, UiNode[]] {
  const q = new URL(u).searchParams.get('q') ?? '';
  const results = search(ctx, q);
  return [`${q} - Search`, [
    row([webField('q', 'Search the web', { id: 'search_box', onEnter: { type: 'search' } }), webButton('Search', { type: 'search' }, 'search_button')]),
    para(results.length ? `Results for “${q}”` : `No results for “${q}”`, 'results_header'),
    ...results.map((r) => block([link(r.title, r.url, 'result_title'), para(r.url, 'result_url'), para(r.snippet, 'result_snippet')], 'result')),
  ]];
}

function shopPages(ctx: BrowserData, u: string): [string, UiNode[]] | undefined {
  const shop = ctx.shop.url;
  const add = (id: string) => webButton('Add to cart', { type: 'addToCart', product: id }, 'add_to_cart');
  const cartButton = webButton(`Cart (${ctx.cart.reduce((s, c) => s + c.qty, 0)})`, { type: 'open', url: `${shop}/cart` }, 'view_cart');
  if (u === shop) {
    return [ctx.shop.name, [heading(ctx.shop.name), cartButton, ...ctx.shop.products.map((p) => block([
      link(p.name, `${shop}/product/${p.id}`, 'product_name'), para(money(ctx, p.price), 'product_price'), add(p.id),
    ], 'product'))]];
  }
  const p = u.startsWith(`${shop}/product/`) ? product(ctx, u.slice(`${shop}/product/`.length)) : undefined;
  if (p) return [p.name, [heading(p.name), para(money(ctx, p.price), 'product_price'), ...(p.description ? [para(p.description, 'product_description')] : []), add(p.id), cartButton]];
  if (u === `${shop}/cart`) {
    const items = cartItems(ctx);
    return ['Your cart', [
      heading('Your cart'),
      ...items.map((i) => block([para(`${i.name} × ${i.qty}`, 'cart_item'), para(money(ctx, i.qty * i.price), 'cart_item_price'), webButton('Remove', { type: 'removeFromCart', product: i.product }, 'remove')], 'cart_row')),
      para(items.length ? `Total: ${money(ctx, cartTotal(ctx))}` : 'Your cart is empty.', 'cart_total'),
      ...(items.length ? [webButton('Checkout', { type: 'open', url: `${shop}/checkout` }, 'checkout')] : []),
      link('Continue shopping', shop),
    ]];
  }
  if (u === `${shop}/checkout`) {
    return ['Checkout', [
      heading('Checkout'),
      ...cartItems(ctx).map((i) => para(`${i.name} × ${i.qty}: ${money(ctx, i.qty * i.price)}`, 'summary_item')),
      para(`Total: ${money(ctx, cartTotal(ctx))}`, 'order_total'),
      block([
        webField('name', 'Name on card', { id: 'card_name' }),
        webField('card_number', 'Card number', { id: 'card_number' }),
        row([webField('expiry', 'MM/YY', { id: 'card_expiry' }), webField('cvv', 'CVV', { id: 'card_cvv', password: true })]),
        webField('address', 'Shipping address', { id: 'shipping_address' }),
        webButton('Place order', { type: 'placeOrder' }, 'place_order', ['moves-money']),
      ], 'checkout_form'),
    ]];
  }
  const order = u.startsWith(`${shop}/order/`) ? ctx.orders.find((o) => o.id === u.slice(`${shop}/order/`.length)) : undefined;
  if (order) return ['Order placed', [heading('Order placed'), para(`Thank you! Order ${order.id} is placed.`, 'order_confirmation'), para(`Total charged: ${money(ctx, order.total)} to the card ending in ${order.card_last4}.`, 'order_total')]];
  return undefined;
}

/** The current page's title and elements: a built-in site, a seeded page, or Chrome's error page. */
export function webPage(ctx: BrowserData): [string, UiNode[]] {
  const u = ctx.url;
  if (u === SEARCH) return ['Search', [heading('Search'), row([webField('q', 'Search the web', { id: 'search_box', onEnter: { type: 'search' } }), webButton('Search', { type: 'search' }, 'search_button')])]];
  if (u.startsWith(`${SEARCH}/search?`)) return searchPage(ctx, u);
  const shop = shopPages(ctx, u);
  if (shop) return shop;
  const seeded = ctx.pages[u];
  if (seeded) return [seeded.title, [heading(seeded.title), ...seeded.blocks.map(blockNode)]];
  const site = sitePage(u);
  if (site) return site;
  return [hostLabel(u), [heading('This site can’t be reached', 'error_title'), para(`${hostLabel(u)}’s server IP address could not be found.`, 'error_detail'), para('DNS_PROBE_FINISHED_NXDOMAIN', 'error_code'), webButton('Reload', { type: 'open', url: u }, 'reload-button')]];
}

/** What Chrome's address bar shows for a page when it is not being edited: the host, without www. */
export function hostLabel(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** The page's elements in the order a document lists them: the WebView's whole content, with a line above the page for notices. */
export function webDocument(ctx: BrowserData): [string, UiNode] {
  const [title, content] = webPage(ctx);
  return [title, block([block([...(ctx.notice ? [{ ...para(ctx.notice, 'notice'), liveRegion: 1 }] : []), ...content])], undefined, { important: false })];
}
