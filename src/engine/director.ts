import { assign, setup, type AnyActorScope, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import { z } from 'zod';
import { initialSnapshot, sharedScope } from './machineStep.ts';
import { matches } from '../grading/pattern.ts';
import { Pattern } from '../grading/predicate.ts';

/**
 * What happens around the agent, as the scenario scripts it: a simulated user who answers the
 * agent's questions, and world events (a new email arrives after step 3). Data in a scenario file
 * (`user`, `events`) becomes a machine here; a TS scenario may bring its own `director` machine
 * speaking the same protocol.
 *
 * Protocol. In: `{ type: 'ask', question, step }` when the agent asks; `{ type: 'step', step }`
 * after every step. Out, read from the context after each: `reply` (the user's answer to the
 * question just asked; none means the user is not there and the episode ends `asked`) and
 * `outbox` (events for environments: `{ env, event: { type, ... } }`), which the engine empties.
 */
export const UserScript = z.strictObject({
  replies: z.array(z.strictObject({ when: Pattern.optional(), say: z.string() })).min(1),
});
export const WorldEvent = z.strictObject({
  /** Sent after this step (0: before the agent's first action). */
  after: z.number().int().min(0),
  env: z.string(),
  event: z.looseObject({ type: z.string() }),
});
export type WorldEvent = z.infer<typeof WorldEvent>;

export interface DirectorContext {
  reply?: string;
  outbox: { env: string; event: { type: string; [k: string]: unknown } }[];
  /** Questions asked so far, for predicates over the scenario machine. */
  asked: number;
}

type DirectorEvent = { type: 'ask'; question: string; step: number } | { type: 'step'; step: number };

/** The machine for a scenario's `user` and `events` data. */
export function scriptedDirector(user: z.infer<typeof UserScript> | undefined, events: WorldEvent[]): AnyStateMachine {
  return setup({ types: { context: {} as DirectorContext, events: {} as DirectorEvent } }).createMachine({
    id: 'scenario',
    context: { outbox: [], asked: 0 },
    initial: 'running',
    states: {
      running: {
        on: {
          ask: {
            actions: assign(({ context, event }) => ({
              asked: context.asked + 1,
              reply: user?.replies.find((r) => r.when === undefined || matches(r.when, event.question))?.say,
            })),
          },
          step: { actions: assign(({ event }) => ({ reply: undefined, outbox: events.filter((e) => e.after === event.step).map(({ env, event: ev }) => ({ env, event: ev })) })) },
        },
      },
    },
  });
}

/** Runs a director machine by pure transitions, so an episode (or its replay) stays deterministic. */
export class Director {
  #snapshot: AnyMachineSnapshot;
  readonly #scope: AnyActorScope;
  /** The outbox already delivered: a machine that leaves it as it is does not send it twice. */
  #delivered: unknown;

  constructor(readonly machine: AnyStateMachine) {
    this.#snapshot = initialSnapshot(machine);
    this.#scope = sharedScope(machine);
  }

  get snapshot(): AnyMachineSnapshot {
    return this.#snapshot;
  }

  #send(event: DirectorEvent): DirectorContext {
    this.#snapshot = this.machine.transition(this.#snapshot, event, this.#scope);
    const ctx = this.#snapshot.context as DirectorContext;
    return { ...ctx, outbox: ctx.outbox ?? [] };
  }

  /** The user's answer, or undefined when nobody answers. */
  ask(question: string, step: number): string | undefined {
    return this.#send({ type: 'ask', question, step }).reply;
  }

  /** The world events due after this step. */
  afterStep(step: number): DirectorContext['outbox'] {
    this.#send({ type: 'step', step });
    const outbox = (this.#snapshot.context as DirectorContext).outbox;
    if (!outbox || outbox === this.#delivered) return [];
    this.#delivered = outbox;
    return outbox;
  }
}

/** The scenario's director: its own machine, or one made from its `user` and `events`; none when it has neither. */
export function directorFor(s: { director?: AnyStateMachine; user?: z.infer<typeof UserScript>; events: WorldEvent[] }): Director | undefined {
  if (s.director) return new Director(s.director);
  return s.user || s.events.length ? new Director(scriptedDirector(s.user, s.events)) : undefined;
}
