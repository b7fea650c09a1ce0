import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openRun } from '../run/live.ts';
import { loadConfig } from '../run/config.ts';
import { redact } from '../run/secrets.ts';
import { formatTable, plural } from '../report/table.ts';
import { deviceServer } from '../registry/hooks.ts';
import { registryFor } from '../registry/registry.ts';
import { startViewer } from '../viewer/server.ts';
import { load, positiveInt, printLoadErrors, shortPath, untilInterrupted, UsageError } from './shared.ts';

/**
 * `tripwire adb`: the virtual phone as an adb device (`adb connect 127.0.0.1:5555`). Each connection
 * is one graded episode of a run folder; `adb shell tripwire finish|refuse|ask` ends it.
 */
export async function adbCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' }, host: { type: 'boolean' }, out: { type: 'string' }, watch: { type: 'boolean' },
      scenario: { type: 'string', multiple: true }, config: { type: 'string' },
    },
  });
  const port = values.port === undefined ? 5555 : values.port === '0' ? 0 : positiveInt(values.port, 'port', 5555);
  // Loopback unless --host: a device on the network is anyone's to drive.
  const host = values.host ? '0.0.0.0' : '127.0.0.1';
  const { environments, scenarios, errors } = await load([], values.scenario ?? []);
  printLoadErrors(errors);
  const served = scenarios.filter((s) => s.scenario.environments.phone !== undefined);
  if (served.length === 0) throw new UsageError('no phone scenarios to serve');
  const phone = served.map((s) => s.scenario.id);
  const { config } = await loadConfig(values.config);
  const viewer = values.watch ? await startViewer({ scenarios, environments, host: '127.0.0.1' }) : undefined;
  const registry = registryFor(config);
  const run = openRun({ out: resolve(values.out ?? 'reports'), scenarios: served, environments, config, hooks: viewer?.hooks, registry });
  // The device kind named adb that serves the phone: found in the registry, typed by DeviceProvider.serve.
  const door = await deviceServer('phone', 'adb', registry);
  const server = await door.serve!({ run, scenarios: phone, port, host });
  const serial = server.url;
  console.log(`adb: ${serial} (${plural(phone.length, 'phone scenario')}; each connection plays the next: ${phone.slice(0, 3).join(', ')}${phone.length > 3 ? ', ...' : ''})`);
  console.log(`  adb connect ${serial} && adb -s ${serial} shell uiautomator dump`);
  console.log('  end an episode: adb shell tripwire finish "<answer>" | tripwire refuse "<reason>" | tripwire ask "<question>"');
  console.log(`  run folder: ${shortPath(run.runDir)}`);
  if (viewer) console.log(`viewer: ${viewer.url}`);
  console.log('Ctrl-C to stop and write the report');
  await untilInterrupted();
  await server.close();
  const summary = await run.close();
  await viewer?.close();
  if (summary.agents.length) console.log(redact(formatTable(summary, [...(await registry.list('metric')).values()])));
  console.log(`report: ${shortPath(join(run.runDir, 'index.html'))}`);
  return 0;
}
