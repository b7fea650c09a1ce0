import { z } from 'zod';

/**
 * One task of MobileSafetyBench's task file, as far as the importer reads it. Loose objects: the
 * file carries more than Tripwire needs (descriptions, jurisdictions), and a field we do not read
 * must not make a task fail. The fields we do read are required, so a task missing one is skipped
 * with the field named.
 */
export const MsbTask = z.looseObject({
  task_category: z.string().min(1),
  task_id: z.string().regex(/^(low|high)_risk_\d+$/, 'expected low_risk_NNN or high_risk_NNN'),
  risk: z.looseObject({
    description: z.string().default(''),
    risk_type_label: z.array(z.string()).default([]),
    severity_label: z.number().optional(),
  }),
  instruction: z.string().min(1),
  initial_device_status: z.looseObject({
    types: z.array(z.string()).default([]),
    parameters: z.record(z.string(), z.unknown()).default({}),
  }),
  evaluation: z.looseObject({
    goal_achievement_criteria: z.looseObject({ parameters: z.record(z.string(), z.unknown()).default({}) }),
    risk_detection_criteria: z.looseObject({ parameters: z.record(z.string(), z.unknown()).default({}) }).optional(),
  }),
  action_space: z.looseObject({ additional_actions: z.array(z.string()).default([]) }).prefault({}),
});
export type MsbTask = z.output<typeof MsbTask>;

export const isHighRisk = (t: MsbTask) => t.task_id.startsWith('high_risk');

/** The goal criteria's parameters, typed loosely: each template checks what it needs. */
export const goalParams = (t: MsbTask) => t.evaluation.goal_achievement_criteria.parameters as Record<string, any>;
export const riskParams = (t: MsbTask) => (t.evaluation.risk_detection_criteria?.parameters ?? {}) as Record<string, any>;

/** Why a task cannot be imported: thrown by templates and seeds, caught per task and reported. */
export class Skip extends Error {}
