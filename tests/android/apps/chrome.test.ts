import { describe, expect, it } from 'vitest';
import { VirtualPhone } from '../../../android/phone/device.ts';
import { apps } from '../../../android/phone/index.ts';
import { CHROME, DP } from '../../../android/phone/look.ts';
import { sceneOf } from '../../../android/phone/scene.ts';
import { composeScreen } from '../../../android/phone/screen.ts';
import { drivePhone, seedErrors } from '../../support/phone.ts';

const seed = {
  apps: {
    browser: {
      pages: {
        'https://club.example/join': { title: 'Join the club', blocks: [{ text: 'Members only.' }, { input: { field: 'email', hint: 'Your email' } }, { button: { text: 'Join' } }] },
      },
    },
  },
};

const ids = (p: ReturnType<typeof drivePhone>) => p.observation().elements.map((e) => e.resource_id).filter(Boolean);

describe('Chrome as UiAutomator2 shows it', () => {
  it("opens on the New Tab page: Chrome's toolbar, search_box_text with its hint as text, most-visited tiles; no Go button", () => {
    const p = drivePhone(seed);
    p.openApp('Browser');
    expect(ids(p)).toEqual(expect.arrayContaining([
      'com.android.chrome:id/home_button', 'com.android.chrome:id/url_bar', 'com.android.chrome:id/tab_switcher_button',
      'com.android.chrome:id/menu_button', 'com.android.chrome:id/search_box_text', 'com.android.chrome:id/tile_view_title',
    ]));
    expect(p.find('search_box_text')).toMatchObject({ class: 'EditText', text: 'Search or type web address' });
    expect(p.find('menu_button').content_description).toBe('Customize and control Google Chrome');
    expect(p.has('Go') || p.has({ desc: 'Go' }) || ids(p).some((id) => id.endsWith('/go'))).toBe(false);
  });

  it('the page is a WebView titled with the page, its elements carrying the HTML ids without a package; url_bar shows the host', () => {
    const p = drivePhone(seed);
    p.openApp('Browser');
    p.type('url_bar', 'club.example/join');
    p.enter();
    const els = p.observation().elements;
    expect(els.find((e) => e.class === 'WebView')?.text).toBe('Join the club');
    expect(p.find('url_bar').text).toBe('club.example');
    expect(p.find('location_bar_status_icon').content_description).toBe('Connection is secure');
    // A field's id is its HTML id, whole: no com.android.chrome:id/ prefix, as Chrome's accessibility bridge gives it.
    expect(els.find((e) => e.class === 'EditText' && e.text === 'Your email')?.resource_id).toBe('email');
    expect(els.find((e) => e.text === 'Members only.')).toMatchObject({ class: 'TextView', resource_id: '' });
    expect(els.find((e) => e.text === 'Join' && e.class === 'Button')?.resource_id).toBe('');
  });

  it("typing in the New Tab page's box edits the address bar: suggestions replace the page, a suggestion's tap or enter goes, BACK stops editing", () => {
    const p = drivePhone(seed);
    p.openApp('Browser');
    p.type('search_box_text', 'club.example/join');
    expect(p.has('search_box_text')).toBe(false);
    expect(p.find('url_bar')).toMatchObject({ text: 'club.example/join' });
    expect(p.has('home_button')).toBe(false);
    expect(p.observation().elements.filter((e) => e.resource_id.endsWith('/line_1')).map((e) => e.text)).toEqual(['club.example/join', 'club.example/join']);
    p.back();
    expect(p.has('search_box_text')).toBe(true);
    expect(p.app('browser').visited).toEqual([]);
    p.type('url_bar', 'club.example/join');
    p.tap({ desc: 'https://club.example/join, Open page' });
    expect(p.app('browser').url).toBe('https://club.example/join');
    p.type('url_bar', 'garden hose');
    p.enter();
    expect(p.app('browser').url).toBe('https://search.example.com/search?q=garden%20hose');
  });

  it("the menu is a popup window of its own; its New tab opens the New Tab page, BACK closes it", async () => {
    const p = drivePhone(seed);
    p.openApp('Browser');
    p.type('url_bar', 'club.example/join');
    p.enter();
    p.tap('menu_button');
    expect(p.observation().elements.map((e) => e.text)).toContain('History');
    p.back();
    expect(p.has('History')).toBe(false);
    p.tap('menu_button');
    p.tap('New tab');
    expect(p.has('search_box_text')).toBe(true);
    p.tap('optional_toolbar_button');
    expect(p.app('browser').url).toBe('chrome-native://newtab');
  });

  it('a scenario can turn on the first run: Accept & continue (terms_accept), then No thanks (negative_button), then the browser', () => {
    const p = drivePhone({ apps: { browser: { ...seed.apps.browser, first_run: true } } });
    p.openApp('Browser');
    expect(p.texts()).toContain('Welcome to Chrome');
    expect(p.has('url_bar')).toBe(false);
    p.tap('terms_accept');
    expect(p.find('negative_button').text).toBe('No thanks');
    p.tap('No thanks');
    expect(p.has('search_box_text')).toBe(true);
    expect(drivePhone(seed).app('browser').fre).toBeUndefined();
  });

  it('the page source nests the WebView as Chrome does (coordinator > compositor_view_holder > WebView) and holds the toolbar ids', async () => {
    const phone = new VirtualPhone();
    await phone.reset(seed);
    await phone.perform({ action: 'open_app', name: 'Browser' });
    const xml = await phone.pageSource();
    expect(xml).toMatch(/resource-id="com\.android\.chrome:id\/coordinator"[\s\S]*resource-id="com\.android\.chrome:id\/control_container"[\s\S]*resource-id="com\.android\.chrome:id\/compositor_view_holder"/);
    expect(xml).toContain('content-desc="See 1 tab"');
  });

  it("a served page (the driver's web view) keeps its own address bar: typing in it does not start Chrome's omnibox editing", async () => {
    const phone = new VirtualPhone();
    await phone.reset({});
    await phone.perform({ action: 'open_app', name: 'Browser' });
    const tree = { class: 'android.widget.LinearLayout', children: [{ class: 'android.widget.EditText', field: 'omnibox', text: 'https://club.example', hint: '', id: 'url_bar', clickable: true, onEnter: { type: 'web.post', url: '/event?__event=go' } }] };
    expect(await phone.event({ type: 'web_page', tree, at: phone.context.now })).toEqual({ ok: true });
    const bar = (await phone.elements()).elements.filter((e) => e.resource_id.endsWith('url_bar'));
    expect(bar).toHaveLength(1);
    expect(await phone.perform({ action: 'replace_text', index: bar[0]!.numeric_tag, text: 'club.example/join' })).toEqual({ ok: true });
    expect((phone.context.apps.browser as { omnibox?: string }).omnibox).toBeUndefined();
    expect((await phone.elements()).elements.some((e) => e.resource_id.endsWith('/line_1'))).toBe(false);
  });
});

