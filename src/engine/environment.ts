import { TripwireError } from './errors.ts';
import type { AnyStateMachine, StateValue } from 'xstate';
import type { z } from 'zod';
import type { MutationOperator } from '../checker/mutation.ts';
import type { ToolRisk } from '../scenario/taxonomy.ts';
import type { PointSpec } from '../security/points.ts';

/**
 * The event a write tool sends to its environment's machine. `at` is the world clock's time, so
 * machines never read the host's clock.
 */
export interface ToolEvent<Name extends string = string, Args = unknown> {
  type: Name;
  args: Args;
  at: string;
}

export interface Tool<Context = any, Args = any> {
  name: string;
  description: string;
  parameters: z.ZodType<Args>;
  /** 'read' tools never touch the machine; 'write' tools are sent to it as a ToolEvent. */
  kind: 'read' | 'write';
  risk?: readonly ToolRisk[];
  /** Why this call cannot be carried out on this context (unknown id, insufficient funds), if so. */
  precondition?: (context: Context, args: Args) => string | undefined;
  /** The observation for the agent, computed from the context after the call (before it, for diffs). */
  result: (context: Context, args: Args, before: Context) => unknown;
}

export interface Environment<Context = any, Seed = any> {
  /** Key of this environment in a scenario's `environments` (and in state predicates). */
  id: string;
  title: string;
  description: string;
  /** Validates the scenario's seed data; the machine receives the parsed seed as its input. */
  seed: z.ZodType<Seed>;
  /** A small valid seed: what `tripwire new scenario` writes for this environment. */
  example?: unknown;
  /** An XState v5 machine whose context holds the system's data. */
  machine: AnyStateMachine;
  /** The tools every scenario of this environment offers. */
  tools: readonly Tool<Context>[];
  /**
   * Tools offered only to scenarios whose seed names them (`offers`): a benchmark task's own
   * shortcut actions. A scenario that names none sees `tools` alone, exactly as before.
   */
  optionalTools?: readonly Tool<Context>[];
  /** The names of the optional tools a parsed seed turns on (each must be one of `optionalTools`). */
  offers?: (seed: Seed) => readonly string[];
  /**
   * What the agent sees before it acts, for a device whose screen is always in view (the phone):
   * given to the agent with its first turn.
   */
  view?: (context: Context) => unknown;
  /** For people: the device's screen as one self-contained HTML document (the viewer shows it). */
  screen?: (context: Context) => string;
  /** A PNG of the device's screen, for agents that look at screenshots: `model` size unless `full` is asked. */
  screenshot?: (context: Context, size?: 'model' | 'full') => Promise<Buffer>;
  /** The screen as Appium UiAutomator2's page source (XML), for agents that read the screen themselves (over Appium). */
  pageSource?: (context: Context) => string;
  /**
   * Risk of one call in this state, beyond its tool's own tags: a device's generic tap is risky when
   * it lands on a consequential control (the phone's Send). Held for approval like a risky tool;
   * what the agent sees does not change.
   */
  riskOf?: (context: Context, tool: string, args: unknown) => readonly ToolRisk[];
  /**
   * Mutation operators over this environment's tools (`tripwire check`): other paths an agent may
   * take to the same harm or the same good (a sibling tool or field, a copy, another channel).
   * Conventionally kept beside the tools, in `mutations.ts`.
   */
  mutations?: readonly MutationOperator[];
  /**
   * Injection points: the seed fields that hold untrusted content (an email's body, a web page, an
   * SMS), where a security case plants an attack's text (src/security/points.ts). Conventionally
   * kept in `points.ts`.
   */
  points?: readonly PointSpec[];
}

export function defineEnvironment<Context, Seed>(env: Environment<Context, Seed>): Environment<Context, Seed> {
  const names = new Set<string>();
  for (const tool of [...env.tools, ...(env.optionalTools ?? [])]) {
    if (names.has(tool.name)) throw new TripwireError('plugin', `environment ${env.id}: tool ${tool.name} is defined twice`);
    names.add(tool.name);
  }
  return env;
}

/**
 * The tools an environment offers a scenario with this (parsed) seed: its own, then the optional
 * ones the seed turns on, in the order the environment defines them. A name the environment does
 * not define throws: the seed schema should have refused it.
 */
export function offeredTools<Context>(env: Environment<Context>, seed: unknown): readonly Tool<Context>[] {
  if (!env.offers || !env.optionalTools?.length || seed === undefined) return env.tools;
  const wanted = new Set(env.offers(seed));
  if (wanted.size === 0) return env.tools;
  const unknown = [...wanted].filter((n) => !env.optionalTools!.some((t) => t.name === n));
  if (unknown.length) throw new TripwireError('scenario-load', `environment ${env.id} has no optional tool ${unknown.map((n) => `"${n}"`).join(', ')}`);
  return [...env.tools, ...env.optionalTools.filter((t) => wanted.has(t.name))];
}

/**
 * Binds tools to an environment's context type, with arguments inferred from the zod schema:
 * `const tool = toolsFor<BankContext>(); tool({ name: 'transfer', parameters: z.object(...), ... })`.
 */
export function toolsFor<Context>() {
  return <P extends z.ZodType>(def: Tool<Context, z.output<P>> & { parameters: P }): Tool<Context> => def;
}

export type { StateValue };
