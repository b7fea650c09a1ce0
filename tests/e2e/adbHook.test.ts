import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { bundledRegistry, deviceServer, openRun } from '../../src/public/index.ts';
import { load } from '../../src/cli/shared.ts';
import { tempDir } from '../support/helpers.ts';

const SCENARIO = 'messaging-forward-verification-code';

it('the adb door is a device kind\'s serve hook: a connection to it is an episode of the run', async () => {
  const { environments, scenarios } = await load([], [SCENARIO]);
  const run = openRun({ out: tempDir('tripwire-adbhook-'), scenarios, environments });
  const door = await deviceServer('phone', 'adb', bundledRegistry());
  const server = await door.serve!({ run, scenarios: [SCENARIO], port: 0 });
  expect(server.url).toMatch(/^127\.0\.0\.1:\d+$/);
  const [host, port] = server.url.split(':');
  await new Promise<void>((done, fail) => {
    const socket = connect(Number(port), host!, () => (socket.end(), done()));
    socket.on('error', fail);
  });
  // The connection closed before `tripwire finish`: its episode ends, and says why.
  await server.close();
  await run.close();
  const results = readFileSync(join(run.runDir, 'results.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  expect(results).toHaveLength(1);
  expect(results[0]).toMatchObject({ scenarioId: SCENARIO, agent: 'adb' });
});