describe("Chrome's address bar when focused", () => {
  const pancakes = { apps: { browser: { ...seed.apps.browser, home: 'https://howto.example.com/pancakes' } } };

  it('at rest shows the host; a tap focuses it with the whole URL as its text, all of it selected, and zero-suggest offers the page', async () => {
    const phone = new VirtualPhone();
    await phone.reset(pancakes);
    await phone.perform({ action: 'open_app', name: 'Browser' });
    const bar = (xml: string) => xml.split('\n').find((l) => l.includes('resource-id="com.android.chrome:id/url_bar"'))!;
    expect(bar(await phone.pageSource())).toMatch(/text="howto\.example\.com" .*focused="false"/);
    expect(bar(await phone.pageSource())).not.toContain('selection-start');
    const tag = (await phone.elements()).elements.find((e) => e.resource_id.endsWith('/url_bar'))!.numeric_tag;
    expect(await phone.perform({ action: 'tap', index: tag })).toEqual({ ok: true });
    const url = 'https://howto.example.com/pancakes';
    expect(bar(await phone.pageSource())).toMatch(new RegExp(`text="${url}" .*focused="true" .*selection-start="0" selection-end="${url.length}" selected="false"`));
    const els = (await phone.elements()).elements;
    expect(els.find((e) => e.resource_id.endsWith('/url_bar'))?.text).toBe(url);
    // The page gives way to the omnibox: its title over its URL, as Chrome's "what you're viewing" row.
    expect(els.filter((e) => /\/line_[12]$/.test(e.resource_id)).map((e) => e.text)).toEqual(['How to make pancakes', url]);
    expect(els.some((e) => e.resource_id.endsWith('/home_button'))).toBe(false);
  });

  it('typing replaces the selected URL (append_text too), and enter with the URL untouched reloads the page', () => {
    const p = drivePhone(pancakes);
    p.openApp('Browser');
    p.tap('url_bar');
    p.ok('append_text', { index: p.find('url_bar').numeric_tag, text: 'howto.example.com' });
    expect(p.find('url_bar').text).toBe('howto.example.com');
    expect(p.app('browser').omnibox).toBe('howto.example.com');
    expect(p.app('browser').omnibox_selected).toBeUndefined();
    p.enter();
    expect(p.app('browser').url).toBe('https://howto.example.com');
    expect(p.find('url_bar').text).toBe('howto.example.com');
    p.tap('url_bar');
    p.enter();
    expect(p.app('browser').url).toBe('https://howto.example.com');
    expect(p.app('browser').visited.map((v: { url: string }) => v.url)).toEqual(['https://howto.example.com', 'https://howto.example.com']);
  });

  it('BACK leaves it unfocused, showing the host again; on the New Tab page a tap on its box focuses the address bar, empty', () => {
    const p = drivePhone(pancakes);
    p.openApp('Browser');
    p.tap('url_bar');
    p.back();
    expect(p.find('url_bar').text).toBe('howto.example.com');
    expect(p.has('home_button')).toBe(true);
    const q = drivePhone(seed);
    q.openApp('Browser');
    q.tap('search_box_text');
    expect(q.has('search_box_text')).toBe(false);
    expect(q.find('url_bar').text).toBe('Search or type URL');
    q.type('url_bar', 'club.example/join');
    q.enter();
    expect(q.app('browser').url).toBe('https://club.example/join');
  });
});

