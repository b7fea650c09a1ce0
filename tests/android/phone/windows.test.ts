import { createMachine } from 'xstate';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { defineApp } from '../../../android/phone/app.ts';
import type { PhoneContext } from '../../../android/phone/context.ts';
import { elementList } from '../../../android/phone/elements.ts';
import { pageSource } from '../../../android/phone/pageSource.ts';
import { renderPhoneHtml } from '../../../android/phone/render.ts';
import { composeScreen } from '../../../android/phone/screen.ts';
import { button, column, input, text } from '../../../android/phone/ui.ts';

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
});
