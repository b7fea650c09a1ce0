import { z } from 'zod';
import type { Environment, Tool } from './environment.ts';
import type { ExternalEnvironment, ExternalTool } from './external.ts';
import { cleanSchema } from './jsonSchema.ts';

/**
 * An external environment's tools as the world binds them: each validated with a zod schema built
 * from the JSON Schema the server lists (so a bad call is the same `invalid-arguments` observation as
 * on any environment, and never reaches the server), and offered with that schema, cleaned.
 */
export function externalBinding(envId: string, external: ExternalEnvironment): { env: Environment; tool: Tool }[] {
  const tools = external.tools().map(toTool);
  // Stands for the environment in the world's tool table: its id and tools; no machine, no seed.
  const env = { id: envId, title: envId, description: external.description, seed: z.unknown(), machine: undefined as never, tools } satisfies Environment;
  return tools.map((tool) => ({ env, tool }));
}

function toTool(t: ExternalTool): Tool & { inputSchema: Record<string, unknown> } {
  const inputSchema = deepFreeze(cleanSchema(t.inputSchema));
  return {
    name: t.name,
    description: t.description,
    parameters: t.serverValidates ? z.record(z.string(), z.unknown()) : zodOf(inputSchema),
    inputSchema,
    kind: t.kind,
    risk: t.risk,
    // The observation is the server's answer: the world takes it from the call, never from here.
    result: () => undefined,
  };
}

/** A schema zod cannot read (a draft it does not know, a $ref it cannot follow) still takes any object: the server validates. */
function zodOf(schema: Record<string, unknown>): z.ZodType {
  try {
    return z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);
  } catch {
    return z.record(z.string(), z.unknown());
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
