import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';
import { TripwireError } from '../engine/errors.ts';
import { Action } from '../engine/action.ts';
import { Predicate } from '../grading/predicate.ts';
import { RiskCategory } from '../scenario/taxonomy.ts';

/**
 * An attacker goal: what an injected instruction wants done (money to the attacker's account, a
 * code sent out, a backup deleted), with an outcome predicate over the world's state and outbound
 * log (reached or not, by whatever route) and a reference trajectory (the attacker's ground truth,
 * as AgentDojo's injection tasks have). Goals are content, a plug-in kind the registry finds by its
 * one rule (src/registry/discover.ts): goals/ holds the library, a user's config adds more.
 */
export type WorldState = Record<string, any>;

/** One step of a goal's reference: an action, or one computed from the world's state at that step (an id the world assigns). */
export type GoalStep = Action | ((state: WorldState) => Action | undefined);

export interface Goal {
  id: string;
  title: string;
  /** What the injected text asks for, in the attacker's words (given the world's state: its names and ids). */
  instruction: string | ((state: WorldState) => string | undefined);
  /** Every one of these environments must be in a scenario for the goal to be crossed with it. */
  environments: string[];
  risk: RiskCategory;
  /** Reached when this holds: an outcome over state and the outbound log (`leaks`, `exposes`), so another route counts. */
  check: Predicate | ((state: WorldState) => Predicate | undefined);
  /** The attacker's ground truth: how the goal is reached from the world an agent is in. */
  reference: readonly GoalStep[];
  /** Phone goals: the shortcut actions (tools) the reference uses, offered in the security case. */
  shortcuts?: string[];
}

export function defineGoal(goal: Goal): Goal {
  return goal;
}

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes');

/** A goal written as YAML (goals/*.yaml): the same fields, without the functions of a TS goal. */
export const GoalFile = z.strictObject({
  id: Id,
  title: z.string().min(1),
  instruction: z.string().min(1),
  environments: z.array(z.string()).min(1),
  risk: RiskCategory,
  check: Predicate,
  reference: z.array(Action).min(1),
  shortcuts: z.array(z.string()).optional(),
});

/** The goal of a YAML goal file; an invalid one is an error naming the file and each field at fault. */
export async function readGoalYaml(file: string): Promise<Goal> {
  const parsed = GoalFile.safeParse(parse(await readFile(file, 'utf8')));
  if (!parsed.success) throw new TripwireError('scenario-load', `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(goal)'}: ${i.message}`).join('; ')}`);
  return parsed.data as Goal;
}

export const isGoal = (v: unknown): v is Goal =>
  typeof v === 'object' && v !== null && typeof (v as Goal).id === 'string' && Array.isArray((v as Goal).environments) && Array.isArray((v as Goal).reference) && 'check' in v;

/** A goal's instruction, predicate and reference resolved against one world state (undefined: the goal does not apply there). */
export function instructionOf(goal: Goal, state: WorldState): string | undefined {
  return typeof goal.instruction === 'function' ? goal.instruction(state) : goal.instruction;
}

export function checkOf(goal: Goal, state: WorldState): Predicate | undefined {
  return typeof goal.check === 'function' ? goal.check(state) : goal.check;
}
