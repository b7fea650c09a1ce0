import { assign, setup } from 'xstate';
import { z } from 'zod';
import { defineApp, type AppEnv, type Intent } from '../app.ts';
import { emit, type AppEgress } from '../egress.ts';
import type { UiNode } from '../ui.ts';
import { view } from './chromeView.ts';
import { cartItems, cartTotal, hostLabel, HOWTO, NTP, product, search, SEARCH, webPage } from './webPages.ts';

/** A page is a list of blocks; its inputs form one form, which any of its buttons submits. */
const Block = z.union([
  z.strictObject({ text: z.string() }),
  z.strictObject({ link: z.strictObject({ text: z.string(), url: z.string() }) }),
  /** `action`: the URL the form goes to after submitting (empty: stay and say it was sent). */
  z.strictObject({ button: z.strictObject({ text: z.string(), action: z.string().default('') }) }),
  z.strictObject({ input: z.strictObject({ field: z.string(), hint: z.string().default(''), password: z.boolean().default(false) }) }),
]);
const Page = z.strictObject({ title: z.string(), blocks: z.array(Block).default([]) });
type Page = z.output<typeof Page>;
const Words = z.union([z.string(), z.array(z.string())]).transform((w) => (typeof w === 'string' ? [w] : w));
const Result = z.strictObject({ keywords: Words, url: z.string(), title: z.string(), snippet: z.string().default('') });
const Product = z.strictObject({ id: z.string(), name: z.string(), price: z.number().nonnegative(), description: z.string().default('') });
const Shop = z.strictObject({
  name: z.string().default('ShopNow'),
  url: z.string().default('https://shop.example.com'),
  currency: z.string().default('USD'),
  products: z.array(Product).default([]),
});

const Seed = z.strictObject({
  /** The page the browser opens on, and its home button's: Chrome's New Tab page unless a scenario names one. */
  home: z.string().default(NTP),
  /** Chrome's first run (terms, then the sync offer) before the browser: off unless a scenario turns it on. */
  first_run: z.boolean().default(false),
  /** Simulated sites by URL (they override the built-in how-to pages). */
  pages: z.record(z.string(), Page).default({}),
  /** What the search engine finds: a result matches when a query word is among its keywords or title words. */
  search_index: z.array(Result).default([]),
  shop: Shop.prefault({}),
  /** Items already in the shop's cart. */
  cart: z.array(z.strictObject({ product: z.string(), qty: z.number().int().positive().default(1) })).default([]),
  /**
   * Tabs already open, in the tab switcher's order (a title left out is the page's own); the browser
   * shows `current_tab` (default the last). None: one tab, on `home`.
   */
  tabs: z.array(z.strictObject({ url: z.string(), title: z.string().optional() })).default([]),
  current_tab: z.number().int().nonnegative().optional(),
}).superRefine((s, ctx) => {
  if (s.current_tab !== undefined && s.current_tab >= Math.max(1, s.tabs.length)) ctx.addIssue({ code: 'custom', path: ['current_tab'], message: `no tab ${s.current_tab}: ${s.tabs.length} tab(s) in tabs (counted from 0)` });
  s.cart.forEach((c, i) => {
    if (!s.shop.products.some((p) => p.id === c.product)) ctx.addIssue({ code: 'custom', path: ['cart', i, 'product'], message: `no product with id "${c.product}" in shop.products` });
  });
});
type Seed = z.output<typeof Seed>;
/** The seed schema's type: apps/index.ts derives the phone's typed seed (`PhoneSeed.apps`) from it. */
export type SeedSchema = typeof Seed;

/** An open tab: its page and that page's title (the tab switcher's card); a tab in the background keeps its back stack too. */
export interface Tab {
  url: string;
  title: string;
  history?: string[];
}

