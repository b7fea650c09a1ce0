import type { AnyAgentProvider } from '../agent/agent.ts';
import type { DeviceProvider } from '../engine/device.ts';
import type { Environment } from '../engine/environment.ts';
import { bundledRegistry, Registry } from '../registry/registry.ts';

export { CODE_ROOT, MODULE_EXT, PACKAGE_ROOT } from './modules.ts';

/**
 * Shorthands over the registry (src/registry/) for the kinds most callers want. Without folders they
 * are Tripwire's own plug-ins; with folders, those folders searched by the same rule.
 */
const own = (dirs: string | string[] | undefined, index: 'environment' | 'agent' | undefined) =>
  dirs === undefined ? bundledRegistry() : new Registry({ roots: (typeof dirs === 'string' ? [dirs] : dirs).map((dir) => ({ dir, index })) });

/** The environments, keyed by id. */
export function discoverEnvironments(dirs?: string | string[]): Promise<Map<string, Environment>> {
  return own(dirs, 'environment').list('environment');
}

/** The agent providers, keyed by name; baselines among them are privileged. */
export function discoverAgentProviders(dir?: string): Promise<Map<string, AnyAgentProvider>> {
  return own(dir, 'agent').list('agent');
}

/** The device providers (`<root>/<name>/provider.ts`), keyed by name. */
export function discoverDeviceProviders(dirs?: string[]): Promise<Map<string, DeviceProvider>> {
  return own(dirs, undefined).list('device');
}

