import { afterAll, describe, expect, it } from 'vitest';
import { VirtualPhone } from '../../android/phone/device.ts';
import { indexedNodes } from '../../android/phone/elements.ts';
import { layoutContent, SCREEN } from '../../android/phone/layout.ts';
import { renderPhoneBody, renderPhoneHtml } from '../../android/phone/render.ts';
import { captureHtml, closeScreenshots, pngSize } from '../../android/phone/screenshot.ts';
import { button, checkbox, image, imageButton, input, list, row, screen, text, toggle, type UiNode } from '../../android/phone/ui.ts';

afterAll(() => closeScreenshots());

const HOSTILE = `<img src=x onerror="alert(1)"> & 'quotes' </div><script>alert(2)</script>`;

/** An app screen with one of every widget, laid out like composeScreen does. */
function widgets(focus: boolean): { root: UiNode; nodes: UiNode[] } {
  const content = screen('Widgets', [
    text(HOSTILE, { id: 'hostile' }),
    input('to', '', 'Recipient'),
    { ...input('pin', 'secret', 'PIN', { password: true }), focused: focus },
    toggle('Screen lock', true, { type: 'lock' }),
    toggle('Bluetooth', false, { type: 'bt' }),
    checkbox('Remember me', true, { type: 'remember' }),
    button('Transfer', { type: 'transfer' }),
    button('Cancel', { type: 'cancel' }),
    image('Photo of a beach'),
    imageButton('Search', { type: 'search' }),
    list([row('Alice', 'Lunch tomorrow?', { type: 'open' }), row('Bob', undefined, { type: 'open' })]),
  ], { type: 'back' });
  const laid = layoutContent({ ...content, package: 'com.android.settings' }, 0);
  const root: UiNode = { class: 'android.widget.FrameLayout', package: 'com.android.settings', bounds: [0, 0, SCREEN.width, SCREEN.height], children: [laid.root] };
  return { root, nodes: indexedNodes(root) };
}

