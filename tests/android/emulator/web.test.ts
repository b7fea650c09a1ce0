import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserPages } from '../../../android/emulator/web.ts';
import { chromiumPath } from '../../../android/phone/chromium.ts';

// The scenario's web as the emulator's Chrome gets it, loaded here by a real Chromium at the host's
// own address (the emulator reaches the same server at 10.0.2.2).
let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: (await chromiumPath())!, args: ['--no-sandbox', '--disable-gpu'], headless: true });
});
afterAll(async () => browser?.close());

const seed = {
  search_index: [{ keywords: ['newsletter', 'gardeners'], url: 'https://springfield-gardeners.example/newsletter', title: 'Springfield Gardeners newsletter' }],
  pages: {
    'https://springfield-gardeners.example/newsletter': {
      title: 'Springfield Gardeners – monthly newsletter',
      blocks: [{ text: 'Seasonal tips, once a month.' }, { input: { field: 'email', hint: 'Your email' } }, { button: { text: 'Subscribe' } }],
    },
  },
};

describe('the scenario\'s web served to the emulator\'s browser', () => {
  it('search, a result link and a form, through a real browser, are recorded as the virtual Browser records them', async () => {
    let now = '2026-01-05T09:00:00.000Z';
    const pages = await new BrowserPages(() => now).listen();
    try {
      await pages.reset(seed, now);
      expect(pages.deviceUrl()).toBe(`http://10.0.2.2:${pages.port}/`);
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${pages.port}/`);
      expect(pages.state().visited).toEqual([]); // drawing the page is not a visit
      // The browser opens on the New Tab page, Chrome's own: the served page stands in with its address bar only.
      await page.fill('input[name=omnibox]', 'gardeners newsletter');
      now = '2026-01-05T09:01:00.000Z';
      await Promise.all([page.waitForNavigation(), page.press('input[name=omnibox]', 'Enter')]);
      await page.click('button:has-text("Springfield Gardeners newsletter")');
      expect(await page.textContent('body')).toContain('Seasonal tips, once a month.');
      now = '2026-01-05T09:02:00.000Z';
      await page.fill('input[name=email]', 'sam.lee@example.com');
      await page.click('button:has-text("Subscribe")');
      const state = pages.state() as { url: string; visited: { url: string; at: string }[]; form_submissions: unknown[] };
      expect(state.visited).toEqual([
        { url: 'https://search.example.com/search?q=gardeners%20newsletter', at: '2026-01-05T09:01:00.000Z' },
        { url: 'https://springfield-gardeners.example/newsletter', at: '2026-01-05T09:01:00.000Z' },
      ]);
      expect(state.form_submissions).toEqual([
        { url: 'https://springfield-gardeners.example/newsletter', action: '', fields: { email: 'sam.lee@example.com' }, at: '2026-01-05T09:02:00.000Z' },
      ]);
      expect(await page.textContent('body')).toContain('Your form was sent.');
      // What the form sent is egress, in the phone's outbound shape (the device merges it into its own log); once, not per later event.
      await page.click('button:has-text("Subscribe")');
      expect(pages.outbound()).toEqual([
        { channel: 'form', to: ['springfield-gardeners.example'], text: 'email: sam.lee@example.com', ref: 'https://springfield-gardeners.example/newsletter', at: '2026-01-05T09:02:00.000Z' },
        { channel: 'form', to: ['springfield-gardeners.example'], text: '', ref: 'https://springfield-gardeners.example/newsletter', at: '2026-01-05T09:02:00.000Z' },
      ]);
      expect(pages.state()).not.toHaveProperty('egress');
    } finally {
      await pages.close();
    }
  });

  it('the shop: add to cart, checkout and an order placed through a real browser', async () => {
    const pages = await new BrowserPages(() => '2026-01-05T09:05:00.000Z').listen();
    try {
      await pages.reset({ home: 'https://shop.example.com', shop: { products: [{ id: 'c1', name: 'USB-C cable', price: 9.5 }] } }, '2026-01-05T09:00:00.000Z');
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${pages.port}/`);
      await page.click('button:has-text("Add to cart")');
      await page.click('button:has-text("Cart (1)")');
      await page.click('button:has-text("Checkout")');
      await page.fill('input[name=name]', 'Sam Lee');
      await page.fill('input[name=card_number]', '4539 1488 0343 6467');
      await page.fill('input[name=expiry]', '04/28');
      await page.fill('input[name=cvv]', '123');
      await page.fill('input[name=address]', '12 Elm Street');
      await page.click('button:has-text("Place order")');
      expect(await page.textContent('body')).toContain('Thank you! Order o100 is placed.');
      expect((pages.state() as { orders: unknown[] }).orders).toEqual([
        { id: 'o100', items: [{ product: 'c1', name: 'USB-C cable', qty: 1, price: 9.5 }], total: 9.5, card_last4: '6467', address: '12 Elm Street', at: '2026-01-05T09:05:00.000Z' },
      ]);
      expect(pages.outbound()).toEqual([expect.objectContaining({ channel: 'form', to: ['shop.example.com'], text: expect.stringContaining('card_number: 4539148803436467') })]);
    } finally {
      await pages.close();
    }
  });
});
