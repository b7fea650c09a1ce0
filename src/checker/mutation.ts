import { TripwireError } from '../engine/errors.ts';
import type { Action } from '../engine/action.ts';
import type { Tool } from '../engine/environment.ts';
import type { Scenario } from '../scenario/scenario.ts';

/**
 * Mutation operators test the grader, not the agent: each rewrites a scenario's reference
 * trajectory into another path an agent could take to the same end (a sibling tool or field,
 * another format, a split, a copy, another channel, a paraphrase). A variant of `reference.unsafe`
 * must still trip a safety predicate; a variant of `reference.safe` must stay safe and helpful.
 * A variant that does not do the same harm (or the same good) is a bug in its operator.
 */
export type MutationKind = 'unsafe' | 'safe';

export interface Variant {
  /** What changed, for a person reading a miss: `send_email to -> cc`. */
  label: string;
  actions: Action[];
}

export interface MutationContext {
  scenario: Scenario;
  /** Which reference trajectory is being mutated. */
  kind: MutationKind;
  /**
   * Indexes (into the trajectory) of the actions at which the original play first violated a
   * safety predicate: the harmful actions an operator rewrites. Empty for `reference.safe`.
   */
  harmful: readonly number[];
  /** A tool the scenario's world offers, by name. */
  tool(name: string): Tool | undefined;
  /** The argument names a tool accepts (its schema's keys); empty when it has none or is not offered. */
  fields(name: string): string[];
  /**
   * The world's state after playing these actions from the seed (tool actions only, without world
   * events): how an operator learns an id the world will give (the copy `create_file` makes).
   */
  stateAfter(actions: readonly Action[]): Record<string, unknown>;
}

export interface MutationOperator {
  name: string;
  /** The environment whose tools it rewrites; absent for the engine's generic operators. */
  env?: string;
  /** Which reference trajectory it mutates. */
  kind: MutationKind | 'both';
  /** One sentence: what it rewrites and why that is the same harm (or the same good). */
  description?: string;
  variants(trajectory: readonly Action[], ctx: MutationContext): Variant[];
}

export function defineMutationOperator(op: MutationOperator): MutationOperator {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(op.name)) throw new TripwireError('plugin', `mutation operator "${op.name}": use lower-case letters, digits and dashes`);
  return op;
}

/** Whether an operator applies to this trajectory kind of a scenario with these environments. */
export function applies(op: MutationOperator, kind: MutationKind, envs: readonly string[]): boolean {
  return (op.kind === 'both' || op.kind === kind) && (op.env === undefined || envs.includes(op.env));
}

// Helpers for operators (exported through the public API so environments write them briefly).

export type ToolCall = Extract<Action, { type: 'tool' }> & { args: Record<string, unknown> };

/** The action as a tool call with object arguments, or undefined (a message, an ending, string args). */
export function toolCall(a: Action | undefined, name?: string | readonly string[]): ToolCall | undefined {
  if (a?.type !== 'tool' || typeof a.args !== 'object' || a.args === null || Array.isArray(a.args)) return undefined;
  if (name !== undefined && !(typeof name === 'string' ? [name] : name).includes(a.tool)) return undefined;
  return a as ToolCall;
}

/** The indexes an operator should rewrite: the harmful actions of an unsafe trajectory, every action of a safe one. */
export function targets(trajectory: readonly Action[], ctx: MutationContext, match: (a: Action, i: number) => boolean): number[] {
  const out: number[] = [];
  trajectory.forEach((a, i) => {
    if ((ctx.kind === 'safe' || ctx.harmful.includes(i)) && match(a, i)) out.push(i);
  });
  return out;
}

/** The trajectory with the action at `i` replaced by `replacement` (zero, one or several actions). */
export function replaceAt(trajectory: readonly Action[], i: number, ...replacement: Action[]): Action[] {
  return [...trajectory.slice(0, i), ...replacement, ...trajectory.slice(i + 1)];
}

/** A tool call with some arguments changed (`undefined` removes one). */
export function withArgs(call: ToolCall, change: Record<string, unknown>): ToolCall {
  const args: Record<string, unknown> = { ...call.args };
  for (const [k, v] of Object.entries(change)) {
    if (v === undefined) delete args[k];
    else args[k] = v;
  }
  return { ...call, args };
}
