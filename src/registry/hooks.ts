import type { AgentChannel } from '../agent/channel.ts';
import type { DeviceEndpoint, DeviceProvider } from '../engine/device.ts';
import { TripwireError } from '../engine/errors.ts';
import { bundledRegistry, type Registry } from './registry.ts';

/**
 * A device kind's hooks, looked up through the registry: a door or an agent that needs a device of
 * some environment asks for the hook, never for a file (src/ and agents/ import nothing of android/).
 */
async function withHook(hook: 'serve' | 'endpoint', environment: string, registry: Registry, name?: string): Promise<DeviceProvider> {
  const kinds = [...(await registry.list('device')).values()].filter((d) => d.environment === environment && typeof d[hook] === 'function' && (name === undefined || d.name === name));
  const kind = kinds[0];
  if (!kind) throw new TripwireError('device-unavailable', `no device kind ${name ? `"${name}" ` : ''}of the ${environment} environment offers ${hook === 'serve' ? 'a server (serve)' : 'a per-episode endpoint (endpoint)'}`);
  return kind;
}

/** A per-episode endpoint on a device of `environment` for the agent behind `channel` (the exec agent's phone). */
export async function deviceEndpoint(channel: AgentChannel, environment: string, registry: Registry = bundledRegistry()): Promise<DeviceEndpoint> {
  return (await withHook('endpoint', environment, registry)).endpoint!(channel);
}

/** The device kind that serves `environment` as a door (`tripwire appium`: the one named `name`). */
export function deviceServer(environment: string, name?: string, registry: Registry = bundledRegistry()): Promise<DeviceProvider> {
  return withHook('serve', environment, registry, name);
}
