import { createActor, type AnyActorScope, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';

/**
 * What XState's pure `transition()` builds on every call, built once per machine instead: a scope
 * whose actions go nowhere (environment, app and scenario machines only assign). Stepping with it,
 * `machine.transition(snapshot, event, scope)`, costs a tenth as much, which the model checker and
 * the phone's per-step loop feel. `input` lets the throwaway actor start without failing.
 */
export function inertScope(machine: AnyStateMachine, input?: unknown): AnyActorScope {
  const self = createActor(machine, { input });
  return {
    self, id: '', sessionId: '', system: self.system,
    defer: () => {}, logger: () => {}, stopChild: () => {}, emit: () => {}, actionExecutor: () => {},
  } as unknown as AnyActorScope;
}

const shared = new WeakMap<AnyStateMachine, AnyActorScope>();

/**
 * One inert scope per machine for the whole process, made with the first input it is asked for:
 * a batch starts thousands of episodes on the same few machines, and each scope costs an actor and
 * its initial snapshot (the phone's: every app's). Sharing is safe because nothing in a scope
 * depends on the input once made: its actor never starts, its actions go nowhere, and a transition
 * reads only the snapshot it is given (World.fork already shares scopes between worlds).
 */
export function sharedScope(machine: AnyStateMachine, input?: unknown): AnyActorScope {
  let scope = shared.get(machine);
  if (!scope) shared.set(machine, (scope = inertScope(machine, input)));
  return scope;
}

/**
 * `initialTransition(machine, input)[0]` for assign-only machines, without what it builds first:
 * XState makes a throwaway actor for each call, and that actor computes an initial snapshot of its
 * own (with no input) before the one asked for.
 */
export function initialSnapshot(machine: AnyStateMachine, input?: unknown): AnyMachineSnapshot {
  return machine.getInitialSnapshot(sharedScope(machine, input), input);
}
