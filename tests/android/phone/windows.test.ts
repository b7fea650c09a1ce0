import { createMachine } from 'xstate';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { defineApp } from '../../../android/phone/app.ts';
import type { PhoneContext } from '../../../android/phone/context.ts';
import { elementList } from '../../../android/phone/elements.ts';
import { pageSource } from '../../../android/phone/pageSource.ts';
import { renderPhoneHtml } from '../../../android/phone/render.ts';
import { composeScreen } from '../../../android/phone/screen.ts';
import { button, column, input, laidCopy, LaidNode, text, type UiNode } from '../../../android/phone/ui.ts';
import { VirtualPhone } from '../../../android/phone/device.ts';

/** An app whose screen shows a first-run dialog over its content. */
const app = defineApp({
  id: 'fake', label: 'Fake', package: 'com.example.fake', seed: z.object({}), machine: createMachine({ id: 'fake', initial: 'main', states: { main: {} } }),
  view: () => column([
    text('Inbox', { id: 'title' }),
    input('search', '', 'Search conversations'),
    column([text('Turn on chat features?', { heading: true }), button('Not now', { type: 'dismiss' }), button('Turn on', { type: 'accept' })], { window: { title: 'Chat features' }, paneTitle: 'Chat features' }),
  ]),
});

/** A phone of one fake app, not of the bundled apps whose state PhoneContext['apps'] names. */
const fakeApps = (apps: Record<string, unknown>) => apps as unknown as PhoneContext['apps'];

const ctx = (over: Partial<PhoneContext> = {}): PhoneContext => ({
  apps: fakeApps({ fake: {} }), screens: { fake: 'main' }, installed: ['fake'], surface: 'app', foreground: 'fake', recents: ['fake'],
  notifications: [{ id: 'n1', app: 'fake', title: 'Mom', text: 'Call me' }], outbound: [], fields: {}, scroll: 0, now: '2026-01-05T13:05:00.000Z', ...over,
});

describe('windows', () => {
  it('a subtree marked window is a dialog window of its own: the active one, all the element list and the default page source show', () => {
    const s = composeScreen(ctx(), new Map([['fake', app]]));
    expect(s.windows.map((w) => [w.title, w.type, w.active])).toEqual([
      ['StatusBar', 'TYPE_SYSTEM', false], ['NavigationBar0', 'TYPE_SYSTEM', false], ['Chat features', 'TYPE_APPLICATION', true], ['Fake', 'TYPE_APPLICATION', false],
    ]);
    expect(elementList(s.nodes).map((e) => e.text)).toEqual(['Turn on chat features?', 'Not now', 'Turn on']);
    const xml = pageSource(s);
    expect(xml).toContain('pane-title="Chat features"');
    expect(xml).not.toContain('Search conversations');
    // Centred between the bars, inset from the sides.
    const [l, t, r, b] = s.root.bounds!;
    expect([l, r]).toEqual([72, 1008]);
    expect(t).toBeGreaterThan(84);
    expect(b).toBeLessThan(2274);
    // Every window, top-most first: the app's field beneath, showing its hint; the clock in the afternoon.
    const all = pageSource(s, { allWindows: true });
    expect(all).toMatch(/text="Search conversations"[^>]*hint="Search conversations"[^>]*showing-hint="true"/);
    expect(all).toMatch(/text="1:05" content-desc="1:05 PM" resource-id="com.android.systemui:id\/clock"/);
    expect(all).toContain('content-desc="Fake notification: Mom"');
    expect(all.indexOf('window-id="2"')).toBeLessThan(all.indexOf('window-id="6"'));
    // Drawn: the app, a scrim, the dialog, the bars.
    expect(renderPhoneHtml(s.display, { nodes: s.nodes })).toMatch(/class="n scrim"[\s\S]*class="n dialog"[\s\S]*class="n clock"/);
  });

  it('without a dialog the app window is active; Wi-Fi off takes its icon away', () => {
    const plain = defineApp({ ...app, view: () => column([text('Inbox')]) });
    const s = composeScreen(ctx({ apps: fakeApps({ fake: {}, settings: { wifi: false, bluetooth: true } }) }), new Map([['fake', plain]]));
    expect(s.windows.find((w) => w.active)?.title).toBe('Fake');
    const all = pageSource(s, { allWindows: true });
    expect(all).not.toContain('wifi_combo');
    expect(all).toContain('content-desc="Bluetooth on."');
  });

  it('draws the bars of the screen asked for, when asked: each state shows its own clock, the active window alone shows none', async () => {
    const phone = new VirtualPhone({ start: '2026-01-05T09:00:00.000Z' });
    const before = phone.screen();
    const source = await phone.pageSource();
    expect(source).not.toContain(':id/clock');
    await phone.perform({ action: 'no_op' });
    const after = phone.screen();
    expect(after).not.toBe(before);
    // The later screen's bars first, then the earlier one's: each is drawn from its own state.
    expect(await phone.pageSource({ allWindows: true })).toMatch(/text="9:01" content-desc="9:01 AM"/);
    expect(pageSource(before, { allWindows: true })).toMatch(/text="9:00" content-desc="9:00 AM"/);
    expect(await phone.pageSource()).toBe(source);
    for (const s of [before, after]) {
      expect(s.activeWindow).toBe(s.windows.find((w) => w.active));
      expect(s.display.children).toContain(s.windows.find((w) => w.title === 'StatusBar')!.root);
    }
  });

  it('lays out copies of the app\'s nodes of one shape, reading as the app\'s nodes', () => {
    const node = { class: 'android.widget.TextView', text: 'Hi', onTap: { type: 'x' }, children: [], custom: 1 } as UiNode;
    const copy = laidCopy(node);
    expect(copy).toBeInstanceOf(LaidNode);
    expect(copy).not.toBe(node);
    expect(copy).toEqual(node);
    // Unset properties are undefined, and JSON leaves them out.
    expect(JSON.parse(JSON.stringify(copy))).toEqual(node);
    expect(Object.keys(laidCopy({ class: 'a' }))).toEqual(Object.keys(laidCopy({ text: 'b', class: 'c', bounds: [0, 0, 1, 1] })));
    const s = composeScreen(ctx(), new Map([['fake', app]]));
    expect(s.windows.filter((w) => !w.title.includes('Bar')).every((w) => w.root instanceof LaidNode)).toBe(true);
  });
});
