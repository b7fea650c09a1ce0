// Appium imports a driver's entry with import(): this JS file is that entry. The driver itself is
// TypeScript, like the rest of Tripwire; when the process already loads TypeScript (tripwire's CLI
// registers tsx) it is imported as is, otherwise tsx is registered first (a plain `appium` server,
// a test runner). The retry imports another URL: Node remembers a failed import by its URL.
let mod;
try {
  mod = await import('./driver.ts');
} catch (e) {
  if (e?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw e;
  const { register } = await import('tsx/esm/api');
  register();
  mod = await import('./driver.ts?with-tsx');
}
export const { TripwireDriver } = mod;
