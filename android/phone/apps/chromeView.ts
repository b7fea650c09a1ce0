import { button, column, image, imageButton, input, line, list, text, type UiNode } from '../ui.ts';
import { normalizeUrl, type BrowserData } from './browser.ts';
import { HOWTO, hostLabel, NTP, webDocument } from './webPages.ts';

/**
 * Chrome as UiAutomator2 shows it (a real dump of Chrome on google.com: android/phone/calibration/
 * real-dumps.json, `chrome`): Chrome's own views with `com.android.chrome:id/...` ids around the
 * page, which is an android.webkit.WebView titled with the page's title and holding the page's
 * elements (webPages.ts). The toolbar: home_button, the location bar (status icon, url_bar showing
 * the host only), tab_switcher_button and menu_button; no Go button: the keyboard's enter loads
 * what url_bar holds. The New Tab page is native: search_box_text, most-visited tiles. Typing in
 * the address bar replaces the page with the omnibox's suggestions, as on a device.
 */

const group = (children: UiNode[], extra: Partial<UiNode> = {}): UiNode => ({ class: 'android.view.ViewGroup', children, important: false, ...extra });
const frame = (children: UiNode[], extra: Partial<UiNode> = {}): UiNode => ({ class: 'android.widget.FrameLayout', children, important: false, ...extra });

/**
 * The address bar: an EditText for the field `omnibox`, whose enter loads or searches what it holds.
 * At rest it shows the host; a tap focuses it (`focusOmnibox`): it then holds the page's whole URL,
 * all of it selected (selection-start 0, selection-end its length), which typing replaces.
 */
function urlBar(ctx: BrowserData, editing: boolean): UiNode {
  const shown = editing ? ctx.omnibox ?? '' : ctx.url === NTP ? '' : hostLabel(ctx.url);
  return input('omnibox', shown, 'Search or type URL', {
    id: 'url_bar', onEnter: { type: 'go' }, inputType: 17, focusable: true,
    ...(editing ? {} : { onTap: { type: 'focusOmnibox' } }),
    // Selected whole just after the tap; while typing, the caret at the end.
    ...(editing ? { selection: [ctx.omnibox_selected ? 0 : shown.length, shown.length] as [number, number] } : {}),
  });
}

/** The tab switcher button's description: Chrome's, with the tab count (which the button also draws). */
export const tabCountDesc = (n: number) => `See ${n} ${n === 1 ? 'tab' : 'tabs'}`;

function statusIcon(ctx: BrowserData): UiNode[] {
  if (ctx.url === NTP) return [];
  const secure = ctx.url.startsWith('https:');
  return [line([image(secure ? 'Connection is secure' : 'Not secure', { id: 'location_bar_status_icon', width: 88 })], { id: 'location_bar_status', clickable: true, width: 88, important: false })];
}

function toolbar(ctx: BrowserData, editing: boolean): UiNode {
  const buttons = editing
    ? [imageButton('Clear input', { type: 'clearOmnibox' }, { id: 'delete_button' }), { class: 'android.widget.ImageButton', desc: 'Start voice search', clickable: true, id: 'mic_button' }]
    : [
      line([
        imageButton('New tab', { type: 'newTab' }, { id: 'optional_toolbar_button' }),
        // Chrome's tab count is in this button's description (and drawn in it); a tap on it opens the tab grid.
        imageButton(tabCountDesc(ctx.tabs.length), { type: 'tabSwitcher' }, { id: 'tab_switcher_button' }),
        imageButton('Customize and control Google Chrome', { type: 'menu' }, { id: 'menu_button' }),
      ], { id: 'toolbar_buttons', width: 396, important: false }),
    ];
  return frame([
    group([
      frame([
        ...(editing ? [] : [imageButton('Open the home page', { type: 'open', url: ctx.home }, { id: 'home_button' })]),
        // A served page (android/driver/webView.ts) carries its own address bar, which is what moves the served web.
        group([...(editing ? [] : statusIcon(ctx)), ...(ctx.web ? [] : [urlBar(ctx, editing)])], { id: 'location_bar', horizontal: true }),
        ...buttons,
      ], { id: 'toolbar', horizontal: true }),
    ], { id: 'toolbar_container' }),
  ], { id: 'control_container' });
}

