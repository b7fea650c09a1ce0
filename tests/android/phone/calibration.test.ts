import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measure, type Figures } from '../../../android/phone/calibration/measure.ts';
import { VirtualPhone } from '../../../android/phone/device.ts';
import type { ScreenAction } from '../../../src/public/index.ts';

const real = JSON.parse(readFileSync(join(import.meta.dirname, '../../../android/phone/calibration/real-dumps.json'), 'utf8'));
const ATTRS: string[] = real.attributes.order;

/**
 * The bounds our screens are held to, from the real figures: at least half the real node count, a
 * depth within two thirds of the real one, and no more of the nodes carrying ids than the real
 * share plus a quarter (real apps leave most containers and Compose nodes without one).
 */
const target = (kind: string) => {
  const r = real.screens[kind];
  const nodes: number = r?.nodes ?? real.general.nodes;
  const depth: number = r?.depth ?? real.general.depth;
  return { minNodes: Math.ceil(nodes / 2), minDepth: Math.ceil((depth * 2) / 3), maxIdShare: Math.min(1, (r?.idShare ?? 0.45) + 0.25) };
};

const seed = {
  apps: { messages: { threads: [{ id: 't1', name: 'Mom', number: '+15550001', messages: [{ id: 'm1', from: 'them', text: 'Call me when you can' }, { id: 'm2', from: 'me', text: 'On my way' }] }] } },
  notifications: [{ app: 'messages', title: 'Mom', text: 'Call me when you can' }],
};

/** Each screen type the issue names, reached as an agent would. */
const SCREENS: Record<string, ScreenAction[]> = {
  launcher: [],
  messages: [{ action: 'open_app', name: 'Messages' }],
  settings: [{ action: 'open_app', name: 'Settings' }],
  chrome: [{ action: 'open_app', name: 'Browser' }],
};

async function figuresOf(actions: ScreenAction[]): Promise<{ active: Figures; all: string }> {
  const p = new VirtualPhone();
  await p.reset(seed);
  for (const a of actions) expect(await p.perform(a)).toEqual({ ok: true });
  return { active: measure(await p.pageSource()), all: await p.pageSource({ allWindows: true }) };
}

/**
 * Screens still short of the real ones. A ratchet: when a screen comes within bounds, this test
 * fails until it leaves the list. Every screen is within bounds now: the launcher and Settings
 * against real dumps of their own (real-dumps.json), Messages against the general figures (no
 * real dump of it was found).
 */
const STILL_OUT_OF_BOUNDS: Record<string, string[]> = {
  launcher: [],
  messages: [],
  settings: [],
  chrome: [],
};

describe('calibration against real dumps', () => {
  for (const [kind, actions] of Object.entries(SCREENS)) {
    it(`${kind}: UiAutomator2's attributes in its order; system UI only in its own windows; size, depth and ids against the real figures`, async () => {
      const { active, all } = await figuresOf(actions);
      // Every attribute a node has is one of UiAutomator2's, in its order, and those never null are there.
      const order = active.attributes.map((a) => ATTRS.indexOf(a));
      expect(order.every((i) => i >= 0)).toBe(true);
      expect(order).toEqual([...order].sort((a, b) => a - b));
      for (const a of real.attributes.alwaysPresent) expect(active.attributes).toContain(a);
      expect(active.resourceIds.filter((id) => id.startsWith('com.android.systemui'))).toEqual([]);
      expect(measure(all).resourceIds).toEqual(expect.arrayContaining(['com.android.systemui:id/clock', 'com.android.systemui:id/battery', 'com.android.systemui:id/back']));

      const t = target(kind);
      const out = [
        ...(active.nodes < t.minNodes ? ['nodes'] : []),
        ...(active.depth < t.minDepth ? ['depth'] : []),
        ...(active.idShare > t.maxIdShare ? ['idShare'] : []),
      ];
      expect(out, `${kind}: ${JSON.stringify({ nodes: active.nodes, depth: active.depth, idShare: active.idShare })} against ${JSON.stringify(t)}`).toEqual(STILL_OUT_OF_BOUNDS[kind]);
    });
  }

  it('the launcher and Settings are measured against real dumps of their own; Messages against the general figures', () => {
    for (const kind of ['launcher', 'settings']) expect(real.screens[kind]).toMatchObject({ nodes: expect.any(Number), depth: expect.any(Number), idShare: expect.any(Number) });
    expect(real.screens.messages.nodes).toBeNull();
    // The real Settings first page: a dozen levels down to a row's title (real depth 13, at least 9 here).
    expect(target('settings')).toEqual({ minNodes: 32, minDepth: 9, maxIdShare: 1 });
    expect(target('launcher')).toEqual({ minNodes: 20, minDepth: 10, maxIdShare: 0.73 });
  });

  it('one node of the active window carries android:id/content: the window\'s own FrameLayout, or for an AppCompat app (Messages) the one under action_bar_root, which AppCompatDelegate gives the id after taking it off the window\'s', async () => {
    for (const kind of [...Object.keys(SCREENS), 'messages conversation']) {
      const p = new VirtualPhone();
      await p.reset(seed);
      for (const a of SCREENS[kind] ?? SCREENS.messages!) expect(await p.perform(a)).toEqual({ ok: true });
      if (kind === 'messages conversation') {
        const mom = (await p.elements()).elements.find((e) => e.text === 'Mom' || e.content_description.startsWith('Mom'));
        expect(await p.perform({ action: 'tap', index: mom!.numeric_tag })).toEqual({ ok: true });
        expect(await p.pageSource()).toContain('ConversationScreenUi');
      }
      const source = await p.pageSource();
      expect(source.match(/resource-id="android:id\/content"/g), kind).toHaveLength(1);
      // The id sits on a FrameLayout: the window's (third level) or, in Messages, AppCompat's subDecor's.
      const parent = kind.startsWith('messages') ? /resource-id="com\.google\.android\.apps\.messaging:id\/action_bar_root"[^>]*>\s*<android\.widget\.FrameLayout [^>]*resource-id="android:id\/content"/ : /<hierarchy [^>]*>\s*<android\.widget\.FrameLayout [^>]*>\s*<android\.widget\.LinearLayout [^>]*>\s*<android\.widget\.FrameLayout [^>]*resource-id="android:id\/content"/;
      expect(source, kind).toMatch(parent);
    }
  });

  it('Settings\' search bar reads as in the real Android 14 dump', async () => {
    const said = /search_action_bar_title '([^']+)'/.exec(real.screens.settings.outline)?.[1];
    expect(said).toBe('Search settings');
    const p = new VirtualPhone();
    await p.reset(seed);
    expect(await p.perform({ action: 'open_app', name: 'Settings' })).toEqual({ ok: true });
    expect(await p.pageSource()).toMatch(new RegExp(`text="${said}" resource-id="com\\.android\\.settings:id/search_action_bar_title"`));
  });

  it('measures a real page source as the figures say (the Chrome figures hold for a tree of that shape)', () => {
    const node = (depth: number): string => (depth === 0 ? '<android.view.View text="" resource-id="x" />' : `<android.widget.FrameLayout text="">${node(depth - 1)}</android.widget.FrameLayout>`);
    const f = measure(`<hierarchy index="0" class="hierarchy">${node(17)}</hierarchy>`);
    expect(f).toMatchObject({ nodes: 18, depth: 18, idShare: 0.06 });
  });
});
