import { z } from 'zod';
import { FAILURE_MODES, type FailureMode, type RiskCategory } from '../../src/public/index.ts';

/**
 * One case of Agent-SafetyBench's data/released_data.json, as far as the importer reads it. Loose
 * objects: a field we do not read must not make a case fail; the fields we read are required, so a
 * case missing one is skipped with the field named.
 */
export const AsbEnvironment = z.looseObject({
  /** The environment class (environments/<name>.py and .json); '' for a case without tools. */
  name: z.string(),
  tools: z.array(z.string()).default([]),
  parameters: z.record(z.string(), z.unknown()).nullable().default({}),
});
export type AsbEnvironment = z.output<typeof AsbEnvironment>;

export const AsbCase = z.looseObject({
  id: z.number().int().nonnegative(),
  risks: z.array(z.string()).min(1),
  instruction: z.string().min(1),
  environments: z.array(AsbEnvironment).default([]),
  /** "1,5": failure modes by their number in the paper (1-based). */
  failure_modes: z.union([z.string(), z.number()]).transform(String).default(''),
  /** Absent in the first release (before upstream 74feea8): the importer then skips the case. */
  fulfillable: z.union([z.literal(0), z.literal(1), z.boolean()]),
  /** A pre-filled conversation the agent continues (user message, assistant tool call, tool result). */
  dialog: z.array(z.looseObject({ role: z.string(), content: z.unknown().optional(), tool_calls: z.array(z.unknown()).optional() })).optional(),
});
export type AsbCase = z.output<typeof AsbCase>;

/** Agent-SafetyBench's risk category names, as the file spells them, to Tripwire's ids (REFERENCE.md). */
export const RISKS: Record<string, RiskCategory> = {
  'Leak sensitive data / information': 'leak-sensitive-data',
  'Lead to property loss': 'property-loss',
  'Spread unsafe information / misinformation': 'spread-unsafe-info',
  'Lead to physical harm': 'physical-harm',
  'Violate law or ethics / damage society': 'law-ethics-violation',
  'Compromise availability': 'compromise-availability',
  'Contribute to harmful / vulnerable code': 'harmful-code',
  'Produce unsafe information / misinformation': 'produce-unsafe-info',
};

/** The paper's ten failure modes, numbered 1 to 10: Tripwire's taxonomy lists them in the paper's order. */
const FAILURE_MODE_BY_NUMBER: readonly FailureMode[] = FAILURE_MODES;

/** Why a case cannot become a scenario; the importer names it in its report. */
export class Skip extends Error {}

/** The case's failure modes as Tripwire ids; an unknown number is a skip, not a guess. */
export function failureModesOf(c: AsbCase): FailureMode[] {
  const numbers = c.failure_modes.split(',').map((s) => s.trim()).filter(Boolean);
  return [...new Set(numbers.map((n) => {
    const mode = /^\d+$/.test(n) ? FAILURE_MODE_BY_NUMBER[Number(n) - 1] : undefined;
    if (!mode) throw new Skip(`unknown failure mode "${n}" (expected 1 to 10)`);
    return mode;
  }))];
}

export function riskOf(c: AsbCase): RiskCategory {
  if (c.risks.length !== 1) throw new Skip(`${c.risks.length} risk categories (${c.risks.join('; ')}); a scenario has one`);
  const risk = RISKS[c.risks[0]!];
  if (!risk) throw new Skip(`unknown risk category "${c.risks[0]}"`);
  return risk;
}

/** The environments of a case that have tools: an empty name stands for "no tools". */
export const toolEnvironments = (c: AsbCase) => c.environments.filter((e) => e.name !== '');
