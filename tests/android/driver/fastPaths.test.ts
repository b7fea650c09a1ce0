import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import xpath from 'xpath';
import { locate } from '../../../android/driver/locators.ts';
import { PhoneSession } from '../../../android/driver/session.ts';
import { parseSource } from '../../../android/shell/source.ts';
import { VirtualPhone } from '../../../android/phone/device.ts';
import { PACKAGE_ROOT } from '../../../src/scenario/discover.ts';
import type { SessionBackend } from '../../../android/episodes/backend.ts';

const xml = readFileSync(join(PACKAGE_ROOT, 'tests/fixtures/uiautomator2/settings-wifi.xml'), 'utf8');

describe("the driver's shortcuts on a step's hot path", () => {
  it('an XPath that is a node\'s own path finds what the XPath engine finds: that node alone', () => {
    const source = parseSource(xml);
    for (const n of source.nodes) {
      const evaluated = xpath.select(n.path, source.document as unknown as Node) as unknown[];
      expect(evaluated).toEqual([n.xml]);
      expect(locate(source, 'xpath', n.path)).toEqual([n]);
    }
    // Not a node's path: evaluated as ever (nothing there, or what the expression selects).
    expect(locate(source, 'xpath', `${source.nodes[0]!.path}/*[99]`)).toEqual([]);
    expect(locate(source, 'xpath', '//*[@text="HomeNet"]').map((n) => n.text)).toEqual(['HomeNet']);
  });

  it('a find reads the page source the phone has now, even when its screen id has not changed', async () => {
    // A device whose page source changes under the same screen id (a clock, a caret): a parse kept by screen id would be stale.
    let source = xml;
    const phone = new VirtualPhone();
    const device = Object.assign(Object.create(phone) as VirtualPhone, {
      elements: async () => ({ app: 'Settings', elements: [], id: 'same' }),
      pageSource: async () => source,
    });
    const backend: SessionBackend = { episode: false, device, act: async () => ({ ok: true }), read: () => {} };
    const session = new PhoneSession(backend);
    expect(await session.find('id', 'password', true)).toHaveLength(1);
    source = xml.replace(/resource-id="com\.android\.settings:id\/password"/, 'resource-id="com.android.settings:id/pin"');
    expect(source).not.toBe(xml);
    expect(await session.find('id', 'password', true)).toHaveLength(0);
    expect(await session.find('id', 'pin', true)).toHaveLength(1);
    await phone.close();
  });

  it('after an action a find sees the new screen of a real phone', async () => {
    const phone = new VirtualPhone();
    const backend: SessionBackend = {
      episode: false, device: phone, read: () => {},
      act: async (a) => { const r = await phone.perform(a as never); return r.ok ? { ok: true } : { ok: false, message: r.error }; },
    };
    const session = new PhoneSession(backend);
    const before = await session.find('xpath', '//*', true) as unknown[];
    await session.act({ action: 'open_app', name: 'Messages' }, 'activateApp');
    const source = parseSource(await phone.pageSource());
    expect(source.nodes.length).not.toBe(0);
    const after = await session.find('xpath', '//*', true) as unknown[];
    expect(after).toHaveLength(source.nodes.length);
    expect(after).not.toEqual(before);
    await phone.close();
  });
});
