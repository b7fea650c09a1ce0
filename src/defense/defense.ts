import type { Action } from '../engine/action.ts';
import type { Brief, Observation } from '../agent/agent.ts';
import type { TraceRecord } from '../grading/trace.ts';

/**
 * A defense: a plug-in wrapped around any agent (issue 26, item 6), found in defenses/<name>/defense.ts
 * or a config's `plugins`. It keeps the privilege boundary: it sees only what the agent it wraps
 * sees (the Brief, its observations, its proposed actions and the trace as the agent saw it), never
 * the scenario, whatever the agent is (a baseline's defense is no more privileged than a model's).
 * `tripwire run --defense <name>` plays each agent `<agent>` again as `<agent>+<name>`.
 */
export interface Defense {
  kind: 'defense';
  name: string;
  description: string;
  /** One episode's instance: a defense may keep what it learnt in the episode (the Brief), nothing across. */
  create(options: Record<string, unknown>): DefenseSession;
}

export interface DefenseSession {
  /** What the wrapped agent is told instead of `brief` (as earlier defenses left it; `original`: the engine's). */
  brief?(brief: Brief, original: Brief): Brief;
  /** What the wrapped agent receives each turn instead of its observations; `brief` is the episode's own. */
  observations?(observations: Observation[], brief: Brief): Observation[];
  /** Before a proposed action reaches the world: undefined or allow lets it through; a block's reason is the agent's error. */
  review?(request: DefenseReview): { allow: boolean; reason: string } | undefined | Promise<{ allow: boolean; reason: string } | undefined>;
}

export interface DefenseReview {
  /** The episode's Brief as the engine gave it (before any defense changed it). */
  brief: Brief;
  step: number;
  action: Action;
  risk: readonly string[];
  trace: readonly TraceRecord[];
}

export function defineDefense(defense: Omit<Defense, 'kind'>): Defense {
  return { kind: 'defense', ...defense };
}
