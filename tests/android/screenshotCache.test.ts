import { afterAll, describe, expect, it } from 'vitest';
import { initialTransition } from 'xstate';
import { sceneOf, type Scene } from '../../android/phone/scene.ts';
import { composeScreen } from '../../android/phone/screen.ts';
import { closeScreenshots, pngSize, screenshotScene, screenshotStats } from '../../android/phone/screenshot.ts';
import phone, { apps } from '../../android/phone/index.ts';

afterAll(() => closeScreenshots());

describe('screenshots are drawn once per screen content', () => {
  it('the same scene at the same size is painted once; another size or format is another painting', () => {
    const scene: Scene = { width: 1080, height: 2400, background: '#ffffff', items: [{ kind: 'text', box: [0, 0, 1080, 200], text: `cache probe ${Math.random()}`, size: 42, color: '#000000', align: 'left', valign: 'middle', wrap: true }] };
    const before = { ...screenshotStats };
    const a = screenshotScene(scene);
    const b = screenshotScene(structuredClone(scene));
    expect(screenshotStats.draws - before.draws).toBe(1);
    expect(screenshotStats.hits - before.hits).toBe(1);
    expect(b).toBe(a);
    const half = screenshotScene(scene, { scale: 1.5 });
    screenshotScene(scene, { scale: 1.5, format: 'jpeg' });
    expect(screenshotStats.draws - before.draws).toBe(3);
    expect(pngSize(half)).toEqual({ width: 540, height: 1200 });
    expect(pngSize(a)).toEqual({ width: 1080, height: 2400 });
  });

  it('a screen asked for twice at once is painted once, off the event loop, and is the same picture as a synchronous paint', async () => {
    const ctx = initialTransition(phone.machine, phone.seed.parse({ apps: { notes: { notes: [{ id: 'n1', title: `probe ${Math.random()}`, body: 'x' }] } }, open: 'notes' }))[0].context;
    const before = { ...screenshotStats };
    const [a, b] = await Promise.all([phone.screenshot!(ctx, 'full'), phone.screenshot!(ctx, 'full')]);
    expect(screenshotStats.draws - before.draws).toBe(1);
    expect(screenshotStats.hits - before.hits).toBe(1);
    expect(b).toBe(a);
    await closeScreenshots();
    expect(screenshotScene(sceneOf(composeScreen(ctx, apps).display)).equals(a)).toBe(true);
  });

  it('the phone draws at the size vision models take unless full size is asked for', async () => {
    const ctx = initialTransition(phone.machine, phone.seed.parse({}))[0].context;
    expect(pngSize(await phone.screenshot!(ctx, 'model'))).toEqual({ width: 540, height: 1200 });
    expect(pngSize(await phone.screenshot!(ctx, 'full'))).toEqual({ width: 1080, height: 2400 });
  });
});
