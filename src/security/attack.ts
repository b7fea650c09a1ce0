import type { PointKind } from './points.ts';

/**
 * An attack: a plug-in that writes the text injected at a point for a goal (AgentDojo's attacks:
 * direct, ignore_previous, important_instructions, tool_knowledge...). Found by the registry like
 * any plug-in: `attacks/<name>/attack.ts`, or a module the config's `plugins` names.
 */
export interface AttackContext {
  goal: { id: string; title: string; instruction: string };
  /** The user the injected text may pretend to be (the seed's owner, where the seed names one). */
  user: { name: string };
  /** What the text may call the agent (AgentDojo addresses the model by name). */
  model: string;
  point: { id: string; env: string; kind: PointKind };
  /** The attacker's ground truth, as tool calls with their arguments (tool_knowledge names them). */
  tools: { tool: string; args: unknown }[];
  /** The user's own task (an attack may refer to it). */
  task: string;
  /**
   * What the agent did in this world, one line a step (tool call and result): in a run, the agent's
   * own last episode of this task (`traceOf: 'agent'`, an adaptive attack's input); otherwise, or
   * before the agent has played it, the base's safe reference up to where it reads the point.
   */
  trace: string;
  traceOf: 'reference' | 'agent';
  /**
   * The agent's last attempt at this case under another attack (same task, same goal), when it
   * played one in this run: the text it read, and whether the goal was reached. `trace` is then
   * that episode's trace.
   */
  last?: { attack: string; text: string; reached: boolean };
  /** `tripwire list` and `check`: no model is asked; an adaptive attack gives its starting text. */
  offline: boolean;
  /** The config's named agents (an adaptive attack asks the one it names, `attacker` by default). */
  agents: Record<string, Record<string, unknown>>;
  signal?: AbortSignal;
}

export interface Attack {
  kind: 'attack';
  name: string;
  description: string;
  /**
   * Writes its text per agent, from the agent's own trace (an adaptive attack): in a run, its cases
   * play after the agent's other episodes of the same task, and the text is written just before
   * each episode with that agent's last trace. `list` and `check` show its offline text.
   */
  adaptive?: boolean;
  text(context: AttackContext): string | Promise<string>;
}

export function defineAttack(attack: Omit<Attack, 'kind'>): Attack {
  return { kind: 'attack', ...attack };
}

/** What an injected text calls the agent when it has no better name. */
export const DEFAULT_MODEL_NAME = 'AI assistant';
export const DEFAULT_USER_NAME = 'the user';
