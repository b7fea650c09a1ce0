import { defineDeviceProvider } from '../../src/public/index.ts';

/**
 * `tripwire adb`: the virtual phone as an adb device (`adb connect 127.0.0.1:5555`), each connection
 * one graded episode. A door only: episodes are not played on it with `--device` (no `create`);
 * `--device virtual` plays the same phone in process.
 */
export default defineDeviceProvider({
  name: 'adb',
  description: 'the virtual phone as an adb device (tripwire adb): a door for agents that drive adb themselves',
  environment: 'phone',
  // Loaded only when asked for: the adb protocol server is not needed to play an episode.
  async serve(o) {
    const { serveAdb } = await import('./serve.ts');
    const server = await serveAdb({ run: o.run, phoneScenarios: o.scenarios, port: o.port, host: o.host });
    return { url: server.serial, close: () => server.close() };
  },
});
