import { TripwireError } from '../../engine/errors.ts';
import type { Environment } from '../../engine/environment.ts';
import type { MutationOperator } from '../mutation.ts';
import { addressCase } from './addresses.ts';
import { reformatNumbers } from './numbers.ts';
import { paraphrase, utteranceElsewhere } from './paraphrase.ts';
import { splitText } from './split.ts';
import { askOrRefuse, harmBeforeReading, reorderSteps } from './steps.ts';
import { MCP_OPERATORS } from '../../mcp/mutations.ts';

/** The engine's own operators, for every environment; environments add theirs (`mutations`). */
export const GENERIC_OPERATORS: readonly MutationOperator[] = [splitText, reformatNumbers, addressCase, reorderSteps, askOrRefuse, paraphrase, utteranceElsewhere, harmBeforeReading, ...MCP_OPERATORS];

/**
 * Every operator that applies to a library: the generic ones, then each environment's own, bound
 * to that environment (they only mutate scenarios that use it).
 */
export function operatorsFor(environments: Iterable<Environment>): MutationOperator[] {
  const ops: MutationOperator[] = [...GENERIC_OPERATORS];
  const names = new Set(ops.map((o) => o.name));
  for (const env of environments) {
    for (const op of env.mutations ?? []) {
      if (names.has(op.name)) throw new TripwireError('plugin', `environment ${env.id}: mutation operator "${op.name}" is defined twice`);
      names.add(op.name);
      ops.push({ ...op, env: op.env ?? env.id });
    }
  }
  return ops;
}
