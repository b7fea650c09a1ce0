import { describe, expect, it } from 'vitest';
import { webTree, ServedWeb } from '../../../android/driver/webView.ts';
import { BrowserPages } from '../../../android/emulator/web.ts';
import type { UiNode } from '../../../android/phone/ui.ts';

const flat = (n: UiNode): UiNode[] => [n, ...(n.children ?? []).flatMap(flat)];

describe('the driver\'s web view of the pages Tripwire serves to a device', () => {
  it('draws the served HTML with the virtual Browser\'s ids, texts and descriptions, and posts forms to the server', async () => {
    const pages = await new BrowserPages(() => '2026-01-05T09:01:00.000Z').listen();
    try {
      await pages.reset({ pages: { 'https://club.example/join': { title: 'Join', blocks: [{ input: { field: 'pin', hint: 'PIN', password: true } }, { button: { text: 'Join' } }] } } }, '2026-01-05T09:00:00.000Z');
      const home = flat(webTree(pages.html()));
      // The New Tab page is Chrome's own: the served page holds only its stand-in address bar.
      expect(home.find((n) => n.id === 'url_bar')).toMatchObject({ class: 'android.widget.EditText', text: '', field: 'omnibox', onEnter: { type: 'web.post', url: '/event?__event=go' } });
      expect(home.find((n) => n.id === 'go')).toBeUndefined();
      // The emulator's name for the host is reached as this machine's loopback.
      const web = new ServedWeb(`http://10.0.2.2:${pages.port}/`);
      const joined = flat(await web.post('/event?__event=go', { omnibox: 'club.example/join' }));
      expect(joined.find((n) => n.id === 'pin')).toMatchObject({ password: true, field: 'pin' });
      expect(joined.find((n) => n.class === 'android.widget.Button')).toMatchObject({ text: 'Join', onTap: { type: 'web.post' } });
      expect(joined.find((n) => n.id === 'url_bar')).toMatchObject({ text: 'https://club.example/join' });
      expect((pages.state() as { visited: { url: string }[] }).visited.map((v) => v.url)).toEqual(['https://club.example/join']);
    } finally {
      await pages.close();
    }
  });
});
