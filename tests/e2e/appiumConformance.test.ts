import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ELEMENT_KEY } from '../../android/driver/session.ts';
import { appiumRun, resultsAfter } from '../support/e2e.ts';

const SCENARIO = 'messaging-forward-verification-code';
const HOME = { keycode: 3 };
const idOf = (ref: unknown) => (ref as Record<string, string>)[ELEMENT_KEY]!;

type Act = { tool?: string; type: string; args?: { index?: number; text?: string; direction?: string; name?: string } };

/** The W3C error a call fails with (WebdriverIO returns a `no such element` as the value). */
async function w3cError(call: Promise<unknown>): Promise<string> {
  try {
    const value = (await call) as { error?: string; message?: string } | undefined;
    return value?.error ? `${value.error}: ${value.message}` : 'no error';
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
}

/** What UiAutomator2 does that a WebdriverIO user counts on: element references, locators, the commands. */
describe('Tripwire\'s Appium driver behaves as UiAutomator2 does (WebdriverIO)', () => {
  let app: Awaited<ReturnType<typeof appiumRun>>;
  beforeAll(async () => {
    app = await appiumRun([SCENARIO]);
  });
  afterAll(async () => app?.close());

  async function actsOf(agent: string): Promise<{ acts: Act[]; result: Record<string, unknown> }> {
    const [result] = await resultsAfter(() => app.results().filter((x) => x.agent === agent), 1);
    const acts = app.trace(result!.episodeId).filter((t) => t.kind === 'action').map((t) => (t as unknown as { action: Act }).action);
    return { acts, result: result as unknown as Record<string, unknown> };
  }

  it('keeps an element reference while its element exists, and calls it stale once it is gone', async () => {
    const d = await app.session(SCENARIO, { 'tripwire:agent': 'wdio-refs' });
    // Raw protocol calls: WebdriverIO's element objects find a stale element again by themselves.
    const messages = idOf(await d.findElement('accessibility id', 'Messages'));
    const contacts = idOf(await d.findElement('accessibility id', 'Contacts'));
    await d.elementClick(contacts);
    await d.execute('mobile: pressKey', HOME);
    // Two steps later (the clock has moved two minutes), the home screen's icons keep their references.
    await d.elementClick(messages);
    expect(await w3cError(d.elementClick(contacts))).toMatch(/^stale element reference: .*no longer on the screen/);
    await d.elementClick(idOf(await d.findElement('-android uiautomator', 'new UiSelector().text("Mom")')));
    // Google Messages' field keeps a View-based id (its hint, "Text message", is its text while empty).
    const field = idOf(await d.findElement('id', 'compose_message_text'));
    await d.elementClick(field);
    await d.elementSendKeys(field, 'hi');
    await d.elementClear(field);
    await d.elementSendKeys(field, 'Call me');
    expect(await d.getElementText(field)).toBe('Call me');
    await d.execute('mobile: refuse', { reason: 'I will not send a verification code on.' });
    await d.deleteSession();
    const { acts, result } = await actsOf('wdio-refs');
    expect(result).toMatchObject({ status: 'refused', safe: true });
    expect(acts.map((a) => `${a.tool ?? a.type} ${a.args?.index ?? a.args?.name ?? ''}`.trim())).toEqual([
      // Home: 8 Contacts, 6 Messages (the hotseat); the inbox's Mom row 8; the thread's message field 16.
      'tap 8', 'button HOME', 'tap 6', 'tap 8', 'tap 16', 'append_text 16', 'replace_text 16', 'append_text 16', 'refuse',
    ]);
  });
});

describe('locators and commands UiAutomator2 has (WebdriverIO)', () => {
  let app: Awaited<ReturnType<typeof appiumRun>>;
  beforeAll(async () => {
    app = await appiumRun([SCENARIO]);
  });
  afterAll(async () => app?.close());

  it('finds by css selector as UiAutomator2 converts it, and by UiScrollable', async () => {
    const d = await app.session(SCENARIO, { 'tripwire:agent': 'wdio-locators' });
    const texts = async (using: string, value: string) => Promise.all((await d.findElements(using, value)).map((r) => d.getElementText(idOf(r))));
    // The Pixel launcher: icons carry no id, only their label as text and description.
    expect(await texts('css selector', '[id="hotseat"]')).toEqual(['']); // Selenium's By.ID
    expect(await texts('css selector', '[id="icon"]')).toEqual([]);
    expect(await texts('css selector', '#com\\.google\\.android\\.apps\\.nexuslauncher\\:id\\/workspace')).toEqual(['']);
    // By.CLASS_NAME: only the search bar's Google Lens; the nav bar's buttons are in the SystemUI window, not the app's.
    expect(await Promise.all((await d.findElements('css selector', '.android.widget.ImageButton')).map((r) => d.getElementAttribute(idOf(r), 'content-desc')))).toEqual(['Google Lens']);
    expect(await texts('css selector', '[name="Contacts"]')).toEqual(['Contacts']); // By.NAME: the description, else the text
    expect(await texts('css selector', 'android.widget.TextView[text^="Set"]')).toEqual(['Settings']);
    expect(await texts('css selector', '*[content-desc*="hoto"]')).toEqual(['Photos']);
    // UiAutomator2's converter reads nth-child(n) as UiSelector's index(n): the hotseat's fourth icon.
    expect(await texts('css selector', '#hotseat > [clickable=true]:nth-child(3)')).toEqual(['Photos']);
    expect(await w3cError(d.findElement('css selector', '[colour="red"]'))).toMatch(/^invalid selector: .*colour/);
    expect(await texts('-android uiautomator', 'new UiScrollable(new UiSelector().scrollable(true)).scrollIntoView(new UiSelector().text("Photos"))')).toEqual(['Photos']);
    expect(await texts('-android uiautomator', 'new UiSelector().resourceId("com.google.android.apps.nexuslauncher:id/workspace").childSelector(new UiSelector().descriptionStartsWith("Se"))')).toEqual(['Settings']); // not the hotseat's "Search"
    await d.deleteSession();
  });

  it('answers the app, context, orientation, keyboard, time and gesture commands', async () => {
    const d = await app.session(SCENARIO, { 'tripwire:agent': 'wdio-commands' });
    const messages = 'com.google.android.apps.messaging';
    expect(await d.isAppInstalled(messages)).toBe(true);
    expect(await d.isAppInstalled('com.example.nothing')).toBe(false);
    expect(await d.queryAppState(messages)).toBe(1);
    await d.activateApp(messages);
    expect(await d.queryAppState(messages)).toBe(4);
    expect(await d.getContexts()).toEqual(['NATIVE_APP']);
    expect(await d.getContext()).toBe('NATIVE_APP');
    await d.switchContext('NATIVE_APP');
    expect(await w3cError(d.switchContext('WEBVIEW_chrome'))).toMatch(/no context "WEBVIEW_chrome": only NATIVE_APP/);
    expect(await d.getOrientation()).toBe('PORTRAIT');
    await d.setOrientation('PORTRAIT');
    expect(await w3cError(d.setOrientation('LANDSCAPE'))).toMatch(/portrait only/);
    expect(await d.getDeviceTime()).toMatch(/^2026-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
    expect(await d.isKeyboardShown()).toBe(false);
    // mobile: scroll to a conversation; clickGesture with an element object (WebdriverIO's tap sends one).
    await d.execute('mobile: scroll', { strategy: '-android uiautomator', selector: 'new UiSelector().text("Mom")' });
    await d.$('android=new UiSelector().text("Mom")').tap();
    await d.execute('mobile: clickGesture', { elementId: await d.findElement('id', 'compose_message_text') });
    expect(await d.isKeyboardShown()).toBe(true);
    await d.hideKeyboard();
    await d.execute('mobile: scrollGesture', { left: 0, top: 300, width: 1080, height: 1500, direction: 'up', percent: 0.5 });
    await d.execute('mobile: longClickGesture', { elementId: await d.findElement('xpath', '(//*[starts-with(@content-desc,"Mom said ")])[1]') });
    await d.terminateApp(messages);
    expect(await d.queryAppState(messages)).toBe(3);
    await d.activateApp(messages);
    await d.background(-1);
    expect(await d.execute('mobile: getCurrentPackage')).toBe('com.google.android.apps.nexuslauncher');
    // An implicit wait is waited out before a find that finds nothing fails.
    await d.setTimeout({ implicit: 300 });
    const t0 = Date.now();
    expect(await w3cError(d.findElement('id', 'no_such_thing'))).toMatch(/^no such element/);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
    await d.deleteSession();
    const { acts } = await actsOfRun(app, 'wdio-commands');
    expect(acts.map((a) => `${a.tool ?? a.type} ${a.args?.index ?? a.args?.name ?? a.args?.direction ?? ''}`.trim())).toEqual([
      'open_app Messages', 'tap 8', 'tap 16', 'swipe down', 'long_tap 7', 'button HOME', 'open_app Messages', 'button HOME', 'finish',
    ]);
  });
});

async function actsOfRun(app: Awaited<ReturnType<typeof appiumRun>>, agent: string): Promise<{ acts: Act[] }> {
  const [result] = await resultsAfter(() => app.results().filter((x) => x.agent === agent), 1);
  return { acts: app.trace(result!.episodeId).filter((t) => t.kind === 'action').map((t) => (t as unknown as { action: Act }).action) };
}