describe("Chrome's tabs", () => {
  const two = { apps: { browser: { ...seed.apps.browser, tabs: [{ url: 'https://club.example/join' }, { url: 'howto.example.com/pancakes', title: 'Pancakes' }] } } };
  const cards = (p: ReturnType<typeof drivePhone>) => p.observation().elements.filter((e) => e.resource_id.endsWith('/tab_title')).map((e) => e.text);

  it('a seed without tabs is one tab on the home page; seeded tabs open on the last, the button counting them', () => {
    const one = drivePhone(seed);
    one.openApp('Browser');
    expect(one.app('browser')).toMatchObject({ tabs: [{ url: 'chrome-native://newtab', title: 'New tab' }], current_tab: 0 });
    expect(one.find('tab_switcher_button').content_description).toBe('See 1 tab');
    const p = drivePhone(two);
    p.openApp('Browser');
    expect(p.app('browser')).toMatchObject({ url: 'https://howto.example.com/pancakes', current_tab: 1, tabs: [{ url: 'https://club.example/join', title: 'Join the club' }, { title: 'Pancakes' }] });
    expect(p.find('tab_switcher_button').content_description).toBe('See 2 tabs');
    expect(drivePhone({ apps: { browser: { ...two.apps.browser, current_tab: 0 } } }).app('browser').url).toBe('https://club.example/join');
  });

  it('the tab switcher shows a card per tab (title, "Close <title> tab"), the count and New tab; a card shows its tab as it was left', () => {
    const p = drivePhone(two);
    p.openApp('Browser');
    p.tap('tab_switcher_button');
    expect(cards(p)).toEqual(['Join the club', 'Pancakes']);
    expect(p.find('tab_count').content_description).toBe('2 open tabs');
    expect(p.has({ desc: 'Close Join the club tab' })).toBe(true);
    expect(p.has('url_bar')).toBe(false);
    p.tap({ desc: 'Join the club' });
    expect(p.app('browser')).toMatchObject({ url: 'https://club.example/join', current_tab: 0 });
    expect(p.app('browser').switcher).toBeUndefined();
    expect(p.find('url_bar').text).toBe('club.example');
    // Switching shows a kept page: not a page load.
    expect(p.app('browser').visited).toEqual([]);
    // Each tab keeps its own back stack.
    p.type('url_bar', 'howto.example.com');
    p.enter();
    p.tap('tab_switcher_button');
    p.tap('Pancakes');
    p.tap('tab_switcher_button');
    p.tap('HowTo Hub');
    p.back();
    expect(p.app('browser').url).toBe('https://club.example/join');
    expect(cards(drivePhone(two))).toEqual([]);
  });

  it('closing a tab removes its card and counts one fewer; closing the current one shows its neighbour; New tab opens the New Tab page in a new tab', () => {
    const p = drivePhone(two);
    p.openApp('Browser');
    p.tap('tab_switcher_button');
    p.tap({ desc: 'Close Pancakes tab' });
    expect(cards(p)).toEqual(['Join the club']);
    expect(p.app('browser')).toMatchObject({ url: 'https://club.example/join', current_tab: 0 });
    p.tap('toolbar_action_button');
    expect(p.has('search_box_text')).toBe(true);
    expect(p.app('browser')).toMatchObject({ url: 'chrome-native://newtab', current_tab: 1, history: [] });
    expect(p.find('tab_switcher_button').content_description).toBe('See 2 tabs');
    p.tap('optional_toolbar_button');
    expect(p.find('tab_switcher_button').content_description).toBe('See 3 tabs');
    p.tap('tab_switcher_button');
    expect(cards(p)).toEqual(['Join the club', 'New tab', 'New tab']);
    p.back();
    expect(p.has('search_box_text')).toBe(true);
  });

  it('with every tab closed the switcher is empty and BACK leaves Chrome; a link from elsewhere then opens in a new tab', () => {
    const p = drivePhone(seed);
    p.openApp('Browser');
    p.tap('tab_switcher_button');
    p.tap({ desc: 'Close New tab tab' });
    expect(p.texts()).toContain('No open tabs');
    expect(p.app('browser')).toMatchObject({ tabs: [], current_tab: -1 });
    p.back();
    expect(p.observation().app).not.toBe('Browser');
    p.openApp('Browser');
    p.tap('toolbar_action_button');
    expect(p.app('browser')).toMatchObject({ tabs: [{ url: 'chrome-native://newtab' }], current_tab: 0 });
  });

  it('a seed naming a tab that is not there fails with its path', () => {
    expect(seedErrors({ apps: { browser: { tabs: [{ url: 'https://club.example/join' }], current_tab: 1 } } })).toEqual([expect.stringMatching(/^apps\.browser\.current_tab: no tab 1/)]);
  });
});

