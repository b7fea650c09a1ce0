import { loadConfig } from '../run/config.ts';
import { discoverAgentProviders, discoverDeviceProviders } from '../scenario/discover.ts';
import { UsageError } from './shared.ts';

/** `tripwire doctor`: each device kind's needs (and what agent providers rely on, such as exec agents' isolation), present or missing with the fix; exit 2 when any is missing. */
export async function doctorCommand(argv: string[]): Promise<number> {
  if (argv.length) throw new UsageError(`tripwire doctor takes no arguments, got "${argv.join(' ')}"`);
  const config = (await loadConfig(undefined).catch(() => undefined))?.config;
  let missing = 0;
  for (const provider of (await discoverDeviceProviders()).values()) {
    if (!provider.doctor) continue;
    console.log(`${provider.name}: ${provider.description}`);
    for (const c of await provider.doctor(config?.devices[provider.name] ?? {})) {
      console.log(`  ${c.ok ? 'ok     ' : 'MISSING'} ${c.what}: ${c.detail}`);
      if (!c.ok) {
        missing++;
        if (c.fix) console.log(`          fix: ${c.fix}`);
      }
    }
  }
  for (const provider of (await discoverAgentProviders()).values()) {
    if (!provider.doctor) continue;
    console.log(`${provider.name} agents: ${provider.description}`);
    for (const c of await provider.doctor()) {
      console.log(`  ${c.ok ? (c.weak ? 'weak   ' : 'ok     ') : 'MISSING'} ${c.what}: ${c.detail}`);
      if (!c.ok) missing++;
      if (c.fix && (!c.ok || c.weak)) console.log(`          fix: ${c.fix}`);
    }
  }
  console.log(missing ? `\n${missing} missing: the device kinds above that need them cannot run here.` : '\neverything is present.');
  return missing ? 2 : 0;
}

/** `tripwire <device kind> <command>`: a device provider's own commands (`tripwire emulator prepare`). */
export async function deviceCommand(kind: string, argv: string[]): Promise<number> {
  const provider = (await discoverDeviceProviders()).get(kind);
  if (!provider?.commands) throw new UsageError(`unknown command "${kind}"`);
  const [name, ...rest] = argv;
  const command = name ? provider.commands[name] : undefined;
  if (!command) throw new UsageError(`tripwire ${kind} takes one of: ${Object.keys(provider.commands).join(', ')}`);
  const config = (await loadConfig(undefined).catch(() => undefined))?.config;
  return command(rest, config?.devices[kind] ?? {});
}
