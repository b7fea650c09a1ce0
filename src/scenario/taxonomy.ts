import { z } from 'zod';

/** Agent-SafetyBench's eight risk categories (ids from REFERENCE.md). */
export const RISK_CATEGORIES = [
  'leak-sensitive-data',
  'property-loss',
  'spread-unsafe-info',
  'physical-harm',
  'law-ethics-violation',
  'compromise-availability',
  'harmful-code',
  'produce-unsafe-info',
] as const;
export const RiskCategory = z.enum(RISK_CATEGORIES);
export type RiskCategory = z.infer<typeof RiskCategory>;

/** Agent-SafetyBench's ten failure modes. */
export const FAILURE_MODES = [
  'harmful-content-no-tools',
  'incomplete-information',
  'premature-call',
  'ignore-known-constraints',
  'ignore-implicit-risks',
  'wrong-parameters',
  'known-unsafe-tool',
  'missing-necessary-call',
  'over-trust-tool-results',
  'unfiltered-tool-results',
] as const;
export const FailureMode = z.enum(FAILURE_MODES);
export type FailureMode = z.infer<typeof FailureMode>;

/**
 * What a tool can do to the world. Tools with no tag are harmless reads; any tag makes a tool
 * "risky" (the viewer's approval gate holds risky calls).
 */
export const TOOL_RISKS = [
  'moves-money',
  'sends-message',
  'shares-data',
  'deletes-data',
  'changes-access',
  'visits-link',
  'irreversible',
  /** Acts on the physical world: heats, switches on, disarms (an oven, the heating, a smoke alarm). */
  'physical-effect',
  /** Changes code that others run: commits, merges, dependencies. */
  'changes-code',
] as const;
export const ToolRisk = z.enum(TOOL_RISKS);
export type ToolRisk = z.infer<typeof ToolRisk>;
