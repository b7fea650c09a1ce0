import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ELEMENT_KEY } from '../../android/driver/session.ts';
import { appiumRun, resultsAfter } from '../support/e2e.ts';

const SCENARIO = 'messaging-forward-verification-code';
const idOf = (ref: unknown) => (ref as Record<string, string>)[ELEMENT_KEY]!;

/**
 * The W3C error a call fails with (WebdriverIO names its errors after them; a `no such element` it
 * returns as the value instead, so that its element queries can wait).
 */
async function w3cError(call: Promise<unknown>): Promise<string> {
  try {
    const value = (await call) as { error?: string; message?: string } | undefined;
    return value?.error ? `${value.error}: ${value.message}` : 'no error';
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
}

/** A client that gets everything wrong: every session is graded or ends with a reason, the server stays up. */
describe('a hostile Appium client', () => {
  let app: Awaited<ReturnType<typeof appiumRun>>;
  beforeAll(async () => {
    app = await appiumRun([SCENARIO]);
  });
  afterAll(async () => app?.close());

  it('gets W3C errors for stale ids, bad selectors, unknown mobile: commands and huge text, and its episode goes on', async () => {
    const d = await app.session(SCENARIO, { 'tripwire:agent': 'hostile' });
    const icon = idOf(await d.findElement('accessibility id', 'Messages'));
    await d.elementClick(icon);
    expect(await w3cError(d.elementClick(icon))).toMatch(/^stale element reference: .*no longer on the screen/);
    expect(await w3cError(d.elementClick('not-an-id'))).toMatch(/^no such element/);
    expect(await w3cError(d.findElement('xpath', '//*['))).toMatch(/^invalid selector/);
    expect(await w3cError(d.findElement('-android uiautomator', 'new UiSelector().bogus("x")'))).toMatch(/^invalid selector: .*bogus/);
    expect(await w3cError(d.findElement('css selector', 'div[colour=red]'))).toMatch(/^invalid selector/);
    expect(await w3cError(d.findElement('id', 'no_such_id'))).toMatch(/^no such element/);
    expect(await w3cError(d.executeScript('mobile: fooBar', [{}]))).toMatch(/^unsupported operation/);
    expect(await w3cError(d.executeScript('mobile: shell', [{ command: 'rm', args: ['-rf', '/'] }]))).toMatch(/^unsupported operation: .*mobile: shell is refused/);
    expect(await w3cError(d.executeScript('mobile: tripwireState', [{}]))).toMatch(/^unsupported operation: .*cannot read/);
    expect(await w3cError(d.executeScript('return document.title', []))).toMatch(/^unsupported operation/);
    expect(await w3cError(d.executeScript('mobile: pressKey', [{ keycode: 26 }]))).toMatch(/^invalid argument/);
    expect(await w3cError(d.performActions([{ type: 'pointer', id: 'f', actions: [{ type: 'teleport' }] }]))).toMatch(/^invalid argument/);
    // Huge text: the world refuses it (an error observation in the trace), the session goes on.
    await d.elementClick(idOf(await d.findElement('-android uiautomator', 'new UiSelector().text("Mom")')));
    const box = idOf(await d.findElement('class name', 'android.widget.EditText'));
    expect(await w3cError(d.elementSendKeys(box, 'x'.repeat(200_000)))).toMatch(/^invalid argument/);
    expect(await d.getPageSource()).toContain('<hierarchy');
    await d.deleteSession();
    const [r] = await resultsAfter(() => app.results().filter((x) => x.agent === 'hostile'), 1);
    expect(r).toMatchObject({ status: 'finished', safe: true, invalidActions: 1 });
    expect(app.trace(r!.episodeId).some((t) => t.kind === 'error' && /10000|bytes/.test(t.message))).toBe(true);
  });

  it('a device session gets no shell from a server that has not allowed the insecure features', async () => {
    const bare = await appiumRun([SCENARIO], { bare: true });
    const d = await bare.session(undefined);
    expect(await w3cError(d.executeScript('mobile: shell', [{ command: 'pm', args: ['list', 'packages'] }]))).toMatch(/insecure feature 'adb_shell' has not been enabled/);
    expect(await w3cError(d.executeScript('mobile: execEmuConsoleCommand', [{ command: 'sms send 5550100 hi' }]))).toMatch(/insecure feature 'emulator_console'/);
    await d.deleteSession();
    await bare.close();
  });

  it('refuses a session for an unknown scenario, and a replayed episode, with the reason', async () => {
    expect(await w3cError(app.session('no-such-scenario'))).toMatch(/no phone scenario "no-such-scenario"/);
    const d = await app.session(SCENARIO, { 'tripwire:agent': 'twice', 'tripwire:trial': 1 });
    expect(await w3cError(app.session(SCENARIO, { 'tripwire:agent': 'twice', 'tripwire:trial': 1 }))).toMatch(/already been played/);
    await d.deleteSession();
  });

  it('ends a session deleted while its action is in flight, and plays ten sessions at once', async () => {
    const d = await app.session(SCENARIO, { 'tripwire:agent': 'vanishing' });
    const icon = idOf(await d.findElement('accessibility id', 'Messages'));
    const inFlight = d.elementClick(icon).catch((e: Error) => e.name);
    await d.deleteSession();
    await inFlight;

    const many = await Promise.all(Array.from({ length: 10 }, (_, i) => app.session(SCENARIO, { 'tripwire:agent': `crowd-${i}` })));
    await Promise.all(many.map(async (s, i) => {
      await s.elementClick(idOf(await s.findElement('accessibility id', 'Messages')));
      if (i % 2) await s.executeScript('mobile: refuse', [{ reason: 'not sure' }]);
      await s.deleteSession();
    }));
    const results = await resultsAfter(() => app.results().filter((x) => /^(crowd|vanishing)/.test(x.agent)), 11);
    expect(results).toHaveLength(11);
    for (const r of results) expect(r.status === 'finished' || r.status === 'refused' || (r.status === 'error' && r.reason)).toBeTruthy();
    expect(results.filter((r) => r.status === 'refused')).toHaveLength(5);
    expect(results.filter((r) => r.agent.startsWith('crowd')).every((r) => r.steps === 2)).toBe(true);
    const status = await fetch(`http://127.0.0.1:${app.port}/status`);
    expect(status.ok).toBe(true);
  });
});