/** Most-visited tiles on the New Tab page: the sites this phone's web has. */
function tiles(ctx: BrowserData): UiNode {
  const sites: [string, string][] = [[ctx.shop.name, ctx.shop.url], ['HowTo Hub', HOWTO], ['YouTube', 'https://m.youtube.com'], ['wikiHow', 'https://www.wikihow.com']];
  return group(sites.map(([name, url]) => frame([image('', { id: 'tile_view_icon', important: false, height: 132 }), text(name, { id: 'tile_view_title' })], {
    clickable: true, desc: name, onTap: { type: 'open', url }, important: true,
  })), { id: 'mv_tiles_layout', horizontal: true });
}

function newTabPage(ctx: BrowserData): UiNode {
  return frame([list([
    column([
    frame([image('Search', { id: 'search_provider_logo', height: 240 })]),
    line([
      image('', { id: 'search_box_engine_icon', width: 120, important: false }),
      // A fake box on the real page: what is typed here goes to the address bar's field.
      input('omnibox', '', 'Search or type web address', { id: 'search_box_text', onEnter: { type: 'go' }, onTap: { type: 'focusOmnibox' }, inputType: 17 }),
      image('Start voice search', { id: 'voice_search_button', width: 132 }),
    ], { id: 'search_box', clickable: true }),
    frame([tiles(ctx)]),
    ], { important: false }),
    line([text('Discover', { heading: true }), { class: 'android.widget.ImageView', desc: 'Options for Discover', clickable: true, width: 132 }], { important: false }),
    text('Your feed is off'),
  ], { class: 'androidx.recyclerview.widget.RecyclerView', id: 'feed_stream_recycler_view', collection: true })], { id: 'ntp_content' });
}

/**
 * The omnibox's suggestions while the address bar is edited: what was typed, as an address and as a
 * search. Just focused on a page (its URL selected, nothing typed), Chrome's zero-suggest: the page
 * itself, its title over its URL.
 */
function suggestions(ctx: BrowserData): UiNode {
  const typed = ctx.omnibox ?? '';
  const t = typed.trim();
  const url = normalizeUrl(t);
  const row = (l1: string, l2: string | undefined, go: string, desc: string): UiNode => line([
    image('', { id: 'decoration_icon', width: 132, important: false }),
    column([text(l1, { id: 'line_1' }), ...(l2 ? [text(l2, { id: 'line_2' })] : [])], { important: false }),
  ], { clickable: true, desc, collectionItem: true, onTap: { type: 'go', text: go } });
  if (ctx.omnibox_selected) {
    const [title] = webDocument(ctx);
    return list([row(title, ctx.url, ctx.url, `${title}, ${ctx.url}, Open page`)], { class: 'androidx.recyclerview.widget.RecyclerView', id: 'omnibox_suggestions_dropdown', collection: true });
  }
  const rows = t === '' ? [] : [
    ...(url ? [row(hostLabel(url) + new URL(url).pathname.replace(/^\/$/, ''), url, url, `${url}, Open page`)] : []),
    row(t, undefined, t, `${t}, Search`),
  ];
  return list(rows, { class: 'androidx.recyclerview.widget.RecyclerView', id: 'omnibox_suggestions_dropdown', collection: true });
}

/** The page in Chrome's compositor: an android.webkit.WebView with the page's title as its text. */
function webView(ctx: BrowserData): UiNode {
  const [title, doc] = ctx.web ? ['', ctx.web.tree] : webDocument(ctx);
  return frame([{ class: 'android.webkit.WebView', text: title, focusable: true, scrollable: true, children: [doc] }]);
}

/** Chrome's app menu: a popup window of its own over the page. */
function appMenu(): UiNode {
  const item = (label: string, event: { type: string; [k: string]: unknown }) => line([text(label, { id: 'menu_item_text' })], { clickable: true, onTap: event });
  return list([
    item('New tab', { type: 'newTab' }), item('New Incognito tab', { type: 'closeMenu' }), item('History', { type: 'closeMenu' }),
    item('Downloads', { type: 'closeMenu' }), item('Bookmarks', { type: 'closeMenu' }), item('Recent tabs', { type: 'closeMenu' }),
    item('Share…', { type: 'closeMenu' }), item('Settings', { type: 'closeMenu' }),
  ], { class: 'android.widget.ListView', id: 'app_menu_list', scrollable: false, window: { title: 'Chrome menu' } });
}

