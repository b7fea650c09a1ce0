import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ELEMENT_KEY } from '../../android/appium/session.ts';
import { appiumRun, resultsAfter } from './support.ts';

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
    const field = idOf(await d.findElement('id', 'message'));
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
      'tap 5', 'button HOME', 'tap 4', 'tap 6', 'tap 8', 'append_text 8', 'replace_text 8', 'append_text 8', 'refuse',
    ]);
  });
});
