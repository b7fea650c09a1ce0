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
    // The launcher's geometry is read from the screen (icons have no ids, only their labels), so the
    // offsets below are the distances between real elements, not numbers copied from a layout.
    const centre = async (label: string) => {
      const r = await d.getElementRect(await d.$(`~${label}`).elementId);
      return { x: Math.round(r.x + r.width / 2), y: Math.round(r.y + r.height / 2) };
    };
    const [messages, contacts, photos, settings] = [await centre('Messages'), await centre('Contacts'), await centre('Photos'), await centre('Settings')];
    // element: WebdriverIO's click with options is a pointer move with the element as origin.
    await d.$('~Messages').click({ x: 0, y: 0 });
    expect(await pkg(d)).toBe('com.google.android.apps.messaging');
    await d.execute('mobile: pressKey', HOME);
    // element with an offset: from the Messages icon's centre, two hotseat slots right is the Contacts icon.
    await d.$('~Messages').click({ x: contacts.x - messages.x, y: contacts.y - messages.y });
    expect(await pkg(d)).toBe('com.google.android.contacts');
    await d.execute('mobile: pressKey', HOME);
    // viewport: absolute coordinates (the Photos icon's centre).
    await touch().move({ x: photos.x, y: photos.y }).down().up().perform();
    expect(await pkg(d)).toBe('com.google.android.apps.photos');
    await d.execute('mobile: pressKey', HOME);
    // pointer: relative to where the finger was (from the Messages icon up to the workspace's Settings).
    await touch().move(messages).move({ origin: 'pointer', x: settings.x - messages.x, y: settings.y - messages.y }).down().up().perform();
    expect(await pkg(d)).toBe('com.android.settings');
    await d.execute('mobile: pressKey', HOME);
    // A long press on an element (WebdriverIO's longPress: element origin, 1.5 s).
    await d.$('~Browser').longPress();
    await d.deleteSession();
    const [result] = await resultsAfter(() => app.results().filter((x) => x.agent === 'wdio-origins'), 1);
    const acts = app.trace(result!.episodeId).filter((t) => t.kind === 'action').map((t) => (t as unknown as { action: Act }).action);
    const taps = acts.filter((a) => a.tool === 'tap' || a.tool === 'long_tap').map((a) => `${a.tool} ${a.args?.index}`);
    // Home screen tags: 3 Settings (workspace), hotseat 6 Messages, 7 Browser, 8 Contacts, 9 Photos; never an
    // element of another window (the status bar's clock) nor the container around the icon.
    expect(taps).toEqual(['tap 6', 'tap 8', 'tap 9', 'tap 3', 'long_tap 7']);
  });
});
