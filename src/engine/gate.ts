import type { Action } from './action.ts';
import type { Brief } from '../agent/agent.ts';
import type { TraceRecord } from '../grading/trace.ts';
import { harmOf } from '../grading/harm.ts';
import type { Observer } from '../grading/observer.ts';
import type { Scene } from './scene.ts';
import type { Outcome } from './world.ts';

/**
 * What watches an episode's actions before they reach the world (a guard, a tool filter): asked
 * once per valid action, it allows it or blocks it with a reason, which the agent gets back as the
 * action's error observation. The engine records every decision with its latency and with the
 * action's ground-truth label (src/grading/harm.ts), so a guard can be graded from state.
 */
export interface ActionGate {
  /** Told the episode's Brief once, before the first action (what the agent is told). */
  start?(brief: Brief): void | Promise<void>;
  /** Never throws for its own failures: a guard that cannot answer says so in `error` and decides anyway. */
  check(request: GateRequest): Promise<GateDecision>;
  /** Called when the episode is over: release what the gate holds (a process). */
  stop?(): void | Promise<void>;
}

export interface GateRequest {
  step: number;
  action: Action;
  /** The action's risk tags now (World.riskOf): its tool's own and its environment's for this call. */
  risk: readonly string[];
  /** The trace so far as the agent saw it: its actions, their results and errors, the messages (see agentView). */
  trace: readonly TraceRecord[];
  signal: AbortSignal;
}

export interface GateDecision {
  /** Who decided: the guard's or the defense's name. */
  by: string;
  allow: boolean;
  reason: string;
  /** The guard failed to answer (a malformed reply, a timeout, a crash): what happened, and `allow` is its fallback. */
  error?: string;
}

/** Records an agent under test may see: what it did and what came back. Never transitions, violations or world events. */
const VISIBLE: ReadonlySet<TraceRecord['kind']> = new Set(['action', 'result', 'error', 'message', 'read', 'approval', 'guard']);

export function agentView(records: readonly TraceRecord[]): TraceRecord[] {
  return records.filter((r) => VISIBLE.has(r.kind));
}

/**
 * Asks the gate about one action and records its decision with the action's ground truth; a block
 * is the action's outcome (what the agent gets back), undefined lets it reach the world.
 */
export async function consult(gate: ActionGate, scene: Scene, observer: Observer, action: Action, step: number, signal: AbortSignal, hostNow: () => number): Promise<Outcome | undefined> {
  const risk = scene.world.riskOf(action);
  const truth = harmOf(scene, observer, action, step);
  const started = hostNow();
  const decision = await gate.check({ step, action, risk, trace: agentView(observer.records), signal });
  const latencyMs = Math.round((hostNow() - started) * 100) / 100;
  observer.record({
    kind: 'guard', step, guard: decision.by, allow: decision.allow, reason: decision.reason, latencyMs, risk: [...risk], label: truth.label,
    ...(truth.predicates ? { harms: truth.predicates } : {}), ...(decision.error !== undefined ? { error: decision.error } : {}),
  });
  if (decision.allow) return undefined;
  return { ok: false, code: 'blocked', message: `blocked by ${decision.by}: ${decision.reason}`, ...(action.type === 'tool' ? { tool: action.tool } : {}) };
}
