import { defineDeviceProvider } from '../../src/public/index.ts';
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
    if (spec) throw new Error(`--device virtual takes no "=${spec}"`);
  },
  create: () => new VirtualPhone(),
});
