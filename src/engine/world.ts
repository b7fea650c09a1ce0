import { initialTransition, type AnyActorScope, type AnyMachineSnapshot, type StateValue } from 'xstate';
import { z } from 'zod';
import type { Action } from './action.ts';
import type { Clock } from './clock.ts';
import { diff } from './diff.ts';
import { inertScope } from './machineStep.ts';
import type { Environment, Tool } from './environment.ts';
import type { Change, ErrorCode } from '../grading/trace.ts';
import { describeIssues } from './validation.ts';

/** A tool as an agent sees it: parameters as JSON Schema. */
export interface ToolSpec {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
  risk: string[];
  environment: string;
}

export interface Transition {
  env: string;
  from: StateValue;
  to: StateValue;
  changes: Change[];
}

export type Outcome =
  | { ok: true; kind: 'tool'; env: string; tool: string; args: unknown; observation: unknown; transition?: Transition }
  | { ok: true; kind: 'message'; text: string }
  | { ok: true; kind: 'end'; action: Extract<Action, { type: 'finish' | 'refuse' | 'ask' }> }
  | { ok: false; code: ErrorCode; message: string; tool?: string };

interface Bound {
  env: Environment;
  tool: Tool;
}

const fail = (code: ErrorCode, message: string, tool?: string): Outcome => ({ ok: false, code, message, tool });

function toolTable(environments: Environment[]): Map<string, Bound> {
  const tools = new Map<string, Bound>();
  for (const env of environments) {
    for (const tool of env.tools) {
      const clash = tools.get(tool.name);
      if (clash) throw new Error(`tool ${tool.name} is defined by both ${clash.env.id} and ${env.id}`);
      tools.set(tool.name, { env, tool });
    }
  }
  return tools;
}

/**
 * The running environments of one episode. `apply` is the one choke point: every action goes
 * through it, and nothing else changes state. It never throws for what an agent sent.
 *
 * Each environment is a machine snapshot advanced with XState's pure `transition`, so a world can
 * be forked cheaply: the model checker explores many futures of one world.
 */
export class World {
  readonly #snapshots: Map<string, AnyMachineSnapshot>;
  readonly #tools: Map<string, Bound>;
  readonly #environments: Environment[];
  readonly #clock: Clock;
  readonly #scopes: Map<string, AnyActorScope>;

  /** `seeds` must already be validated against each environment's seed schema. */
  constructor(environments: Environment[], seeds: Record<string, unknown>, clock: Clock, from?: { snapshots: Map<string, AnyMachineSnapshot>; scopes: Map<string, AnyActorScope> }) {
    this.#environments = environments;
    this.#clock = clock;
    this.#tools = toolTable(environments);
    this.#snapshots = from?.snapshots ?? new Map(environments.map((env) => [env.id, initialTransition(env.machine, seeds[env.id])[0]]));
    this.#scopes = from?.scopes ?? new Map(environments.map((env) => [env.id, inertScope(env.machine, seeds[env.id])]));
  }

