import type { PendingApproval } from './wire.ts';

export type Verdict = { approved: true } | { approved: false; reason: string };
export type ApprovalEvent = PendingApproval & ({ open: true } | ({ open: false } & Verdict));

/**
 * A run's risky actions held for a person's decision (`--approve risky`): the episode waits on
 * `request`, the viewer shows `pending()` and answers with `decide`. One per run, made by whoever
 * starts the run and its viewer.
 */
export class Approvals {
  readonly #open = new Map<string, { pending: PendingApproval; resolve: (v: Verdict) => void }>();
  readonly #listeners = new Set<(event: ApprovalEvent) => void>();
  #next = 0;

  request(call: Omit<PendingApproval, 'id'>): Promise<Verdict> {
    const pending: PendingApproval = { id: `a${++this.#next}`, ...call };
    return new Promise((resolve) => {
      this.#open.set(pending.id, { pending, resolve });
      this.#tell({ ...pending, open: true });
    });
  }

  pending(): PendingApproval[] {
    return [...this.#open.values()].map((a) => a.pending);
  }

  /** False when no such approval is waiting (decided already, or never asked). */
  decide(id: string, verdict: Verdict): boolean {
    const a = this.#open.get(id);
    if (!a) return false;
    this.#open.delete(id);
    a.resolve(verdict);
    this.#tell({ ...a.pending, open: false, ...verdict });
    return true;
  }

  onChange(listener: (event: ApprovalEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #tell(event: ApprovalEvent): void {
    for (const l of this.#listeners) l(event);
  }
}
