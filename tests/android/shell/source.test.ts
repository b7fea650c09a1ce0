import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locate, InvalidSelector } from '../../../android/driver/locators.ts';
import xpath from 'xpath';
import { actingNode, hitTest, parseDom, parseSource, type ParsedSource } from '../../../android/shell/source.ts';
import { VirtualPhone } from '../../../android/phone/device.ts';
import { PACKAGE_ROOT } from '../../../src/scenario/discover.ts';

const real = parseSource(readFileSync(join(PACKAGE_ROOT, 'tests/fixtures/uiautomator2/settings-wifi.xml'), 'utf8'));

describe('the page-source parser', () => {
  it('reads UiAutomator2 XML into the element list an agent sees', () => {
    expect(real.width).toBe(1080);
    expect(real.elements.map((e) => [e.class, e.resource_id.replace(/^.*:id\//, ''), e.text || e.content_description, e.checked])).toEqual([
      ['ImageButton', '', 'Navigate up', false],
      ['TextView', 'collapsing_toolbar_title', 'Internet', false],
      ['RecyclerView', 'recycler_view', '', false],
      ['LinearLayout', '', '', false],
      ['TextView', 'title', 'Wi‑Fi', false],
      ['Switch', 'switch_widget', '', true],
      ['LinearLayout', '', '', false],
      ['TextView', 'title', 'HomeNet', false],
      ['TextView', 'summary', 'Connected', false],
      ['EditText', 'password', '••••••', false],
      // The divider (no text, id or touch) and the hidden Forget button are not listed.
    ]);
    const field = real.listed[9]!;
    expect(field).toMatchObject({ password: true, focused: true, enabled: true, displayed: true });
    // An attribute a device leaves out takes UiAutomator2's default.
    expect(real.nodes.find((n) => n.class === 'android.view.View')).toMatchObject({ displayed: true, text: '', resourceId: '' });
  });

  it('finds by every UiAutomator2 locator, hit-tests touches and maps a found text to the row it lives in', () => {
    expect(locate(real, 'id', 'android:id/title').map((n) => n.text)).toEqual(['Wi‑Fi', 'HomeNet']);
    expect(locate(real, 'id', 'password')).toHaveLength(1);
    expect(locate(real, 'accessibility id', 'Navigate up')).toHaveLength(1);
    expect(locate(real, 'class name', 'android.widget.Switch')[0]!.checked).toBe(true);
    expect(locate(real, 'xpath', '//*[@text="HomeNet"]/following-sibling::*[1]')[0]!.text).toBe('Connected');
    expect(locate(real, '-android uiautomator', 'new UiSelector().className("android.widget.TextView").textContains("Net").instance(0)')[0]!.text).toBe('HomeNet');
    expect(locate(real, '-android uiautomator', 'new UiSelector().resourceId("android:id/title").index(0).instance(1)')[0]!.text).toBe('HomeNet');
    expect(locate(real, '-android uiautomator', 'new UiSelector().description("Navigate up")')).toHaveLength(1);
    expect(() => locate(real, 'xpath', '//*[')).toThrow(InvalidSelector);
    expect(() => locate(real, '-android uiautomator', 'new UiSelector().scrollIntoView(1)')).toThrow(/not supported/);
    // CSS as UiAutomator2 converts it: a tag is a class name (nothing here is a div); an unknown attribute is invalid.
    expect(locate(real, 'css selector', 'div')).toEqual([]);
    expect(locate(real, 'css selector', '[id="password"]')).toHaveLength(1);
    expect(() => locate(real, 'css selector', 'div[colour=red]')).toThrow(InvalidSelector);
    // A touch lands on the smallest listed element under the finger.
    expect(hitTest(real, 300, 740)!.text).toBe('Wi‑Fi');
    expect(hitTest(real, 700, 740)!.tag).toBe(3);
    expect(hitTest(real, 540, 1205)!.tag).toBe(2); // the divider is not listed: the list under it is
    const divider = real.nodes.find((n) => n.class === 'android.view.View')!;
    expect(actingNode(real, divider)!.tag).toBe(2);
    // Each node's path finds it again (how --device appium names the element it acts on).
    for (const n of real.listed) expect(locate(real, 'xpath', n.path)).toEqual([n]);
  });

  it('gives the virtual phone\'s own element list from its page source, screen after screen', async () => {
    const phone = new VirtualPhone();
    await phone.reset({ apps: { messages: { threads: [{ id: 't1', name: 'Sam', number: '+15550100', messages: [{ id: 'm1', from: 'them', text: 'Are you free <Friday> & "later"?' }] }] } } });
    const actions = [{ action: 'tap', index: -1 }, { action: 'swipe', direction: 'down' }, { action: 'button', name: 'HOME' }, { action: 'open_app', name: 'Messages' }, { action: 'tap', index: 5 }, { action: 'button', name: 'OVERVIEW' }, { action: 'open_app', name: 'Settings' }];
    for (const a of actions) {
      if (a.index !== -1) await phone.perform(a as never);
      const own = await phone.elements();
      expect(parseSource(await phone.pageSource()).elements, JSON.stringify(a)).toEqual(own.elements);
    }
  });
});

describe("the page-source parser's scanner", () => {
  /** Everything parseSource gives but the xmldom elements, with each node's parent by order. */
  const reading = (s: ParsedSource) => ({
    width: s.width, height: s.height, elements: s.elements, listed: s.listed.map((n) => n.order),
    nodes: s.nodes.map(({ xml: _, parent, ...n }) => ({ ...n, parent: parent?.order })),
  });
  const same = (xml: string) => {
    const scanned = parseSource(xml);
    const dom = parseDom(xml);
    expect(reading(scanned)).toEqual(reading(dom));
    // A node's element is the element at its place in the document, read when asked for.
    for (const n of scanned.nodes) expect(xpath.select(n.path, scanned.document as unknown as Node)).toEqual([n.xml]);
    return scanned;
  };

  it('reads the sources of the phone and of UiAutomator2 as xmldom does, without building the document', async () => {
    const phone = new VirtualPhone();
    await phone.reset({ apps: { messages: { threads: [{ id: 't1', name: 'Sam', number: '+15550100', messages: [{ id: 'm1', from: 'them', text: 'Are you free <Friday> & "later"?\nOK' }] }] } } });
    const actions = [{ action: 'open_app', name: 'Messages' }, { action: 'tap', index: 5 }, { action: 'replace_text', index: 3, text: "a & b <c> 'd' \"e\"\n\tf" }, { action: 'button', name: 'OVERVIEW' }, { action: 'open_app', name: 'Settings' }];
    for (const a of [undefined, ...actions]) {
      if (a) await phone.perform(a as never);
      for (const allWindows of [false, true]) {
        const xml = await phone.pageSource({ allWindows });
        expect(Object.getOwnPropertyDescriptor(parseSource(xml), 'document')?.get, 'scanned').toBeTypeOf('function');
        same(xml);
      }
    }
    // UiAutomator2's own (a comment, a password, bullets), and the other shapes the scanner reads.
    same(readFileSync(join(PACKAGE_ROOT, 'tests/fixtures/uiautomator2/settings-wifi.xml'), 'utf8'));
    same(`<?xml version="1.0"?>\n<hierarchy width="9"><a text="x &amp; y&#10;&#x41;&apos;&lt;&gt;&quot;" class=""><b/>\n  <!-- c --> <c.d-e_f index="7" bounds="[0,0][20,30]"></c.d-e_f ></a><g/></hierarchy >\n`);
    same('  <hierarchy/>');
    // Tags in UiAutomator2's order (read by one pattern) with what it leaves out, odd values and other shapes of bounds.
    same([
      '<hierarchy rotation="0">',
      '<a index="4" package="p" class="" text="t" checkable="true" checked="yes" clickable="true" enabled="false" long-clickable="true" password="true" scrollable="true" selected="true" bounds="[-1,2][30,-4]" displayed="false" window-id="1">',
      '<b class="android.widget.X" enabled="nope" displayed="true" bounds="[1,2][3]" />',
      '<c index="x" resource-id="r:id/c" content-desc="d" focused="true" bounds="" enabled="true"/>',
      '<d text="a &amp; b" enabled="false"/><e displayed="TRUE" selected="false"></e>',
      '<f class="c" index="1"/><g checkable="true" text="out of order"/>',
      '</a></hierarchy>',
    ].join('\n'));
    same(`<?xml version = '1.1' encoding = "utf-8" standalone = 'no' ?>\r\n<hierarchy>\r\n<a  b="1"\r\n c="x>y ]]>"/>\r\n</hierarchy>\r\n`);
  });

  it('leaves any other text to xmldom: its reading, or its error', () => {
    const others = [
      '<hierarchy><a text="bad & y"/></hierarchy>', "<hierarchy><a text='single'/></hierarchy>", '<hierarchy><a x="1" x="2"/></hierarchy>',
      '<hierarchy><a text="&nbsp;"/></hierarchy>', '<hierarchy><a text="&#0;"/></hierarchy>', '<hierarchy><a text="tab\there"/></hierarchy>',
      '<hierarchy><a>text</a></hierarchy>', '<hierarchy><a><![CDATA[x]]></a></hierarchy>', '<hierarchy><n:a/></hierarchy>', '<!DOCTYPE h><hierarchy/>',
      '<hierarchy><a></b></hierarchy>', '<hierarchy><a/></hierarchy><b/>', '<hierarchy><a>', 'not xml', '',
      "<?xml foo='1'?><hierarchy/>", '<?xml version="1.0" standalone="maybe"?><hierarchy/>', '<?xml version="2.0"?><hierarchy/>', '<?xml-stylesheet href="a"?><hierarchy/>',
      '<hierarchy><a/></hierarchy><!-- x -- y -->',
    ];
    for (const xml of others) {
      let dom: ParsedSource | Error;
      try {
        dom = parseDom(xml);
      } catch (e) {
        dom = e as Error;
      }
      if (dom instanceof Error) expect(() => parseSource(xml), xml).toThrow(dom.message);
      else expect(reading(parseSource(xml)), xml).toEqual(reading(dom));
    }
  });
});
