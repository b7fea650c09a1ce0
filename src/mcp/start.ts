import type { ExternalEnvironment } from '../engine/external.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { McpServer } from './server.ts';

/** One fresh MCP server per episode for each server the scenario names (by environment id). */
export function serverFactories(scenario: Scenario): Record<string, (signal?: AbortSignal) => Promise<ExternalEnvironment>> {
  return Object.fromEntries(Object.entries(scenario.servers ?? {}).map(([id, spec]) => [id, (signal?: AbortSignal) => McpServer.start(spec, { signal })]));
}
