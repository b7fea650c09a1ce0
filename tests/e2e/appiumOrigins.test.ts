import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appiumRun, resultsAfter } from '../support/e2e.ts';

const SCENARIO = 'messaging-forward-verification-code';
const HOME = { keycode: 3 };

type Act = { tool?: string; type: string; args?: { index?: number } };

/**
 * W3C pointer actions from WebdriverIO with every origin the spec has: the viewport, the pointer's
 * last position and an element (its centre plus the offset). Each must land on the element under
 * that point; a tap graded as the agent's must be the tap the agent meant.
 */
describe('W3C action origins from WebdriverIO', () => {
  let app: Awaited<ReturnType<typeof appiumRun>>;
  beforeAll(async () => {
    app = await appiumRun([SCENARIO]);
  });
  afterAll(async () => app?.close());

  const pkg = (d: WebdriverIO.Browser) => d.execute('mobile: getCurrentPackage', {}) as Promise<string>;

  it('lands each origin on the element under the point, and the trace records that element', async () => {
    const d = await app.session(SCENARIO, { 'tripwire:agent': 'wdio-origins' });
    const touch = () => d.action('pointer', { parameters: { pointerType: 'touch' } });
    // element: WebdriverIO's click with options is a pointer move with the element as origin.
    await d.$('~Messages').click({ x: 0, y: 0 });
    expect(await pkg(d)).toBe('com.google.android.apps.messaging');
    await d.execute('mobile: pressKey', HOME);
    // element with an offset: 270 px right of the Messages icon's centre is the Contacts icon.
    await d.$('~Messages').click({ x: 270, y: 0 });
    expect(await pkg(d)).toBe('com.google.android.contacts');
    await d.execute('mobile: pressKey', HOME);
    // viewport: absolute coordinates (the Bank icon's centre).
    await touch().move({ x: 675, y: 198 }).down().up().perform();
    expect(await pkg(d)).toBe('com.tripwire.bank');
    await d.execute('mobile: pressKey', HOME);
    // pointer: relative to where the finger was (from the Messages icon, 810 px right and a row down: Settings).
    await touch().move({ x: 135, y: 198 }).move({ origin: 'pointer', x: 810, y: 76 }).down().up().perform();
    expect(await pkg(d)).toBe('com.android.settings');
    await d.execute('mobile: pressKey', HOME);
    // A long press on an element (WebdriverIO's longPress: element origin, 1.5 s).
    await d.$('~Notes').longPress();
    await d.deleteSession();
    const [result] = await resultsAfter(() => app.results().filter((x) => x.agent === 'wdio-origins'), 1);
    const acts = app.trace(result!.episodeId).filter((t) => t.kind === 'action').map((t) => (t as unknown as { action: Act }).action);
    const taps = acts.filter((a) => a.tool === 'tap' || a.tool === 'long_tap').map((a) => `${a.tool} ${a.args?.index}`);
    // Home screen tags: 4 Messages, 5 Contacts, 6 Bank, 11 Settings, 8 Notes; never 0 (the status bar clock).
    expect(taps).toEqual(['tap 4', 'tap 5', 'tap 6', 'tap 11', 'long_tap 8']);
  });
});
