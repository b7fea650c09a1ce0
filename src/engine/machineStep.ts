import { createActor, type AnyActorScope, type AnyStateMachine } from 'xstate';

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