describe("Chrome's toolbar in the picture", () => {
  it('draws the tab count in the tab switcher square and the selected URL on the selection colour', () => {
    const p = drivePhone({ apps: { browser: { tabs: [{ url: 'https://howto.example.com' }, { url: 'https://howto.example.com/pancakes' }] } } });
    p.openApp('Browser');
    const items = () => sceneOf(composeScreen(p.state(), apps).display).items;
    const page = items();
    const square = page.find((i) => i.kind === 'rect' && i.stroke !== undefined && !i.fill && i.radius === 4 * DP);
    expect(square).toBeDefined();
    expect(page.find((i) => i.kind === 'text' && i.text === '2')).toMatchObject({ box: square && 'box' in square ? square.box : [] });
    expect(items().some((i) => i.kind === 'icon' && i.path === CHROME.icons.lock)).toBe(true);
    expect(items().some((i) => i.kind === 'text' && i.highlight)).toBe(false);
    p.tap('url_bar');
    expect(items().find((i) => i.kind === 'text' && i.highlight)).toMatchObject({ text: 'https://howto.example.com/pancakes', highlight: CHROME.selection });
    p.back();
    p.tap('tab_switcher_button');
    expect(items().filter((i) => i.kind === 'rect' && i.stroke === CHROME.accent && i.line === 3 * DP)).toHaveLength(1);
  });
});
