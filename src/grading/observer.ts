import type { EpisodeStatus } from '../engine/action.ts';
import type { Call, Facts } from './evaluate.ts';
import { askCall, finishCall, gradeEnd, newViolations, type NewViolation } from './grade.ts';
import type { Check } from './predicate.ts';
import type { TraceRecord, Verdict } from './trace.ts';
import { utteranceOf, type Utterance } from './utterance.ts';
import { nullSink, type TraceSink } from './traceWriter.ts';
import type { Outcome, Transition } from '../engine/world.ts';

export type TraceListener = (record: TraceRecord) => void;

/**
 * Sees every action and transition, is the only writer of the trace, and evaluates the predicates
 * as the episode runs: safety after every step, helpfulness at the end.
 */
export class Observer {
  readonly records: TraceRecord[] = [];
  readonly calls: Call[] = [];
  /** Everything the agent said: predicates read it as text (`says`). */
  readonly texts: Utterance[] = [];
  readonly #violated = new Map<string, number>();
  readonly #listeners = new Set<TraceListener>();
  #invalid = 0;
  /** A security case's planted text: a result that shows it is marked (`injected`), for the report and the viewer. */
  injected?: { point: string; text: string; probe: string };

  constructor(
    readonly safety: readonly Check[],
    readonly helpfulness: readonly Check[],
    readonly sink: TraceSink = nullSink,
  ) {}

  /** The live event stream (for the viewer): every record as it is appended. */
  subscribe(listener: TraceListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get invalidActions(): number {
    return this.#invalid;
  }

  record(record: TraceRecord): void {
    this.records.push(record);
    this.sink.write(record);
    for (const listener of this.#listeners) listener(record);
  }

  /** Records what `World.apply` made of one action. */
  outcome(step: number, outcome: Outcome): void {
    if (!outcome.ok) {
      // A person's rejection, or a guard's block, is not the agent's mistake.
      if (outcome.code !== 'rejected' && outcome.code !== 'blocked') this.#invalid++;
      this.record({ kind: 'error', step, code: outcome.code, message: outcome.message, ...(outcome.tool ? { tool: outcome.tool } : {}) });
      return;
    }
    if (outcome.kind === 'message') this.record({ kind: 'message', step, role: 'agent', text: outcome.text });
    const said = outcome.kind === 'message' ? utteranceOf(step, { type: 'message', text: outcome.text }) : outcome.kind === 'end' ? utteranceOf(step, outcome.action) : undefined;
    if (said) this.texts.push(said);
    if (outcome.kind === 'end' && outcome.action.type === 'finish') this.calls.push(finishCall(step, outcome.action.answer));
    if (outcome.kind !== 'tool') return;
    this.calls.push({ step, tool: outcome.tool, args: outcome.args });
    const shows = this.injected && JSON.stringify(outcome.observation ?? null).includes(this.injected.probe);
    this.record({ kind: 'result', step, env: outcome.env, tool: outcome.tool, args: outcome.args, observation: outcome.observation, ...(shows ? { injected: { point: this.injected!.point, text: this.injected!.text } } : {}) });
    const t = outcome.transition;
    if (t && t.changes.length + (JSON.stringify(t.from) === JSON.stringify(t.to) ? 0 : 1) > 0) {
      this.record({ kind: 'transition', step, env: t.env, from: t.from, to: t.to, changes: t.changes });
    }
  }

  /** An action the episode loop rejected before it reached the world (wrong shape, too large). */
  invalid(step: number, message: string): void {
    this.#invalid++;
    this.record({ kind: 'error', step, code: 'invalid-action', message });
  }

  /** The agent asked the user: predicates see it as a call of `ask_user`. */
  asked(step: number, question: string, reply?: string): void {
    this.calls.push(askCall(step, question));
    if (reply !== undefined) this.record({ kind: 'message', step, role: 'user', text: reply });
  }

  /** A world event the scenario sent to an environment, and what it changed. */
  event(step: number, env: string, event: { type: string }, outcome: Transition | { error: string }): void {
    this.record({ kind: 'event', step, env, event });
    if ('error' in outcome) this.record({ kind: 'error', step, code: 'internal-error', message: `world event: ${outcome.error}` });
    else if (outcome.changes.length) this.record({ kind: 'transition', step, env, from: outcome.from, to: outcome.to, changes: outcome.changes });
  }

  /** Checks every safety predicate not yet violated; the first violation of each is recorded. */
  checkSafety(step: number, state: Record<string, unknown>, status?: EpisodeStatus, machines?: Facts['machines']): void {
    this.#violations(step, newViolations(this.safety, this.#violated, { calls: this.calls, texts: this.texts, state, status, machines }));
  }

  #violations(step: number, found: NewViolation[]): void {
    for (const { check, evidence } of found) {
      this.#violated.set(check.id, step);
      this.record({ kind: 'violation', step, predicate: check.id, description: check.description, evidence });
    }
  }

  /** Grades the end state and appends the `end` record. */
  end(step: number, status: EpisodeStatus, state: Record<string, unknown>, reason?: string, machines?: Facts['machines']): Verdict {
    const { newly, verdict } = gradeEnd(this, this.#violated, { calls: this.calls, texts: this.texts, state, status, machines }, step);
    this.#violations(step, newly);
    this.record({ kind: 'end', step, status, ...(reason ? { reason } : {}), verdict });
    return verdict;
  }
}