  /** An independent copy (snapshots are immutable): applying actions to it leaves this world as it is. */
  fork(clock: Clock = this.#clock): World {
    return new World(this.#environments, {}, clock, { snapshots: new Map(this.#snapshots), scopes: this.#scopes });
  }

  /** The environments' snapshots: state values and contexts, e.g. to key explored states. */
  snapshots(): ReadonlyMap<string, AnyMachineSnapshot> {
    return this.#snapshots;
  }

  get environments(): string[] {
    return [...this.#snapshots.keys()];
  }

  /** The context of every environment: what state predicates query. */
  state(): Record<string, unknown> {
    return Object.fromEntries([...this.#snapshots].map(([id, s]) => [id, s.context]));
  }

  stateValue(env: string): StateValue | undefined {
    return this.#snapshots.get(env)?.value;
  }

  /** Screens of the devices of this world, as HTML for people (see Environment.screen). */
  screens(): Record<string, string> {
    return Object.fromEntries(this.#environments.filter((e) => e.screen).map((e) => [e.id, e.screen!(this.#snapshots.get(e.id)!.context)]));
  }

  /** PNG screenshots of the devices of this world that can take them. */
  async screenshots(): Promise<Record<string, Buffer>> {
    const shots = await Promise.all(
      this.#environments.filter((e) => e.screenshot).map(async (e) => [e.id, await e.screenshot!(this.#snapshots.get(e.id)!.context)] as const),
    );
    return Object.fromEntries(shots);
  }

  /** Each environment's machine state: its state value and tags. */
  machineStates(): Record<string, { value: StateValue; tags: string[] }> {
    return Object.fromEntries([...this.#snapshots].map(([id, s]) => [id, { value: s.value, tags: [...(s.tags ?? [])].sort() }]));
  }

  /** What the devices of this world show before any action (see Environment.view). */
  views(): { env: string; content: unknown }[] {
    return this.#environments.filter((e) => e.view).map((e) => ({ env: e.id, content: e.view!(this.#snapshots.get(e.id)!.context) }));
  }

  toolSpecs(): ToolSpec[] {
    return [...this.#tools.values()].map(({ env, tool }) => ({
      name: tool.name,
      description: tool.description,
      parameters: z.toJSONSchema(tool.parameters, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>,
      risk: [...(tool.risk ?? [])],
      environment: env.id,
    }));
  }

  apply(action: Action): Outcome {
    switch (action.type) {
      case 'tool':
        return this.#call(action.tool, action.args);
      case 'message':
        return { ok: true, kind: 'message', text: action.text };
      default:
        return { ok: true, kind: 'end', action };
    }
  }

  /**
   * A world event from the scenario (a new email arrives): sent straight to the environment's
   * machine, not through a tool. Returns the transition, or why it did not apply.
   */
  inject(envId: string, event: { type: string; [k: string]: unknown }): Transition | { error: string } {
    const env = this.#environments.find((e) => e.id === envId);
    const before = this.#snapshots.get(envId);
    if (!env || !before) return { error: `no environment "${envId}" in this world` };
    const full = { ...event, at: this.#clock.now() };
    if (!before.can(full)) return { error: `${envId} does not accept "${event.type}" while ${JSON.stringify(before.value)}` };
    const after = env.machine.transition(before, full, this.#scopes.get(envId)!);
    this.#snapshots.set(envId, after);
    return { env: envId, from: before.value, to: after.value, changes: diff(before.context, after.context) };
  }

  #call(name: string, rawArgs: unknown): Outcome {
    const bound = this.#tools.get(name);
    if (!bound) return fail('unknown-tool', `unknown tool "${name}"; available: ${[...this.#tools.keys()].join(', ')}`, name);
    const { env, tool } = bound;

    let args = rawArgs ?? {};
    if (typeof args === 'string') {
      try {
        args = args.trim() === '' ? {} : JSON.parse(args);
      } catch (e) {
        return fail('invalid-arguments', `arguments are not valid JSON: ${(e as Error).message}`, name);
      }
    }
    const parsed = tool.parameters.safeParse(args);
    if (!parsed.success) return fail('invalid-arguments', describeIssues(parsed.error), name);

    const before = this.#snapshots.get(env.id)!;
    const problem = tool.precondition?.(before.context, parsed.data);
    if (problem) return fail('precondition', problem, name);
    if (tool.kind === 'read') {
      return { ok: true, kind: 'tool', env: env.id, tool: name, args: parsed.data, observation: tool.result(before.context, parsed.data, before.context) };
    }

    const event = { type: name, args: parsed.data, at: this.#clock.now() };
    if (!before.can(event)) {
      return fail('not-allowed', `${name} is not allowed while ${env.id} is ${JSON.stringify(before.value)}`, name);
    }
    let after: AnyMachineSnapshot;
    try {
      after = env.machine.transition(before, event, this.#scopes.get(env.id)!);
      if (after.status === 'error') throw after.error;
    } catch (e) {
      // A bug in an environment's machine: the episode's error, not the agent's.
      throw new Error(`environment ${env.id} failed on ${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
    this.#snapshots.set(env.id, after);
    return {
      ok: true,
      kind: 'tool',
      env: env.id,
      tool: name,
      args: parsed.data,
      observation: tool.result(after.context, parsed.data, before.context),
      transition: { env: env.id, from: before.value, to: after.value, changes: diff(before.context, after.context) },
    };
  }
}
