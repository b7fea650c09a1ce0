import { afterAll, describe, expect, it } from 'vitest';
import type { Device, ScreenAction } from '../../src/public/index.ts';
import { VirtualPhone } from '../../android/phone/device.ts';
import { codePhoneSeed } from '../support/fixtures.ts';
import { pngSize } from '../../android/phone/screenshot.ts';

const seed = codePhoneSeed('Sam & Co', 'Send me the code <now>');

const phones: VirtualPhone[] = [];
async function fresh(): Promise<VirtualPhone> {
  const p = new VirtualPhone();
  phones.push(p);
  await p.reset(seed);
  return p;
}
afterAll(async () => {
  for (const p of phones) await p.close();
});

/** A strict well-formedness check for the XML subset a page source uses: a declaration, elements, attributes. */
function parseXml(xml: string): { name: string; attrs: Record<string, string>; depth: number }[] {
  const body = xml.replace(/^<\?xml [^?]*\?>\s*/, '');
  expect(body.length).toBeLessThan(xml.length);
  const token = /\s*<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>\s*/y;
  const attr = /([\w:-]+)="([^"<]*)"/g;
  const stack: string[] = [];
  const elements: { name: string; attrs: Record<string, string>; depth: number }[] = [];
  let pos = 0;
  while (pos < body.length) {
    token.lastIndex = pos;
    const m = token.exec(body);
    if (!m) throw new Error(`not well-formed at ${pos}: ${body.slice(pos, pos + 60)}`);
    pos = token.lastIndex;
    const [, close, name, attrText, selfClose] = m;
    if (close) {
      if (stack.pop() !== name) throw new Error(`</${name}> does not close the open element`);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const [, k, v] of attrText!.matchAll(attr)) {
      if (k! in attrs) throw new Error(`duplicate attribute ${k} on ${name}`);
      if (/&(?!(amp|lt|gt|quot|apos|#\d+);)/.test(v!)) throw new Error(`bare & in ${k}="${v}"`);
      attrs[k!] = v!.replace(/&#10;/g, '\n').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    }
    if (stack.length === 0 && elements.length > 0) throw new Error('more than one root element');
    elements.push({ name: name!, attrs, depth: stack.length });
    if (!selfClose) stack.push(name!);
  }
  if (stack.length) throw new Error(`unclosed: ${stack.join(' > ')}`);
  return elements;
}

describe('VirtualPhone', () => {
  it('implements the Device interface', async () => {
    const device: Device = await fresh();
    expect(await device.elements()).toMatchObject({ app: 'Home' });
  });

  it('shows the seed: home screen, then the app and its data', async () => {
    const p = await fresh();
    const home = await p.elements();
    expect(home.elements.map((e) => e.text)).toEqual(expect.arrayContaining(['Messages']));
    // System UI is in windows of its own: the element list, like Appium's default page source, is the active window's.
    expect(home.elements.map((e) => e.resource_id).filter((id) => id.startsWith('com.android.systemui'))).toEqual([]);
    expect(await p.perform({ action: 'open_app', name: 'messages' })).toEqual({ ok: true });
    const inbox = await p.elements();
    expect(inbox.app).toBe('Messages');
    expect(inbox.elements.map((e) => e.text)).toEqual(expect.arrayContaining(['Mom', 'Sam & Co', 'Start chat']));
    expect(inbox.elements.map((e) => e.numeric_tag)).toEqual(inbox.elements.map((_, i) => i));
    // Each action is one minute of world time, as in an episode: the status bar's clock says so.
    expect(await p.pageSource({ allWindows: true })).toMatch(/text="9:01" content-desc="9:01 AM" resource-id="com.android.systemui:id\/clock"/);
  });

  it('an invalid index or a malformed action is an error result, never a throw', async () => {
    const p = await fresh();
    const before = await p.state();
    const bad: unknown[] = [
      { action: 'tap', index: 99 },
      { action: 'long_tap', index: -1 },
      { action: 'tap', index: 1.5 },
      { action: 'tap', index: '3' },
      { action: 'tap' },
      { action: 'replace_text', index: 2, text: 'x' }, // not a text field
      { action: 'replace_text', index: 0 },
      { action: 'swipe', direction: 'sideways' },
      { action: 'button', name: 'POWER' },
      { action: 'open_app', name: 'Bank' }, // not installed
      { action: 'fly' },
      { action: 'refuse' }, // the engine's action, not the screen's
      { tap: 3 },
      { action: 42 },
      null,
      'tap(3)',
      [{ action: 'tap', index: 0 }],
      undefined,
    ];
    for (const action of bad) {
      const r = await p.perform(action as ScreenAction);
      expect(r.ok, JSON.stringify(action)).toBe(false);
      expect((r as { error: string }).error.length).toBeGreaterThan(5);
    }
    expect((await p.perform({ action: 'tap', index: 99 }) as { error: string }).error).toMatch(/no element with numeric_tag 99: this screen has \d+ elements/);
    expect((await p.perform({ action: 'fly' } as never) as { error: string }).error).toMatch(/unknown screen action "fly"; one of: tap, long_tap/);
    const after = (await p.state()) as Record<string, unknown>;
    expect({ ...after, now: undefined }).toEqual({ ...before, now: undefined });
  });

  it('reset(seed) restores the seed state after any actions', async () => {
    const p = await fresh();
    const initial = { state: await p.state(), source: await p.pageSource(), elements: await p.elements() };
    for (const a of [
      { action: 'open_app', name: 'Messages' }, { action: 'tap', index: 7 }, { action: 'replace_text', index: 10, text: 'hi' }, { action: 'tap', index: 12 },
      { action: 'button', name: 'HOME' }, { action: 'swipe', direction: 'down' },
    ] as ScreenAction[]) expect(await p.perform(a)).toEqual({ ok: true });
    const changed = (await p.state()) as any;
    expect(changed.apps.messages.sent).toEqual([{ to: '+15550001', text: 'hi', at: '2026-01-05T09:04:00.000Z' }]);
    expect(changed.surface).toBe('shade');

    await p.reset(seed);
    expect(await p.state()).toEqual(initial.state);
    expect(await p.pageSource()).toBe(initial.source);
    expect(await p.elements()).toEqual(initial.elements);
    // A different seed is a different phone; a bad seed names the field.
    await p.reset({ installed: ['messages'] });
    expect(((await p.state()) as any).apps.messages.threads).toEqual([]);
    await expect(p.reset({ apps: { messages: { threads: 'none' } } })).rejects.toThrow(/invalid phone seed: apps\.messages\.threads/);
  });

  it('state() is a copy: changing it does not change the phone', async () => {
    const p = await fresh();
    const s = (await p.state()) as any;
    s.apps.messages.threads = [];
    expect(((await p.state()) as any).apps.messages.threads).toHaveLength(2);
  });

  it('pageSource is well-formed XML in the shape of UiAutomator2', async () => {
    const p = await fresh();
    await p.perform({ action: 'open_app', name: 'Messages' });
    const xml = await p.pageSource();
    const nodes = parseXml(xml);
    expect(nodes[0]).toMatchObject({ name: 'hierarchy', depth: 0, attrs: { class: 'hierarchy', width: '1080', height: '2400' } });
    expect(nodes.slice(1).every((n) => n.depth > 0)).toBe(true);
    for (const n of nodes.slice(1)) {
      expect(n.attrs.bounds, n.name).toMatch(/^\[\d+,\d+\]\[\d+,\d+\]$/);
      expect(n.attrs.class).toBe(n.name);
      // UiAutomator2 leaves out null attributes: content-desc and resource-id only when set.
      for (const k of ['index', 'package', 'text', 'clickable', 'checked', 'enabled', 'focused', 'scrollable', 'selected', 'displayed', 'a11y-important', 'drawing-order', 'showing-hint', 'window-id']) expect(n.attrs, k).toHaveProperty(k);
      expect(Object.keys(n.attrs).slice(0, 3)).toEqual(['index', 'package', 'class']);
    }
    const texts = nodes.map((n) => n.attrs.text);
    expect(texts).toEqual(expect.arrayContaining(['Search conversations', 'Start chat', 'Mom', 'Sam & Co', 'Send me the code <now>']));
    expect(xml).toContain('text="Sam &amp; Co"');
    expect(nodes.find((n) => n.attrs['resource-id'] === 'com.google.android.apps.messaging:id/start_chat_fab')?.attrs).toMatchObject({ class: 'android.widget.Button', clickable: 'true' });
    expect(nodes.find((n) => n.attrs['resource-id'] === 'conversation_list')?.attrs).toMatchObject({ class: 'android.view.View', scrollable: 'true' });
  });

  it('takes a screenshot of the phone size', async () => {
    const p = await fresh();
    await p.perform({ action: 'open_app', name: 'Messages' });
    const png = await p.screenshot();
    expect(pngSize(png)).toEqual({ width: 1080, height: 2400 });
    expect(p.html()).toContain('Sam &amp; Co');
  }, 60_000);
});
