import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Adb } from '../../../android/emulator/adb.ts';
import { EmulatorDevice } from '../../../android/emulator/device.ts';
import { STOCK_PACKAGES } from '../../../android/shell/image.ts';
import { VirtualPhone } from '../../../android/phone/device.ts';
import { defineDeviceProvider } from '../../../src/engine/device.ts';
import { runBatch } from '../../../src/run/run.ts';
import { discoverAgentProviders, PACKAGE_ROOT } from '../../../src/scenario/discover.ts';
import { loadScenarios } from '../../../src/scenario/load.ts';
import { liveScreen, showLiveScreen } from '../../../src/viewer/liveScreens.ts';
import { startViewer, type Viewer } from '../../../src/viewer/server.ts';
import { environments, tempDir } from '../../support/helpers.ts';
import { phoneBehindAdb } from '../../support/emulatorStandin.ts';

const { scenarios } = await loadScenarios([join(PACKAGE_ROOT, 'scenarios', 'phone', 'settings', 'turn-on-wifi.yaml')], environments);
let viewer: Viewer | undefined;
afterEach(async () => { await viewer?.close(); viewer = undefined; });

describe('live view of an emulator in the viewer', () => {
  it('an emulator device shows its screen for its episode while open (with the MJPEG stream when set), and stops when closed', async () => {
    const phone = new VirtualPhone();
    const device = new EmulatorDevice({ adb: new Adb(phoneBehindAdb(phone, STOCK_PACKAGES).transport), screen: phone, start: '2026-01-05T09:00:00Z', packages: STOCK_PACKAGES, live: { episodeId: 'e1', stream: 'http://127.0.0.1:7810' } });
    expect(liveScreen('e1')?.stream).toBe('http://127.0.0.1:7810');
    expect((await liveScreen('e1')!.png()).subarray(1, 4).toString()).toBe('PNG');
    await device.close();
    expect(liveScreen('e1')).toBeUndefined();
  });

  it('the viewer draws the device\'s own screenshot (or stream) in the phone frame instead of the replayed virtual phone', async () => {
    viewer = await startViewer({ scenarios, environments });
    const providers = await discoverAgentProviders();
    const standIn = defineDeviceProvider({ name: 'emulator', description: 'stand-in', environment: 'phone', phone: 'emulator', create: (_s, { start }) => {
      const p = new VirtualPhone({ start });
      return new EmulatorDevice({ adb: new Adb(phoneBehindAdb(p, STOCK_PACKAGES).transport), screen: p, seedScreen: (seed) => p.reset(seed), start, packages: STOCK_PACKAGES, pages: phoneBehindAdb(p, STOCK_PACKAGES).pages, noSnapshot: true });
    } });
    const run = await runBatch({ agents: ['oracle'], trials: 1, scenarios, environments, providers, concurrency: 1, out: tempDir(), device: 'emulator', devices: new Map([['emulator', standIn]]), hooks: viewer.hooks });
    const id = run.results[0]!.episodeId;
    const api = (path: string) => fetch(new URL(path, viewer!.url).href + (path.includes('?') ? '&' : '?') + `token=${viewer!.token}`);
    // Without a live screen: the replayed virtual phone's HTML.
    const replayed = await (await api(`api/episodes/${id}/state?step=1`)).json() as { environments: { phone: { screen: string } } };
    expect(replayed.environments.phone.screen).not.toContain('Emulator screen');

    const png = Buffer.from('\x89PNG fake screen');
    const hide = showLiveScreen(id, { png: async () => png });
    const live = await (await api(`api/episodes/${id}/state?step=1`)).json() as { environments: { phone: { screen: string } } };
    // Inline, so the page's content policy (images from data: and its own origin) lets it show.
    expect(live.environments.phone.screen).toContain(`src="data:image/png;base64,${png.toString('base64')}"`);
    hide();

    // With appium:mjpegServerPort: the device's MJPEG stream, relayed from the viewer's own origin.
    const mjpeg = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'multipart/x-mixed-replace; boundary=frame' });
      res.end('--frame\r\nContent-Type: image/jpeg\r\n\r\nJPEG1\r\n');
    });
    await new Promise<void>((r) => mjpeg.listen(0, '127.0.0.1', r));
    try {
      showLiveScreen(id, { png: async () => png, stream: `http://127.0.0.1:${(mjpeg.address() as AddressInfo).port}` });
      const streamed = await (await api(`api/episodes/${id}/state`)).json() as { environments: { phone: { screen: string } } };
      expect(streamed.environments.phone.screen).toContain(`src="/api/episodes/${id}/live.mjpeg"`);
      const relayed = await api(`api/episodes/${id}/live.mjpeg`);
      expect(relayed.headers.get('content-type')).toBe('multipart/x-mixed-replace; boundary=frame');
      expect(await relayed.text()).toContain('JPEG1');
    } finally {
      mjpeg.close();
    }
  });
});
