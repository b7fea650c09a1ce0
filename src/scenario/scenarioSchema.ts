import { z } from 'zod';
import type { Environment } from '../engine/environment.ts';
import { Scenario } from './scenario.ts';

/**
 * The JSON Schema of scenario data files, with each environment's seed schema under
 * `environments`, so editors complete and check a scenario file as they type.
 */
export function scenarioJsonSchema(environments: Map<string, Environment>): Record<string, unknown> {
  const schema = z.toJSONSchema(Scenario, { io: 'input', unrepresentable: 'any' }) as Record<string, any>;
  const seeds = Object.fromEntries(
    [...environments].sort(([a], [b]) => a.localeCompare(b)).map(([id, e]) => {
      const { $schema: _drop, ...seed } = z.toJSONSchema(e.seed, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
      return [id, { description: e.description, ...seed }];
    }),
  );
  schema.title = 'Tripwire scenario';
  schema.properties.environments = { ...schema.properties.environments, properties: seeds, additionalProperties: false };
  return schema;
}
