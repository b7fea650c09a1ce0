import { loadImage, createCanvas } from '@napi-rs/canvas';
import { afterAll, describe, expect, it } from 'vitest';
import { VirtualPhone } from '../../android/phone/device.ts';
import { indexedNodes } from '../../android/phone/elements.ts';
import { layoutContent, SCREEN } from '../../android/phone/layout.ts';
import { renderPhoneBody, renderPhoneHtml } from '../../android/phone/render.ts';
import { sceneOf, type Item } from '../../android/phone/scene.ts';
import { closeScreenshots, pngSize, screenshot } from '../../android/phone/screenshot.ts';
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

const texts = (items: Item[]) => items.flatMap((i) => (i.kind === 'text' || i.kind === 'bubble' ? [i] : []));

/** The colour of one pixel of a picture, as #rrggbb. */
async function pixel(png: Buffer, x: number, y: number): Promise<string> {
  const img = await loadImage(png);
  const c = createCanvas(img.width, img.height);
  const g = c.getContext('2d');
  g.drawImage(img, 0, 0);
  const [r, gr, b] = g.getImageData(x, y, 1, 1).data;
  return `#${[r, gr, b].map((v) => v!.toString(16).padStart(2, '0')).join('')}`;
}

describe('render (the HTML screen: the picture under hit boxes)', () => {
  it('escapes every text and runs nothing: the one image is the screenshot as a data: URL', () => {
    const { root, nodes } = widgets(false);
    const html = renderPhoneHtml(root, { nodes, title: '<Phone>' });
    expect([...html.matchAll(/<img/g)]).toHaveLength(1);
    expect(html).toMatch(/<img alt="" src="data:image\/png;base64,[A-Za-z0-9+/=]+">/);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;quotes&#39; &lt;/div&gt;&lt;script&gt;');
    expect(html).toContain('<title>&lt;Phone&gt;</title>');
    expect(html).toContain("default-src 'none'");
  });

  it("positions every node's box from its bounds in CSS px and tags listed nodes with their numeric_tag", () => {
    const { root, nodes } = widgets(false);
    const html = renderPhoneBody(root, { nodes });
    expect(html).toContain('style="left:0px;top:0px;width:360px;height:800px"');
    const tags = [...html.matchAll(/data-tag="(\d+)"/g)].map((m) => Number(m[1]));
    expect(tags).toEqual(nodes.map((_, i) => i));
    const b = nodes.find((n) => n.text === 'Transfer')!.bounds!;
    expect(html).toMatch(new RegExp(`class="n button"[^>]*left:0px;top:${Math.round((b[1] / 3) * 100) / 100}px;width:360px;height:48px`));
  });

  it("names each box by its kind and state, and holds the text it shows (a hint, a password's dots)", () => {
    const html = renderPhoneHtml(widgets(true).root);
    expect(html).toMatch(/class="n field"[^>]*><span>Recipient<\/span>/);
    expect(html).toMatch(/class="n field focused"[^>]*><span>••••••<\/span>/);
    expect(html).not.toContain('secret');
    expect(html).toMatch(/class="n switch on"[^>]*><span>Screen lock<\/span>/);
    expect(html).toMatch(/class="n switch"[^>]*><span>Bluetooth<\/span>/);
    expect(html).toMatch(/class="n checkbox on"[^>]*><span>Remember me<\/span>/);
    expect(html).toMatch(/class="n photo"[^>]*><span>Photo of a beach<\/span>/);
    expect(html).toMatch(/class="n icon-button"[^>]*data-id="up"/);
    expect(html).toMatch(/class="n row"/);
    expect(html).toMatch(/class="n row-title"[^>]*><span>Alice<\/span>/);
    expect(html).toMatch(/class="n row-subtitle"[^>]*><span>Lunch tomorrow\?<\/span>/);
    expect(html).toMatch(/class="n toolbar-title"[^>]*><span>Widgets<\/span>/);
  });

  it('draws the system bars and the surfaces: home, an app, the notification shade, recent apps', async () => {
    const phone = new VirtualPhone();
    await phone.reset({ notifications: [{ app: 'messages', title: 'Mom', text: 'Call me' }] });
    expect(phone.html()).toMatch(/class="phone launcher"/);
    expect(phone.html()).toMatch(/class="n clock"[^>]*><span>9:00</);
    expect([...phone.html().matchAll(/class="n status-icon"/g)]).toHaveLength(3);
    expect([...phone.html().matchAll(/class="n notif-dot"/g)]).toHaveLength(1);
    expect(phone.html()).toMatch(/class="n app-icon"[^>]*><span>Messages<\/span>/);
    expect([...phone.html().matchAll(/class="n nav-button"/g)]).toHaveLength(3);
    await phone.perform({ action: 'swipe', direction: 'down' });
    expect(phone.html()).toMatch(/class="phone shade"/);
    await phone.perform({ action: 'open_app', name: 'Messages' });
    expect(phone.html()).toMatch(/class="phone app"/);
    await phone.perform({ action: 'button', name: 'OVERVIEW' });
    expect(phone.html()).toMatch(/class="phone overview"/);
  });
});

