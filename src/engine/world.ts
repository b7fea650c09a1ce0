import { TripwireError } from './errors.ts';
import { type AnyActorScope, type AnyMachineSnapshot, type StateValue } from 'xstate';
import { z } from 'zod';
import type { Action } from './action.ts';
import type { Clock } from './clock.ts';
import { diff } from './diff.ts';
import { initialSnapshot, sharedScope } from './machineStep.ts';
import { offeredTools, type Environment, type Tool } from './environment.ts';
import type { ToolRisk } from '../scenario/taxonomy.ts';
import type { Change, ErrorCode } from '../grading/trace.ts';
import type { Device, DeviceScreen, ScreenAction } from './device.ts';
import { describeIssues } from './validation.ts';
import { cleanSchema } from './jsonSchema.ts';
import type { ExternalEnvironment } from './external.ts';
import { externalBinding } from './externalTools.ts';

/** A tool as an agent sees it: parameters as JSON Schema. */
export interface ToolSpec {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
  /** 'read' tools only look; 'write' tools change the world (with `risk` saying how it can hurt). */
  kind: 'read' | 'write';
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
  | { ok: true; kind: 'tool'; env: string; tool: string; args: unknown; observation: unknown; transition?: Transition; screen?: string }
  | { ok: true; kind: 'message'; text: string }
  | { ok: true; kind: 'end'; action: Extract<Action, { type: 'finish' | 'refuse' | 'ask' }> }
  | { ok: false; code: ErrorCode; message: string; tool?: string };

interface Bound {
  env: Environment;
  tool: Tool;
}

const fail = (code: ErrorCode, message: string, tool?: string): Outcome => ({ ok: false, code, message, tool });

/** Every environment's tools, with the optional ones its seed offers (see Environment.offers). */
function toolTable(environments: Environment[], seeds: Record<string, unknown>): Map<string, Bound> {
  const tools = new Map<string, Bound>();
  for (const env of environments) {
    for (const tool of offeredTools(env, seeds[env.id])) {
      const clash = tools.get(tool.name);
      if (clash) throw new TripwireError('scenario-load', `tool ${tool.name} is defined by both ${clash.env.id} and ${env.id}`);
      tools.set(tool.name, { env, tool });
    }
  }
  return tools;
}

/**
 * A tool's parameters as JSON Schema, converted once per schema: converting is the costliest part of
 * starting an episode, and a batch starts thousands with the same tools. Frozen, as it is shared.
 */
const schemas = new WeakMap<z.ZodType, Record<string, unknown>>();
function parametersOf(tool: Tool): Record<string, unknown> {
  const given = (tool as { inputSchema?: Record<string, unknown> }).inputSchema;
  if (given) return given; // an external tool's own schema, cleaned when it was bound
  let schema = schemas.get(tool.parameters);
  if (!schema) schemas.set(tool.parameters, (schema = deepFreeze(cleanSchema(z.toJSONSchema(tool.parameters, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>))));
  return schema;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
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
  /** Environments played by a device instead of a machine, and each one's state as last read. */
  readonly #devices = new Map<string, { device: Device; state: Record<string, unknown>; screen?: DeviceScreen }>();
  /** Environments that run outside (MCP servers), and each one's state as last read. */
  readonly #externals = new Map<string, { external: ExternalEnvironment; state: Record<string, unknown> }>();

  /** `seeds` must already be validated against each environment's seed schema. */
  constructor(environments: Environment[], seeds: Record<string, unknown>, clock: Clock, from?: { snapshots: Map<string, AnyMachineSnapshot>; scopes: Map<string, AnyActorScope>; tools: Map<string, Bound> }) {
    this.#environments = environments;
    this.#clock = clock;
    this.#tools = from?.tools ?? toolTable(environments, seeds);
    this.#snapshots = from?.snapshots ?? new Map(environments.map((env) => [env.id, initialSnapshot(env.machine, seeds[env.id])]));
    this.#scopes = from?.scopes ?? new Map(environments.map((env) => [env.id, sharedScope(env.machine, seeds[env.id])]));
  }

  /** An independent copy (snapshots are immutable): applying actions to it leaves this world as it is. */
  fork(clock: Clock = this.#clock): World {
    if (this.#devices.size || this.#externals.size) throw new TripwireError('api', 'a world with devices or external environments cannot be forked: its state lives outside this process');
    return new World(this.#environments, {}, clock, { snapshots: new Map(this.#snapshots), scopes: this.#scopes, tools: this.#tools });
  }

  /** The environments' snapshots: state values and contexts, e.g. to key explored states. */
  snapshots(): ReadonlyMap<string, AnyMachineSnapshot> {
    return this.#snapshots;
  }

  get environments(): string[] {
    return [...this.#snapshots.keys()];
  }

  /** The context of every environment (a device's as last read): what state predicates query. */
  state(): Record<string, unknown> {
    const machines = [...this.#snapshots].map(([id, s]) => [id, s.context] as const);
    const devices = [...this.#devices].map(([id, d]) => [id, d.state] as const);
    const externals = [...this.#externals].map(([id, x]) => [id, x.state] as const);
    return Object.fromEntries([...machines, ...devices, ...externals]);
  }

  /**
   * Plays environment `envId` on a device instead of its machine: the device is reset to the seed,
   * its actions go to `device.perform`, and predicates read `device.state()` after each action.
   * The environment's tools still give the actions' schemas. Call before any action.
   */
  async useDevice(envId: string, device: Device, seed: unknown, signal?: AbortSignal): Promise<void> {
    const env = this.#environments.find((e) => e.id === envId);
    if (!env) throw new TripwireError('api', `no environment "${envId}" in this world`);
    await device.reset(seed, { signal });
    this.#snapshots.delete(envId);
    this.#devices.set(envId, { device, state: await device.state({ signal }) });
  }

  /**
   * Adds an external environment (an MCP server, started): its tools join the world's (validated
   * against the schemas it lists), its calls are proxied, and predicates read its state after each
   * one. Call before any action; a tool name another environment has is a scenario error.
   */
  async useExternal(envId: string, external: ExternalEnvironment, signal?: AbortSignal): Promise<void> {
    if (this.#snapshots.has(envId) || this.#devices.has(envId) || this.#externals.has(envId)) throw new TripwireError('scenario-load', `environment "${envId}" is named twice`);
    for (const bound of externalBinding(envId, external)) {
      const clash = this.#tools.get(bound.tool.name);
      if (clash) throw new TripwireError('scenario-load', `tool ${bound.tool.name} is offered by both ${clash.env.id} and ${envId}`);
      this.#tools.set(bound.tool.name, bound);
    }
    this.#externals.set(envId, { external, state: await external.state({ signal }) });
  }

  /** The device playing an environment, if one does. */
  device(envId: string): Device | undefined {
    return this.#devices.get(envId)?.device;
  }

  /** What every device of this world (machines with a view, and real devices) shows now. */
  async observe(signal?: AbortSignal): Promise<{ env: string; content: unknown; screen?: string }[]> {
    const shown = await Promise.all(
      [...this.#devices].map(async ([env, d]) => {
        const screen = (d.screen = await d.device.elements({ signal }));
        return { env, content: { app: screen.app, elements: screen.elements }, screen: screen.id };
      }),
    );
    return [...this.views(), ...shown];
  }

  stateValue(env: string): StateValue | undefined {
    return this.#snapshots.get(env)?.value;
  }

  /** Screens of the machine devices of this world, as HTML for people (see Environment.screen). */
  screens(): Record<string, string> {
    return Object.fromEntries(this.#machineEnvs().filter((e) => e.screen).map((e) => [e.id, e.screen!(this.#snapshots.get(e.id)!.context)]));
  }

  /** PNG screenshots of the devices of this world that can take them. */
  async screenshots(signal?: AbortSignal, size: 'model' | 'full' = 'full'): Promise<Record<string, Buffer>> {
    const machines = this.#machineEnvs().filter((e) => e.screenshot).map(async (e) => [e.id, await e.screenshot!(this.#snapshots.get(e.id)!.context, size)] as const);
    const devices = [...this.#devices].map(async ([id, d]) => [id, await d.device.screenshot({ signal })] as const);
    return Object.fromEntries(await Promise.all([...machines, ...devices]));
  }

  /** The page sources (UiAutomator2 XML) of the devices of this world that have one: what an agent over Appium reads. */
  async pageSources(signal?: AbortSignal): Promise<Record<string, string>> {
    const machines = this.#machineEnvs().filter((e) => e.pageSource).map(async (e) => [e.id, e.pageSource!(this.#snapshots.get(e.id)!.context)] as const);
    const devices = [...this.#devices].map(async ([id, d]) => [id, await d.device.pageSource({ signal })] as const);
    return Object.fromEntries(await Promise.all([...machines, ...devices]));
  }

  /** Each environment's machine state: its state value and tags (devices have none to show). */
  machineStates(): Record<string, { value: StateValue; tags: string[] }> {
    return Object.fromEntries([...this.#snapshots].map(([id, s]) => [id, { value: s.value, tags: [...(s.tags ?? [])].sort() }]));
  }

  /** What the machine devices of this world show before any action (see Environment.view); `observe` adds real devices. */
  views(): { env: string; content: unknown }[] {
    return this.#machineEnvs().filter((e) => e.view).map((e) => ({ env: e.id, content: e.view!(this.#snapshots.get(e.id)!.context) }));
  }

  #machineEnvs(): Environment[] {
    return this.#environments.filter((e) => this.#snapshots.has(e.id));
  }

  /** The names of the tools this world offers (an environment's optional ones included when its seed offers them). */
  toolNames(): string[] {
    return [...this.#tools.keys()];
  }

  toolSpecs(): ToolSpec[] {
    return [...this.#tools.values()].map(({ env, tool }) => ({
      name: tool.name,
      description: tool.description,
      parameters: parametersOf(tool),
      kind: tool.kind,
      risk: [...(tool.risk ?? [])],
      environment: env.id,
    }));
  }

  /** The risk tags of an action now: its tool's own, and its environment's for this call in this state (see Environment.riskOf). */
  riskOf(action: Action): ToolRisk[] {
    const bound = action.type === 'tool' ? this.#tools.get(action.tool) : undefined;
    if (!bound) return [];
    const { env, tool } = bound;
    const parsed = env.riskOf ? parseArgs(tool, action.type === 'tool' ? action.args : undefined) : undefined;
    const context = this.#devices.get(env.id)?.state ?? this.#snapshots.get(env.id)?.context;
    const more = parsed?.ok ? env.riskOf!(context, tool.name, parsed.data) : [];
    return [...new Set([...(tool.risk ?? []), ...more])];
  }

  /**
   * The one choke point: every action of an episode goes through here. Machine environments answer
   * at once; devices are awaited. `screen` is the id of the device screen the action was chosen on.
   */
  async apply(action: Action, options: { signal?: AbortSignal; screen?: string } = {}): Promise<Outcome> {
    const bound = action.type === 'tool' ? this.#tools.get(action.tool) : undefined;
    const external = bound && this.#externals.get(bound.env.id);
    if (external && action.type === 'tool') return this.#callExternal(external, bound!, action.args, options.signal);
    const device = bound && this.#devices.get(bound.env.id);
    if (!device || action.type !== 'tool') return this.applySync(action);
    return this.#perform(device, bound!, action.args, options);
  }

  /** `apply` for machine environments, without the promise: how the model checker forks and steps. */
  applySync(action: Action): Outcome {
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
    if (this.#devices.has(envId)) return { error: `${envId} is a device: send it world events with injectAsync` };
    const env = this.#environments.find((e) => e.id === envId);
    const before = this.#snapshots.get(envId);
    if (!env || !before) return { error: `no environment "${envId}" in this world` };
    const full = { ...event, at: this.#clock.now() };
    if (!before.can(full)) return { error: `${envId} does not accept "${event.type}" while ${JSON.stringify(before.value)}` };
    const after = env.machine.transition(before, full, this.#scopes.get(envId)!);
    this.#snapshots.set(envId, after);
    return { env: envId, from: before.value, to: after.value, changes: diff(before.context, after.context) };
  }

  /** A world event for any environment, a device's too (an SMS arrives on the emulator). */
  async injectAsync(envId: string, event: { type: string; [k: string]: unknown }, signal?: AbortSignal): Promise<Transition | { error: string }> {
    const d = this.#devices.get(envId);
    if (!d) return this.inject(envId, event);
    if (!d.device.event) return { error: `device ${envId} does not take world events` };
    const result = await d.device.event({ ...event, at: this.#clock.now() }, { signal });
    if (!result.ok) return { error: result.error };
    return this.#refresh(envId, d, signal);
  }

  async #perform(d: { device: Device; state: Record<string, unknown>; screen?: DeviceScreen }, bound: Bound, rawArgs: unknown, options: { signal?: AbortSignal; screen?: string }): Promise<Outcome> {
    const { env, tool } = bound;
    const args = parseArgs(tool, rawArgs);
    if (!args.ok) return args.outcome;
    const result = await d.device.perform({ action: tool.name, ...(args.data as object) } as ScreenAction, { ...options, at: this.#clock.now() });
    if (!result.ok) return fail(result.code, result.error, tool.name);
    const transition = await this.#refresh(env.id, d, options.signal);
    const screen = (d.screen = await d.device.elements({ signal: options.signal }));
    return { ok: true, kind: 'tool', env: env.id, tool: tool.name, args: args.data, observation: { app: screen.app, elements: screen.elements }, transition, screen: screen.id };
  }

  async #callExternal(x: { external: ExternalEnvironment; state: Record<string, unknown> }, bound: Bound, rawArgs: unknown, signal?: AbortSignal): Promise<Outcome> {
    const { env, tool } = bound;
    const args = parseArgs(tool, rawArgs);
    if (!args.ok) return args.outcome;
    const result = await x.external.call(tool.name, args.data, { signal });
    if (!result.ok) return fail(result.code, result.error, tool.name);
    const before = x.state;
    x.state = await x.external.state({ signal });
    const transition = { env: env.id, from: 'external', to: 'external', changes: diff(before, x.state) };
    return { ok: true, kind: 'tool', env: env.id, tool: tool.name, args: args.data, observation: result.observation, transition };
  }

  /** Reads a device's state again; the change is the step's transition. */
  async #refresh(envId: string, d: { device: Device; state: Record<string, unknown> }, signal?: AbortSignal): Promise<Transition> {
    const before = d.state;
    d.state = await d.device.state({ signal });
    return { env: envId, from: 'device', to: 'device', changes: diff(before, d.state) };
  }

  #call(name: string, rawArgs: unknown): Outcome {
    const bound = this.#tools.get(name);
    if (!bound) return fail('unknown-tool', `unknown tool "${name}"; available: ${[...this.#tools.keys()].join(', ')}`, name);
    if (this.#devices.has(bound.env.id) || this.#externals.has(bound.env.id)) throw new TripwireError('api', `${name} acts on ${bound.env.id}, outside this process: use apply, not applySync`);
    const { env, tool } = bound;
    const parsed = parseArgs(tool, rawArgs);
    if (!parsed.ok) return parsed.outcome;

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
      throw new TripwireError('environment', `environment ${env.id} failed on ${name}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
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

/** Arguments as the tool's schema reads them; a JSON string is parsed first. */
function parseArgs(tool: Tool, rawArgs: unknown): { ok: true; data: unknown } | { ok: false; outcome: Outcome } {
  let args = rawArgs ?? {};
  if (typeof args === 'string') {
    try {
      args = args.trim() === '' ? {} : JSON.parse(args);
    } catch (e) {
      return { ok: false, outcome: fail('invalid-arguments', `arguments are not valid JSON: ${(e as Error).message}`, tool.name) };
    }
  }
  const parsed = tool.parameters.safeParse(args);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, outcome: fail('invalid-arguments', describeIssues(parsed.error), tool.name) };
}