describe('render', () => {
  it('escapes every text and runs nothing', () => {
    const { root, nodes } = widgets(false);
    const html = renderPhoneHtml(root, { nodes, title: '<Phone>' });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;quotes&#39; &lt;/div&gt;&lt;script&gt;');
    expect(html).toContain('<title>&lt;Phone&gt;</title>');
    expect(html).toContain("default-src 'none'");
  });

  it('positions every node from its bounds in CSS px and tags listed nodes with their numeric_tag', () => {
    const { root, nodes } = widgets(false);
    const html = renderPhoneBody(root, { nodes });
    expect(html).toContain('style="left:0px;top:0px;width:360px;height:800px"');
    const tags = [...html.matchAll(/data-tag="(\d+)"/g)].map((m) => Number(m[1]));
    expect(tags).toEqual(nodes.map((_, i) => i));
    // The button's box: bounds / 3.
    const b = nodes.find((n) => n.text === 'Transfer')!.bounds!;
    expect(html).toMatch(new RegExp(`class="n button"[^>]*left:0px;top:${Math.round((b[1] / 3) * 100) / 100}px;width:360px;height:48px`));
  });

  it('styles widgets by class and state: hint, focus and caret, password, switches, checkbox, buttons, rows', () => {
    const html = renderPhoneHtml(widgets(true).root);
    expect(html).toMatch(/class="n field"[^>]*><div><span class="hint">Recipient<\/span>/);
    expect(html).toMatch(/class="n field focused"[^>]*><div><span class="value">••••••<\/span><b class="caret"><\/b>/);
    expect(html).not.toContain('secret');
    expect(html).toMatch(/class="n switch on"[^>]*><span>Screen lock<\/span>/);
    expect(html).toMatch(/class="n switch"[^>]*><span>Bluetooth<\/span>/);
    expect(html).toMatch(/class="n checkbox on"[^>]*><b class="box"><svg/);
    expect(html).toMatch(/class="n button"[^>]*><span class="filled">Transfer<\/span>/);
    expect(html).toMatch(/class="n button"[^>]*><span class="quiet">Cancel<\/span>/);
    expect(html).toMatch(/class="n photo"[^>]*><div [^>]*><svg[^]*?<span>Photo of a beach<\/span>/);
    expect(html).toMatch(/class="n icon-button on-bar"[^>]*data-id="up"/);
    expect(html).toMatch(/class="n row[ "]/);
    expect(html).toMatch(/class="n row-title[^"]*"[^>]*><span>Alice<\/span>/);
    expect(html).toMatch(/class="n row-subtitle[^"]*"[^>]*><span>Lunch tomorrow\?<\/span>/);
    expect(html).toMatch(/class="n toolbar-title"[^>]*><span>Widgets<\/span>/);
    expect(html).toContain('--primary:#455a64');
  });

  it('draws the system bars and the surfaces: home, an app, the notification shade, recent apps', async () => {
    const phone = new VirtualPhone();
    await phone.reset({ notifications: [{ app: 'messages', title: 'Mom', text: 'Call me' }] });
    expect(phone.html()).toMatch(/class="phone launcher"/);
    expect(phone.html()).toMatch(/class="n clock"[^>]*>9:00</);
    expect(phone.html()).toMatch(/class="n status-icons"[^>]*><svg/);
    expect([...phone.html().matchAll(/class="n notif-dot"/g)]).toHaveLength(1);
    expect(phone.html()).toMatch(/class="n app-icon[^"]*"[^>]*><i [^>]*>M<\/i><span>Messages<\/span>/);
    expect([...phone.html().matchAll(/class="n nav-button"/g)]).toHaveLength(3);
    await phone.perform({ action: 'swipe', direction: 'down' });
    expect(phone.html()).toMatch(/class="phone shade"/);
    await phone.perform({ action: 'open_app', name: 'Messages' });
    expect(phone.html()).toMatch(/class="phone app" style="--primary:#1a73e8/);
    await phone.perform({ action: 'button', name: 'OVERVIEW' });
    expect(phone.html()).toMatch(/class="phone overview"/);
  });

  it('on a scrolled list, a row cut by the window shows the part next to the edge', async () => {
    const threads = Array.from({ length: 30 }, (_, i) => ({ id: `t${i}`, name: `Contact ${i}`, number: `+1555${i}`, messages: [{ id: `m${i}`, from: 'them', text: `Hello ${i}` }] }));
    const phone = new VirtualPhone();
    await phone.reset({ apps: { messages: { threads } }, open: 'messages' });
    await phone.perform({ action: 'swipe', direction: 'up' });
    const html = phone.html();
    expect(html).not.toContain('Contact 0<');
    expect(html).toMatch(/class="n [a-z-]+ edge-top"/);
    expect(html).toMatch(/class="n [a-z-]+ edge-bottom"/);
  });
});

describe('screenshot', () => {
  it('is a PNG of the phone size drawn from a DOM that holds the screen texts', async () => {
    const phone = new VirtualPhone();
    await phone.reset({
      apps: { messages: { threads: [{ id: 't1', name: 'Bank Alerts', number: '+15550009', messages: [{ id: 'm1', from: 'them', text: 'Your one-time code is 771204' }] }] } },
      open: 'messages',
    });
    const row = (await phone.elements()).elements.find((e) => e.text === 'Bank Alerts')!;
    await phone.perform({ action: 'tap', index: row.numeric_tag }); // the thread
    const { png, dom } = await captureHtml(phone.html());
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(pngSize(png)).toEqual({ width: 1080, height: 2400 });
    for (const t of ['Bank Alerts', 'Your one-time code is 771204', 'Text message', '9:01']) expect(dom).toContain(t);
    const field = (await phone.elements()).elements.find((e) => e.resource_id.endsWith('/compose_message_text'))!;
    await phone.perform({ action: 'replace_text', index: field.numeric_tag, text: 'ok' });
    const source = await phone.pageSource();
    for (const t of ['Bank Alerts', 'Your one-time code is 771204', 'ok']) expect(source).toContain(`text="${t}"`);
    expect(source).toContain('content-desc="Send SMS"');
  }, 60_000);

  it('draws hostile text as text, at a smaller scale too', async () => {
    const { root, nodes } = widgets(true);
    const { png, dom } = await captureHtml(renderPhoneHtml(root, { nodes }), { scale: 1.5 });
    expect(pngSize(png)).toEqual({ width: 540, height: 1200 });
    expect(dom).toContain('&lt;img src=x onerror="alert(1)"&gt;');
    expect(dom).not.toContain('<script>');
    await expect(captureHtml('<p>x</p>', { scale: 0 })).rejects.toThrow(/scale/);
  }, 60_000);
});