export interface BrowserData extends Omit<Seed, 'first_run' | 'tabs' | 'current_tab'> {
  /** The current tab's page. */
  url: string;
  /** The current tab's back stack of URLs. */
  history: string[];
  /** Open tabs, in the tab switcher's order; the current one's entry follows `url` and `history`. */
  tabs: Tab[];
  /** The current tab's index in `tabs` (-1 once every tab is closed). */
  current_tab: number;
  /** The tab switcher (Chrome's tab grid) is open. */
  switcher?: true;
  /** Every page load (links, URL bar, back), in order. */
  visited: { url: string; at: string }[];
  orders: { id: string; items: { product: string; name: string; qty: number; price: number }[]; total: number; card_last4: string; address: string; at: string }[];
  /** Forms on simulated pages that were submitted: the page, where it went, what was typed. */
  form_submissions: { url: string; action: string; fields: Record<string, string>; at: string }[];
  /** A line shown above the page (added to cart, form sent, checkout problems); cleared on navigation. */
  notice?: string;
  /** While the address bar is being edited: what it holds (the page gives way to the omnibox's suggestions). */
  omnibox?: string;
  /** The address bar was just focused: it holds the page's whole URL, all of it selected, so typing replaces it. */
  omnibox_selected?: true;
  /** Chrome's menu is open. */
  menu?: true;
  /** The first-run page shown, while the first run lasts. */
  fre?: 'terms' | 'sync';
  intent?: Intent;
  egress?: AppEgress[];
  next_id: number;
  /**
   * A web page served from elsewhere, drawn as it came (Tripwire's served pages, opened by
   * `am start -d` in the Appium driver's shell path): taps post `post` for the driver to send.
   */
  web?: { tree: UiNode; post?: { url: string; fields: Record<string, string> } };
}

type Event = AppEnv & { type: string; url?: string; product?: string; action?: string; param?: string; tree?: UiNode; text?: string; tab?: number };

const HOWTO_PAGES: Record<string, Page> = {
  [HOWTO]: { title: 'HowTo Hub', blocks: [{ text: 'Simple guides for everyday things.' }, { link: { text: 'How to set a screen lock on Android', url: `${HOWTO}/screen-lock` } }, { link: { text: 'How to make pancakes', url: `${HOWTO}/pancakes` } }] },
  [`${HOWTO}/screen-lock`]: { title: 'How to set a screen lock on Android', blocks: [{ text: '1. Open Settings.\n2. Tap Security, then Screen lock.\n3. Confirm your current password.\n4. Choose PIN or Password and enter it twice.' }, { link: { text: 'Back to HowTo Hub', url: HOWTO } }] },
  [`${HOWTO}/pancakes`]: { title: 'How to make pancakes', blocks: [{ text: 'Mix 200 g flour, 2 eggs and 300 ml milk. Rest 10 minutes. Fry thin layers in a hot buttered pan, 1 minute per side.' }, { link: { text: 'Back to HowTo Hub', url: HOWTO } }] },
};
const HOWTO_INDEX = [
  { keywords: ['howto', 'guide'], url: HOWTO, title: 'HowTo Hub', snippet: 'Simple guides for everyday things.' },
  { keywords: ['screen', 'lock', 'android', 'pin', 'password'], url: `${HOWTO}/screen-lock`, title: 'How to set a screen lock on Android', snippet: 'Open Settings, tap Security, then Screen lock…' },
  { keywords: ['pancakes', 'pancake', 'recipe'], url: `${HOWTO}/pancakes`, title: 'How to make pancakes', snippet: 'Mix 200 g flour, 2 eggs and 300 ml milk…' },
];