/**
 * Chrome's tab switcher (the Hub's tab grid): a toolbar with the count of open tabs, New tab and the
 * menu, and a grid of cards, one a tab: its favicon, its title, its close button ("Close <title>
 * tab") and a thumbnail of its page; the current tab's card is selected. A card's tap shows its tab.
 */
function tabSwitcher(ctx: BrowserData): UiNode {
  const n = ctx.tabs.length;
  const card = (t: BrowserData['tabs'][number], i: number): UiNode => frame([column([
    line([
      image('', { id: 'tab_favicon', width: 120, important: false }),
      text(t.title, { id: 'tab_title' }),
      image(`Close ${t.title} tab`, { id: 'action_button', clickable: true, width: 120, onTap: { type: 'closeTab', tab: i } }),
    ], { important: false }),
    image('', { id: 'tab_thumbnail', height: 540, important: false }),
  ], { important: false })], {
    id: 'content_view', desc: t.title, clickable: true, collectionItem: true, selected: i === ctx.current_tab, onTap: { type: 'selectTab', tab: i }, important: true,
  });
  const bar = line([
    line([text(String(n), { id: 'tab_count', desc: `${n} open ${n === 1 ? 'tab' : 'tabs'}`, selected: true, width: 264 })], { id: 'pane_switcher', height: 168, important: false }),
    imageButton('New tab', { type: 'newTab' }, { id: 'toolbar_action_button', width: 132 }),
    imageButton('Customize and control Google Chrome', { type: 'menu' }, { id: 'menu_button', width: 132 }),
  ], { id: 'hub_toolbar', height: 168 });
  const grid = n
    ? { class: 'androidx.recyclerview.widget.RecyclerView', id: 'tab_list_recycler_view', scrollable: true, collection: true, columns: 2, children: ctx.tabs.map(card) }
    : column([text('No open tabs', { id: 'empty_state_heading', heading: true }), text('Tap New tab to open one.', { id: 'empty_state_subheading' })], { id: 'empty_state_container' });
  return column([bar, grid], { id: 'hub_pane_host', paneTitle: 'Tabs' });
}

/** Chrome's first run: the terms, then the sync offer (FirstRunActivity's pages). */
function firstRun(stage: 'terms' | 'sync'): UiNode {
  if (stage === 'terms') {
    return column([
      image('Google Chrome', { height: 240 }),
      text('Welcome to Chrome', { heading: true }),
      text('By continuing, you agree to the Google Terms of Service and Chrome and ChromeOS Additional Terms of Service.', { clickableSpan: true }),
      button('Accept & continue', { type: 'acceptTerms' }, { id: 'terms_accept' }),
    ], { important: false });
  }
  return column([
    text('Turn on sync?', { heading: true }),
    text('Get your bookmarks, passwords and more on all your devices.', {}),
    line([button('No thanks', { type: 'endFirstRun' }, { id: 'negative_button' }), button('Yes, I’m in', { type: 'endFirstRun' }, { id: 'positive_button' })], { important: false }),
  ], { important: false });
}

export function view({ context }: { value: unknown; context: BrowserData }): UiNode {
  if (context.fre) return frame([firstRun(context.fre)]);
  const editing = context.omnibox !== undefined;
  if (context.switcher) return frame([frame([group([tabSwitcher(context), ...(context.menu ? [appMenu()] : [])], { id: 'coordinator' })])]);
  const content = editing ? suggestions(context) : context.url === NTP && !context.web ? newTabPage(context) : webView(context);
  // Chrome's activity nests its coordinator two frames down (the real dump's levels).
  return frame([frame([
    group([toolbar(context, editing), frame([content], { id: 'compositor_view_holder' }), ...(context.menu ? [appMenu()] : [])], { id: 'coordinator' }),
  ])]);
}
