import type { Action } from './action.ts';
import type { Agent, Observation, Turn, TurnContext } from '../agent/agent.ts';
import type { Outcome } from './world.ts';
import type { TraceRecord } from '../grading/trace.ts';

/* The two waits in a turn that a clock or a person can cut short: the agent's answer, and an approval. */

export const TIMED_OUT = Symbol('timed out');

/** Resolves to the agent's turn, or to TIMED_OUT (aborting the agent) once the deadline passes. */
export async function actWithin(agent: Agent, observations: Observation[], msLeft: number | undefined, extra: Omit<TurnContext, 'signal'> = {}): Promise<Turn | typeof TIMED_OUT> {
  const controller = new AbortController();
  const context: TurnContext = { signal: controller.signal, ...extra };
  if (msLeft === undefined) return agent.act(observations, context);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), Math.max(0, msLeft));
  });
  try {
    const turn = await Promise.race([Promise.resolve(agent.act(observations, context)), timeout]);
    if (turn === TIMED_OUT) controller.abort(new Error('wall-time limit reached'));
    return turn;
  } finally {
    clearTimeout(timer);
  }
}

export type Approver = (call: { step: number; tool: string; args: unknown; risk: readonly string[] }) => Promise<{ approved: true } | { approved: false; reason: string }>;

/**
 * A person's rejection of a risky action (`risk`: World.riskOf), as the world's answer to it;
 * undefined when it may go ahead. The decision either way goes to the trace.
 */
export async function review(action: Action, risk: readonly string[], approve: Approver | undefined, step: number, record: (r: TraceRecord) => void): Promise<Outcome | undefined> {
  if (!approve || action.type !== 'tool' || risk.length === 0) return undefined;
  const verdict = await approve({ step, tool: action.tool, args: action.args, risk });
  record({ kind: 'approval', step, tool: action.tool, risk: [...risk], approved: verdict.approved, ...(verdict.approved ? {} : { reason: verdict.reason }) });
  return verdict.approved ? undefined : { ok: false, code: 'rejected', message: `the user rejected this call: ${verdict.reason}`, tool: action.tool };
}