describe('scene (what is drawn)', () => {
  it("draws widgets by class and state: a field's hint and caret, switches, a checkbox, buttons, the app's colour", () => {
    const { items } = sceneOf(widgets(true).root);
    const t = texts(items);
    expect(t.find((i) => i.text === 'Recipient')).toMatchObject({ color: '#80868b', wrap: false });
    expect(t.find((i) => i.text === '••••••')).toMatchObject({ color: '#202124', caret: { color: '#455a64', before: false } });
    expect(t.some((i) => i.text.includes('secret'))).toBe(false);
    // Screen lock is on: its thumb is in the theme's colour, Bluetooth's is grey.
    const thumbs = items.filter((i) => i.kind === 'circle' && i.shadow);
    expect(thumbs.map((i) => i.kind === 'circle' && i.fill)).toEqual(['#455a64', '#f1f3f4']);
    expect(t.find((i) => i.text === 'Transfer')).toMatchObject({ color: '#ffffff', bold: true, align: 'center' });
    expect(t.find((i) => i.text === 'Cancel')).toMatchObject({ color: '#455a64' });
    expect(items).toContainEqual(expect.objectContaining({ kind: 'rect', fill: '#455a64', shadow: true })); // the app bar
    expect(t.find((i) => i.text.startsWith('<img src=x'))).toBeDefined(); // hostile text is text
  });

  it('draws Compose message bubbles by who said them, and the status and navigation bars', async () => {
    const phone = new VirtualPhone();
    await phone.reset({ apps: { messages: { threads: [{ id: 't1', name: 'Mom', number: '+15550001', messages: [{ id: 'm1', from: 'them', text: 'Your code is 4411' }, { id: 'm2', from: 'me', text: 'Thanks!' }] }] } }, open: 'messages' });
    const row = (await phone.elements()).elements.find((e) => e.text === 'Mom')!;
    await phone.perform({ action: 'tap', index: row.numeric_tag });
    const { items } = sceneOf(phone.screen().display);
    const bubbles = items.filter((i) => i.kind === 'bubble');
    expect(bubbles.map((b) => b.kind === 'bubble' && [b.text, b.side])).toEqual([['Your code is 4411', 'start'], ['Thanks!', 'end']]);
    expect(texts(items).find((i) => i.text === '9:01')).toBeDefined();
    expect(items.filter((i) => i.kind === 'icon' && i.stroke)).toHaveLength(3); // back, home, overview
  });

  it('on a scrolled list, a row cut by the window shows its text next to the edge', async () => {
    const threads = Array.from({ length: 30 }, (_, i) => ({ id: `t${i}`, name: `Contact ${i}`, number: `+1555${i}`, messages: [{ id: `m${i}`, from: 'them', text: `Hello ${i}` }] }));
    const phone = new VirtualPhone();
    await phone.reset({ apps: { messages: { threads } }, open: 'messages' });
    await phone.perform({ action: 'swipe', direction: 'up' });
    const t = texts(sceneOf(phone.screen().display).items);
    expect(t.some((i) => i.text === 'Contact 0')).toBe(false);
    expect(t.some((i) => i.kind === 'text' && i.valign === 'bottom')).toBe(true);
    expect(t.some((i) => i.kind === 'text' && i.valign === 'top')).toBe(true);
  });
});

describe('screenshot', () => {
  it("is a PNG of the phone's size, or half that, painted from the scene", async () => {
    const { root } = widgets(false);
    const png = await screenshot(root);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(pngSize(png)).toEqual({ width: 1080, height: 2400 });
    expect(pngSize(await screenshot(root, { scale: 1.5 }))).toEqual({ width: 540, height: 1200 });
    expect(await pixel(png, 540, 84 + 20)).toBe('#455a64'); // the app bar in Settings' colour
    // On the phone: the status bar in Messages' dark blue, the navigation bar black.
    const phone = new VirtualPhone();
    await phone.reset({ open: 'messages' });
    const shot = await phone.screenshot();
    expect(await pixel(shot, 540, 40)).toBe('#1557b0');
    expect(await pixel(shot, 1060, 2380)).toBe('#000000');
    await expect(screenshot(root, { scale: 0 })).rejects.toThrow(/scale/);
  });

  it('is the same picture every time (the bundled font, no system state), and JPEG or WebP when asked', async () => {
    const { root } = widgets(true);
    const a = await screenshot(root, { scale: 1 });
    await closeScreenshots(); // drop the cache: paint again
    const b = await screenshot(root, { scale: 1 });
    expect(b.equals(a)).toBe(true);
    expect((await screenshot(root, { scale: 1, format: 'jpeg' })).subarray(0, 3).toString('hex')).toBe('ffd8ff');
    expect((await screenshot(root, { scale: 1, format: 'webp' })).subarray(8, 12).toString('latin1')).toBe('WEBP');
  });
});
