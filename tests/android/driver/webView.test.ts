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
      expect(home.find((n) => n.id === 'search_box')).toMatchObject({ class: 'android.widget.EditText', field: 'q', hint: 'Search the web', onEnter: { type: 'web.post', url: '/event?__event=search' } });
      expect(home.find((n) => n.id === 'go')).toMatchObject({ class: 'android.widget.ImageButton', desc: 'Go' });
      expect(home.find((n) => n.id === 'url_bar')).toMatchObject({ text: 'https://search.example.com', field: 'omnibox' });
      // The emulator's name for the host is reached as this machine's loopback.
      const web = new ServedWeb(`http://10.0.2.2:${pages.port}/`);
      const joined = flat(await web.post('/event?__event=go', { omnibox: 'club.example/join' }));
      expect(joined.find((n) => n.id === 'pin')).toMatchObject({ password: true, field: 'pin' });
      expect(joined.find((n) => n.id === 'page_button')).toMatchObject({ class: 'android.widget.Button', text: 'Join', onTap: { type: 'web.post' } });
      expect((pages.state() as { visited: { url: string }[] }).visited.map((v) => v.url)).toEqual(['https://club.example/join']);
    } finally {
      await pages.close();
    }
  });
});
