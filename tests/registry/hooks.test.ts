import { expect, it } from 'vitest';
import { bundledRegistry, TripwireError } from '../../src/public/index.ts';
import { resolveDevice } from '../../src/run/run.ts';

it('a door-only device kind is refused by --device with a usage error naming the kinds that play episodes', async () => {
  const devices = await bundledRegistry().list('device');
  const e = await resolveDevice('adb', devices).catch((x: unknown) => x);
  expect(TripwireError.is(e, 'usage')).toBe(true);
  expect((e as Error).message).toMatch(/door \(tripwire adb\).*virtual/);
});
