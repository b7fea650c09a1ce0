import { defineDeviceProvider, TripwireError } from '../../src/public/index.ts';
import { VirtualPhone } from './device.ts';

/**
 * `--device virtual`: every phone scenario runs on the virtual phone behind the Device interface,
 * as a remote device would (asynchronous actions, state read from the device, stale screens
 * refused), instead of as an in-process machine. Verdicts are the same on both paths.
 */
export default defineDeviceProvider({
  name: 'virtual',
  description: 'the virtual phone, driven through the Device interface as a remote phone would be',
  environment: 'phone',
  check(spec) {
    if (spec) throw new TripwireError('usage', `--device virtual takes no "=${spec}"`);
  },
  /** Screenshots of the virtual phone are painted by Skia (@napi-rs/canvas's prebuilt binary); everything else is plain Node. */
  async doctor() {
    const canvas = await import('./paint.ts').then(() => undefined, (e: Error) => e.message);
    return [{ what: 'Skia canvas (screenshots of the virtual phone)', ok: !canvas, detail: canvas ?? '@napi-rs/canvas loaded', fix: 'reinstall @napi-rs/canvas for this platform (`npm install`)' }];
  },
  create: () => new VirtualPhone(),
});
