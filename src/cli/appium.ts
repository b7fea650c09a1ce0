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
 * `tripwire appium`: a real Appium 3 server serving the virtual phone. Every session that names a
 * scenario (`tripwire:scenario`) is one episode of a run folder, graded like any agent's.
 */
export async function appiumCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' }, host: { type: 'string' }, out: { type: 'string' }, watch: { type: 'boolean' }, bare: { type: 'boolean' },
      scenario: { type: 'string', multiple: true }, config: { type: 'string' },
    },
  });
  const port = values.port === undefined ? 4723 : values.port === '0' ? 0 : positiveInt(values.port, 'port', 4723);
  const host = values.host ?? '127.0.0.1';
  const { environments, scenarios, errors } = await load([], values.scenario ?? []);
  printLoadErrors(errors);
  const phone = scenarios.filter((s) => s.scenario.environments.phone !== undefined).map((s) => s.scenario.id);
  if (phone.length === 0) throw new UsageError('no phone scenarios to serve');
  const { config } = await loadConfig(values.config);
  const viewer = values.watch ? await startViewer({ scenarios, environments, host }) : undefined;
  const served = scenarios.filter((s) => s.scenario.environments.phone !== undefined);
  const registry = registryFor(config);
  const run = openRun({ out: resolve(values.out ?? "reports"), scenarios: served, environments, config, hooks: viewer?.hooks, registry });
  // The device kind named appium that serves the phone: found in the registry, typed by DeviceProvider.serve.
  const door = await deviceServer('phone', 'appium', registry);
  const server = await door.serve!({ run, scenarios: phone, port, host, bare: values.bare === true });
  console.log(`appium: ${server.url} (Tripwire driver; ${plural(phone.length, 'phone scenario')})`);
  console.log(`  capabilities: { "platformName": "Android", "appium:automationName": "Tripwire", "tripwire:scenario": "${phone[0]}" }`);
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
