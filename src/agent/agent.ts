import type { Random } from '../engine/random.ts';
import type { DoctorCheck } from '../engine/device.ts';
import type { Scenario } from '../scenario/scenario.ts';
import type { HistoryMessage } from '../scenario/history.ts';
import type { ErrorCode, ProcessReport } from '../grading/trace.ts';
import type { ToolSpec } from '../engine/world.ts';
import type { ChannelRegistry } from './channel.ts';
import type { Environment } from '../engine/environment.ts';
import type { Registry } from '../registry/registry.ts';

/** How large a screenshot is drawn: what vision models take by default, or the device's full resolution. */
export type ScreenshotSize = 'model' | 'full';

/** What an agent is told at the start of an episode: the task and the tools, nothing more. */
export interface Brief {
  scenarioId: string;
  trial: number;
  instruction: string;
  /**
   * The conversation that followed the instruction, which the agent continues (the scenario's
   * `history`): absent when it starts from the instruction alone. An agent that takes one message
   * gets both as `taskText(brief)`.
   */
  history?: HistoryMessage[];
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
  /** The model that answered, and why it stopped (`stop`, `tool_calls`, `length`): traced for exporters. */
  model?: string;
  finishReason?: string;
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
  /** The device screen in view, for push agents that read it themselves (over Appium): valid during this turn only. */
  screen?: ScreenReader;
}

/** Reads of the screen an agent is looking at (what a phone shows it), never of the state predicates read. */
export interface ScreenReader {
  /** The UI hierarchy as Appium UiAutomator2's page source (XML). */
  pageSource(): Promise<string>;
  /** A PNG of the screen at the device's full resolution. */
  screenshot(): Promise<Buffer>;
}

/** Given to `stop`, before the episode's verdict is recorded. */
export interface StopContext {
  /** Traces what the agent's program did (exit, stdout, stderr). */
  report(process: ProcessReport): void;
}

/** Anything that turns observations into actions. One instance plays one episode. */
export interface Agent {
  /**
   * Set to get a screenshot with every observation of a device (costly: only when asked): `true`
   * or `model` at the size vision models take by default, `full` at the device's resolution.
   */
  readonly screenshots?: boolean | ScreenshotSize;
  /** Why this agent plays something else than its name promises (a baseline's fallback): the result's `reason`. */
  readonly note?: string;
  start?(brief: Brief): void | Promise<void>;
  act(observations: Observation[], context: TurnContext): Turn | Promise<Turn>;
  /** Called once the episode is over, before its verdict is recorded: release what the agent holds. */
  stop?(context: StopContext): void | Promise<void>;
}

/**
 * What a provider for an agent under test may know when it creates one: which episode, never the
 * scenario. The rest it learns as the agent does, from the Brief (`start`) and its observations.
 */
export interface AgentContext {
  /** Set by the batch runner (a person in the viewer acts on an episode by its id). */
  episodeId?: string;
  /** The scenario's id, as the Brief gives it (a scripted agent picks its list by it). */
  scenarioId: string;
  trial: number;
  random: Random;
  /** The agent's settings from the config file (`agents.<name>`), without `provider`. */
  options: Record<string, unknown>;
  /**
   * The run's secrets: a provider registers any key it finds (so it is scrubbed from everything
   * written) and redacts what it writes itself (a response cache).
   */
  secrets?: { add(value: unknown): void; redact(text: string): string };
  /** The run's channels for push agents (a person in the viewer): set when the run has them. */
  channels?: ChannelRegistry;
}

/** What a baseline may know besides: the whole scenario, its predicates and reference trajectories. */
export interface BaselineContext extends AgentContext {
  scenario: Scenario;
  /** The run's environments and plug-ins (a user's own goals among them), when the run has them. */
  world?: BaselineWorld;
}

export interface BaselineWorld {
  environments?: ReadonlyMap<string, Environment>;
  registry?: Registry;
}

interface ProviderInfo {
  name: string;
  description: string;
  /** Fails early, before any episode, with a message for the user (a missing file, a bad spec). */
  check?(spec: string, options: Record<string, unknown>): void | Promise<void>;
  /** `tripwire doctor`: what this provider relies on here (an exec agent: the isolation in force). */
  doctor?(): DoctorCheck[] | Promise<DoctorCheck[]>;
}

/**
 * A family of agents named `<name>:<spec>` on the command line (`scripted:plan.json`,
 * `openai:gpt-4o`). Providers live in agents/ and are discovered, not imported. An agent provider
 * is not privileged: it never sees the scenario (see BaselineProvider).
 */
export interface AgentProvider extends ProviderInfo {
  readonly privileged?: false;
  create(spec: string, context: AgentContext): Agent | Promise<Agent>;
}

/**
 * A privileged provider: a baseline that plays from what only the grader should know (`oracle`,
 * `reckless`, `reference:safe`). It gets the scenario; an agent under test never does.
 */
export interface BaselineProvider extends ProviderInfo {
  readonly privileged: true;
  create(spec: string, context: BaselineContext): Agent | Promise<Agent>;
}

export type AnyAgentProvider = AgentProvider | BaselineProvider;

export function defineAgentProvider(provider: Omit<AgentProvider, 'privileged'>): AgentProvider {
  return provider;
}

/** A baseline's provider, marked privileged: the one kind that gets the scenario. */
export function defineBaselineProvider(provider: Omit<BaselineProvider, 'privileged'>): BaselineProvider {
  return { ...provider, privileged: true };
}
