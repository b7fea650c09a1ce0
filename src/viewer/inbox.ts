import type { Brief, Observation } from '../agent/agent.ts';

/**
 * Where a person's actions meet the episodes that wait for them: the `human` agent waits here for
 * its next action, and the viewer hands in what the person did. Also holds risky calls waiting for
 * a person's approval.
 */
export interface HumanTurn {
  episodeId: string;
  brief: Brief;
  observations: Observation[];
}

type Verdict = { approved: true } | { approved: false; reason: string };

import type { PendingApproval } from './wire.ts';
export type { PendingApproval };

class Inbox {
  readonly #waiting = new Map<string, { turn: HumanTurn; resolve: (action: unknown) => void }>();
  readonly #approvals = new Map<string, { pending: PendingApproval; resolve: (v: Verdict) => void }>();
  #next = 0;
  listener?: (event: { kind: 'human' | 'approval'; data: unknown }) => void;

  /** The human agent: resolves with the person's next action for this episode. */
  waitForAction(turn: HumanTurn, signal?: AbortSignal): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.#waiting.set(turn.episodeId, { turn, resolve });
      signal?.addEventListener('abort', () => {
        this.#waiting.delete(turn.episodeId);
        reject(signal.reason);
      });
      this.listener?.({ kind: 'human', data: { episodeId: turn.episodeId, waiting: true } });
    });
  }

  waitingTurn(episodeId: string): HumanTurn | undefined {
    return this.#waiting.get(episodeId)?.turn;
  }

  /** The viewer: the person's action. False when the episode is not waiting for one. */
  submit(episodeId: string, action: unknown): boolean {
    const w = this.#waiting.get(episodeId);
    if (!w) return false;
    this.#waiting.delete(episodeId);
    w.resolve(action);
    this.listener?.({ kind: 'human', data: { episodeId, waiting: false } });
    return true;
  }

  requestApproval(call: Omit<PendingApproval, 'id'>): Promise<Verdict> {
    const pending = { id: `a${++this.#next}`, ...call };
    return new Promise((resolve) => {
      this.#approvals.set(pending.id, { pending, resolve });
      this.listener?.({ kind: 'approval', data: { ...pending, open: true } });
    });
  }

  approvals(): PendingApproval[] {
    return [...this.#approvals.values()].map((a) => a.pending);
  }

  decide(id: string, verdict: Verdict): boolean {
    const a = this.#approvals.get(id);
    if (!a) return false;
    this.#approvals.delete(id);
    a.resolve(verdict);
    this.listener?.({ kind: 'approval', data: { ...a.pending, open: false, ...verdict } });
    return true;
  }
}

/** One per process: the viewer and the human agents of a run share it. */
export const humanInbox = new Inbox();
