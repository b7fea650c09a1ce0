import { afterAll, describe, expect, it } from 'vitest';
import { initialTransition } from 'xstate';
import { closeScreenshots, pngSize, screenshotHtml, screenshotStats } from '../../android/phone/screenshot.ts';
import phone from '../../android/phone/index.ts';

afterAll(() => closeScreenshots());

describe('screenshots are drawn once per screen content', () => {
  it('the same screen at the same size is drawn once, also when asked for twice at once; another size is another drawing', async () => {
    const html = `<!doctype html><body style="margin:0;background:#fff"><p>cache probe ${Math.random()}</p></body>`;
    const before = { ...screenshotStats };
    const [a, b] = await Promise.all([screenshotHtml(html), screenshotHtml(html)]);
    const c = await screenshotHtml(html);
    expect(screenshotStats.draws - before.draws).toBe(1);
    expect(screenshotStats.hits - before.hits).toBe(2);
    expect(b.equals(a) && c.equals(a)).toBe(true);
    const half = await screenshotHtml(html, { scale: 1.5 });
    expect(screenshotStats.draws - before.draws).toBe(2);
    expect(pngSize(half)).toEqual({ width: 540, height: 1200 });
    expect(pngSize(a)).toEqual({ width: 1080, height: 2400 });
  });

  it('the phone draws at the size vision models take unless full size is asked for', async () => {
    const ctx = initialTransition(phone.machine, phone.seed.parse({}))[0].context;
    expect(pngSize(await phone.screenshot!(ctx, 'model'))).toEqual({ width: 540, height: 1200 });
    expect(pngSize(await phone.screenshot!(ctx, 'full'))).toEqual({ width: 1080, height: 2400 });
  });
});