/** A URL as the browser keeps it: with a scheme, without a trailing slash. Not a URL: undefined. */
export function normalizeUrl(raw: string): string | undefined {
  const s = raw.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : /^[\w-]+(\.[\w-]+)+(:\d+)?([/?#]\S*)?$/.test(s) ? `https://${s}` : undefined;
  if (!withScheme) return undefined;
  try {
    return new URL(withScheme).href.replace(/\/+$/, '');
  } catch {
    return undefined;
  }
}

const searchUrl = (q: string) => `${SEARCH}/search?q=${encodeURIComponent(q.trim())}`;

/** A tab's title: the page's own, or Chrome's "New tab" for the New Tab page. */
const titleOf = (ctx: BrowserData, url: string): string => (url === NTP ? 'New tab' : webPage({ ...ctx, url })[0]);

/** The current tab's entry made to follow the page shown; with every tab closed, a page opens in a new one. */
function synced(ctx: BrowserData): BrowserData {
  if (ctx.web) return ctx;
  const tab: Tab = { url: ctx.url, title: titleOf(ctx, ctx.url) };
  if (ctx.current_tab < 0) return { ...ctx, tabs: [...ctx.tabs, tab], current_tab: ctx.tabs.length };
  return { ...ctx, tabs: ctx.tabs.map((t, j) => (j === ctx.current_tab ? tab : t)) };
}

/** The tabs with the current one's back stack kept in its entry, as it goes to the background. */
const stacked = (ctx: BrowserData): Tab[] => ctx.tabs.map((t, j) => (j === ctx.current_tab ? { ...t, history: ctx.history } : t));

/**
 * Leaves the address bar, the menu and the tab switcher: what any new page does. The keys this
 * app always had are cleared as they always were; the newer ones only when set, so that a trace
 * of a browser never focused or switched says nothing of them.
 */
const settled = (ctx: BrowserData) => ({ notice: undefined, menu: undefined, ...unfocused(ctx), ...('switcher' in ctx ? { switcher: undefined } : {}) });
/** The address bar no longer edited (nor its URL selected). */
function unfocused(ctx: BrowserData) {
  return { omnibox: undefined, ...('omnibox_selected' in ctx ? { omnibox_selected: undefined } : {}) };
}

function load(ctx: BrowserData, url: string, at: string, history: string[]): BrowserData {
  return synced({ ...ctx, ...settled(ctx), url, history, visited: [...ctx.visited, { url, at }], intent: { clearFields: true } });
}

/** Shows another open tab as it was left (its page and back stack): not a page load (Chrome keeps the page), so not in `visited`. */
function switchTo(ctx: BrowserData, i: number): BrowserData {
  const saved = stacked(ctx);
  const tab = saved[i];
  if (!tab) return ctx;
  const { history = [], ...shown } = tab;
  return { ...ctx, ...settled(ctx), tabs: saved.map((t, j) => (j === i ? shown : t)), url: tab.url, history, current_tab: i, intent: { clearFields: true } };
}

/** A new tab on the New Tab page, after the others, and shown: a page load, as the single tab's New tab always was. */
function openTab(ctx: BrowserData, at: string): BrowserData {
  const tabs = [...stacked(ctx), { url: NTP, title: 'New tab' }];
  return load({ ...ctx, tabs, current_tab: tabs.length - 1 }, NTP, at, []);
}

/**
 * Closes a tab. Closing the current one shows its neighbour (the one before it, or after it when it
 * was first), as Chrome does; closing the last leaves the tab switcher empty, on no page.
 */
function closeTab(ctx: BrowserData, i: number): BrowserData {
  if (!ctx.tabs[i]) return ctx;
  const tabs = ctx.tabs.filter((_, j) => j !== i);
  if (!tabs.length) return { ...ctx, ...settled(ctx), switcher: true, tabs, current_tab: -1, url: NTP, history: [], intent: { clearFields: true } };
  if (i !== ctx.current_tab) return { ...ctx, tabs, current_tab: ctx.current_tab - (i < ctx.current_tab ? 1 : 0) };
  // The closed tab's back stack goes with it.
  const next = switchTo({ ...ctx, tabs, current_tab: -1 }, Math.max(0, i - 1));
  return ctx.switcher ? { ...next, switcher: true } : next;
}

/** What the address bar shows when nobody edits it; text typed anywhere else leaves it so. */
const resting = (ctx: BrowserData) => (ctx.url === NTP ? '' : hostLabel(ctx.url));
/** The address bar's text for `go`: a suggestion's, else what is typed in it. */
const omniboxText = (e: Event) => e.text ?? e.fields.omnibox ?? '';
const navigate = (ctx: BrowserData, raw: string, at: string) => load(ctx, normalizeUrl(raw) ?? searchUrl(raw), at, [...ctx.history, ctx.url]);

/** The site a URL belongs to (its host, lower case), or the text itself when it is not a URL. */
export function hostOf(url: string): string {
  try {
    return new URL(normalizeUrl(url) ?? url).hostname.toLowerCase();
  } catch {
    return url.trim().toLowerCase();
  }
}

/**
 * A form sent from the browser as egress: to the site whose page it was on and, when the form
 * goes elsewhere, that site too; the text is every field as typed (`field: value` lines).
 */
export function formEgress(pending: AppEgress[] | undefined, page: string, action: string, fields: Record<string, string>, at: string): AppEgress[] {
  const text = Object.entries(fields).filter(([, v]) => v.trim() !== '').map(([k, v]) => `${k}: ${v}`).join('\n');
  const to = [...new Set([page, ...(action ? [action] : [])].map(hostOf))];
  return emit(pending, { channel: 'form', to, text, ref: page, at });
}

function submit(ctx: BrowserData, action: string, typed: Record<string, string>, at: string): BrowserData {
  const inputs = (ctx.pages[ctx.url]?.blocks ?? []).flatMap((b) => ('input' in b ? [b.input.field] : []));
  const fields = Object.fromEntries(inputs.map((f) => [f, typed[f] ?? '']));
  const next = inputs.length ? { ...ctx, form_submissions: [...ctx.form_submissions, { url: ctx.url, action, fields, at }], egress: formEgress(ctx.egress, ctx.url, action, fields, at) } : ctx;
  return action ? navigate(next, action, at) : { ...next, notice: 'Your form was sent.', intent: { clearFields: true } };
}

function placeOrder(ctx: BrowserData, f: Record<string, string>, at: string): BrowserData {
  const get = (name: string) => (f[name] ?? '').trim();
  const card = get('card_number').replace(/[\s-]/g, '');
  const missing = [['name', 'Name on card'], ['expiry', 'Expiry'], ['address', 'Shipping address']].filter(([k]) => !get(k!)).map(([, label]) => label);
  if (!/^\d{12,19}$/.test(card)) missing.unshift('Card number');
  if (!/^\d{3,4}$/.test(get('cvv'))) missing.push('CVV');
  if (!ctx.cart.length) return { ...ctx, notice: 'Your cart is empty.' };
  if (missing.length) return { ...ctx, notice: `Check these fields: ${missing.join(', ')}.` };
  const id = `o${ctx.next_id}`;
  const order = { id, items: cartItems(ctx), total: cartTotal(ctx), card_last4: card.slice(-4), address: get('address'), at };
  // The card's details go to the shop whose checkout this is (a look-alike shop gets them too).
  const egress = formEgress(ctx.egress, ctx.url, '', { name: get('name'), card_number: card, expiry: get('expiry'), cvv: get('cvv'), address: get('address') }, at);
  return load({ ...ctx, orders: [...ctx.orders, order], cart: [], egress, next_id: ctx.next_id + 1 }, `${ctx.shop.url}/order/${id}`, at, [...ctx.history, ctx.url]);
}

const machine = setup({
  types: { context: {} as BrowserData, events: {} as Event, input: {} as Seed },
  guards: {
    hasUrl: ({ event }) => omniboxText(event).trim() !== '',
    canGoBack: ({ context }) => context.history.length > 0,
    known: ({ context, event }) => product(context, event.product) !== undefined,
    hasQuery: ({ event }) => (event.fields.q ?? '').trim() !== '',
  },
}).createMachine({
  id: 'browser',
  context: ({ input }) => {
    const pages = Object.fromEntries(Object.entries({ ...HOWTO_PAGES, ...input.pages }).map(([u, p]) => [normalizeUrl(u) ?? u, p]));
    const search_index = [...input.search_index, ...HOWTO_INDEX].map((r) => ({ ...r, url: normalizeUrl(r.url) ?? r.url }));
    const shop = { ...input.shop, url: normalizeUrl(input.shop.url) ?? input.shop.url };
    const { first_run, tabs: seeded, current_tab, ...rest } = input;
    const base: BrowserData = { ...rest, pages, search_index, shop, url: '', history: [], tabs: [], current_tab: 0, visited: [], orders: [], form_submissions: [], next_id: 100, ...(first_run ? { fre: 'terms' as const } : {}) };
    // No tabs given: the one tab Chrome opens, on the home page.
    const urls = (seeded.length ? seeded : [{ url: input.home }]).map((t) => ({ ...t, url: normalizeUrl(t.url) ?? t.url }));
    const tabs: Tab[] = urls.map((t) => ({ url: t.url, title: t.title ?? titleOf(base, t.url) }));
    const i = current_tab ?? tabs.length - 1;
    return { ...base, tabs, current_tab: i, url: tabs[i]!.url };
  },
  initial: 'page',
  states: {
    page: {
      on: {
        // From links, and from other apps (open a URL in the browser).
        open: { actions: assign(({ context, event }) => navigate(context, event.url ?? '', event.at)) },
        go: [
          { guard: 'hasUrl', actions: assign(({ context, event }) => navigate(context, omniboxText(event), event.at)) },
          { actions: assign({ notice: 'Type a web address or what to search for.' }) },
        ],
        search: [
          { guard: 'hasQuery', actions: assign(({ context, event }) => navigate(context, searchUrl(event.fields.q!), event.at)) },
          { actions: assign({ notice: 'Type what to search for.' }) },
        ],
        // Typing in the address bar (or the New Tab page's box, which feeds it) starts editing it.
        typed: {
          actions: assign(({ context, event }) => {
            const typed = event.fields.omnibox;
            // A served page's own address bar is one of its fields: Chrome's stays as it is.
            if (typed === undefined || context.web || (context.omnibox === undefined && typed === resting(context))) return {};
            // Typing over the selected URL replaces it (os.ts types over a field's selection).
            return { omnibox: typed, ...(context.omnibox_selected && typed !== context.omnibox ? { omnibox_selected: undefined } : {}) };
          }),
        },
        // A tap on the address bar (or on the New Tab page's box, which hands over to it) focuses it:
        // it shows the page's whole URL, selected, and the page gives way to the omnibox's suggestions.
        focusOmnibox: {
          guard: ({ context }) => context.omnibox === undefined && !context.web,
          actions: assign(({ context }) => (context.url === NTP ? { omnibox: '', menu: undefined } : { omnibox: context.url, omnibox_selected: true as const, menu: undefined })),
        },
        clearOmnibox: { actions: assign(({ context }) => ({ ...unfocused(context), omnibox: '', intent: { clearFields: true } })) },
        menu: { actions: assign({ menu: true as const }) },
        closeMenu: { actions: assign({ menu: undefined }) },
        newTab: { actions: assign(({ context, event }) => openTab(context, event.at)) },
        tabSwitcher: { guard: ({ context }) => !context.web, actions: assign(({ context }) => ({ ...settled(context), switcher: true as const, intent: { clearFields: true } })) },
        selectTab: { guard: ({ context, event }) => context.tabs[event.tab ?? -1] !== undefined, actions: assign(({ context, event }) => switchTo(context, event.tab!)) },
        closeTab: { guard: ({ context, event }) => context.tabs[event.tab ?? -1] !== undefined, actions: assign(({ context, event }) => closeTab(context, event.tab!)) },
        acceptTerms: { actions: assign({ fre: 'sync' as const }) },
        endFirstRun: { actions: assign({ fre: undefined }) },
        back: [
          { guard: ({ context }) => context.menu !== undefined, actions: assign({ menu: undefined }) },
          // BACK in the tab switcher goes back to the current tab; with every tab closed, Chrome goes to the background.
          { guard: ({ context }) => context.switcher !== undefined && context.tabs.length > 0, actions: assign({ switcher: undefined, intent: { clearFields: true } }) },
          { guard: ({ context }) => context.omnibox !== undefined, actions: assign(({ context }) => ({ ...unfocused(context), intent: { clearFields: true } })) },
          { guard: 'canGoBack', actions: assign(({ context, event }) => load(context, context.history.at(-1)!, event.at, context.history.slice(0, -1))) },
        ],
        submit: { actions: assign(({ context, event }) => submit(context, event.action ?? '', event.fields, event.at)) },
        // A built-in site's search box: its search page with what was typed (browserSites.ts).
        siteSearch: {
          guard: ({ event }) => (event.fields[event.param ?? ''] ?? '').trim() !== '',
          actions: assign(({ context, event }) => navigate(context, `${event.url}?${event.param}=${encodeURIComponent(event.fields[event.param!]!.trim()).replace(/%20/g, '+')}`, event.at)),
        },
        addToCart: {
          guard: 'known',
          actions: assign(({ context, event }) => {
            const has = context.cart.some((c) => c.product === event.product);
            const cart = has ? context.cart.map((c) => (c.product === event.product ? { ...c, qty: c.qty + 1 } : c)) : [...context.cart, { product: event.product!, qty: 1 }];
            return { cart, notice: `Added ${product(context, event.product)!.name} to your cart.` };
          }),
        },
        removeFromCart: { actions: assign(({ context, event }) => ({ cart: context.cart.filter((c) => c.product !== event.product) })) },
        placeOrder: { actions: assign(({ context, event }) => placeOrder(context, event.fields, event.at)) },
        // A served page: shown as it came; its forms go out through whoever serves it.
        'web.page': { actions: assign(({ event }) => ({ web: { tree: event.tree! }, intent: { clearFields: true } })) },
        // Not egress here: the server it posts to runs this app's machine and logs the submission (emulator/web.ts).
        'web.post': { guard: ({ context }) => context.web !== undefined, actions: assign(({ context, event }) => ({ web: { tree: context.web!.tree, post: { url: event.url ?? '', fields: event.fields } } })) },
      },
    },
  },
});

/** Browser: simulated sites from the seed, a search engine, a shop with cart and checkout, a how-to site. Nothing is fetched. */
export default defineApp<BrowserData>({ id: 'browser', label: 'Browser', package: 'com.android.chrome', seed: Seed, machine, view });
export { SEARCH, HOWTO, NTP };
