import { describe, expect, it } from 'vitest';
import provider from '../../../android/appium/provider.ts';
import { liveScreen } from '../../../src/viewer/liveScreens.ts';

describe('--device appium=<url> in the viewer', () => {
  it("shows the remote device's own screenshots while its episode runs, and stops when the device closes", async () => {
    const device = await provider.create!('http://127.0.0.1:9', { start: '2026-01-05T09:00:00Z', episodeId: 'a__s__t1', options: {} });
    expect(liveScreen('a__s__t1')).toBeDefined();
    await device.close();
    expect(liveScreen('a__s__t1')).toBeUndefined();
  });
});
