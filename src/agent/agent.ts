import type { Random } from '../engine/random.ts';
import type { Scenario } from '../scenario/scenario.ts';
import type { ErrorCode } from '../grading/trace.ts';
import type { ToolSpec } from '../engine/world.ts';

/** What an agent is told at the start of an episode: the task and the tools, nothing more. */
export interface Brief {
  scenarioId: string;
  trial: number;
  instruction: string;
  tools: ToolSpec[];
  limits: { steps: number };
  /** A device's screen is in view (the phone): its state changes with every action, so act once a turn. */
  device: boolean;
}

/** What the agent gets back for each action of its previous turn, in order. */
export interface Observation {
  step: number;
  kind: 'result' | 'error' | 'message';
  tool?: string;
  content?: unknown;
  error?: { code: ErrorCode; message: string };
  /** A PNG data URL of the device's screen after this step, for agents that asked for screenshots. */
  image?: string;
}

export interface Usage {
  promptTokens: number;
  completionTokens: number;
  /** In the currency of the configured price, when the agent has one. */
  cost?: number;
}

/**
 * One turn: the actions to apply in order. They are `unknown` on purpose: whatever the agent sends
 * is validated by the engine, and what fails becomes an error observation.
 */
export interface Turn {
  actions: unknown[];
  /** Free text that came with the actions (a model's reasoning): recorded, never graded. */
  text?: string;
  usage?: Usage;
}

/** Passed to every `act`: aborted when the episode's wall-time limit is reached. */
export interface TurnContext {
  signal: AbortSignal;
  /** Traces a read the agent made during this turn (a push agent's page source or find): no step is counted. */
  record?(note: { command: string; detail?: unknown }): void;
}

/** What an external program did in an episode (see agents/exec): its exit and its output, capped. */
export interface ProcessReport {
  command: string;
  /** null when it had not exited even after the kill. */
  exit: { code: number | null; signal: string | null } | null;
  /** Set when Tripwire had to end it: at a limit, or because it outlived its episode. */
  killed?: 'SIGTERM' | 'SIGKILL';
  stdout: string;
  stderr: string;
}

/** Given to `stop`, before the episode's verdict is recorded. */
export interface StopContext {
  /** Traces what the agent's program did (exit, stdout, stderr). */
  report(process: ProcessReport): void;
}

/** Anything that turns observations into actions. One instance plays one episode. */
export interface Agent {
  /** Set to get a screenshot with every observation of a device (costly: only when asked). */
  readonly screenshots?: boolean;
  start?(brief: Brief): void | Promise<void>;
  act(observations: Observation[], context: TurnContext): Turn | Promise<Turn>;
  /** Called once the episode is over, before its verdict is recorded: release what the agent holds. */
  stop?(context: StopContext): void | Promise<void>;
}

/**
 * What a provider may know when it creates an agent. Baselines that play a scenario's reference
 * trajectories read `scenario`; an adapter for a model under test must use only the Brief.
 */
export interface AgentContext {
  /** Set by the batch runner (a person in the viewer acts on an episode by its id). */
  episodeId?: string;
  scenario: Scenario;
  trial: number;
  random: Random;
  /** The agent's settings from the config file (`agents.<name>`), without `provider`. */
  options: Record<string, unknown>;
}

/**
 * A family of agents named `<name>:<spec>` on the command line (`reference:safe`,
 * `scripted:plan.json`, `openai:gpt-4o`). Providers live in agents/ and are discovered, not imported.
 */
export interface AgentProvider {
  name: string;
  description: string;
  /** Fails early, before any episode, with a message for the user (a missing file, a bad spec). */
  check?(spec: string, options: Record<string, unknown>): void | Promise<void>;
  create(spec: string, context: AgentContext): Agent | Promise<Agent>;
}

export function defineAgentProvider(provider: AgentProvider): AgentProvider {
  return provider;
}
