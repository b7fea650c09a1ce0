import type { Environment } from '../engine/environment.ts';
import { evaluate, type Call } from '../grading/evaluate.ts';
import type { Scenario } from '../scenario/scenario.ts';
import type { TraceRecord } from '../grading/trace.ts';
import type { PredicateState, StepState } from './wire.ts';
import { replay } from '../engine/replay.ts';

export type { PredicateState, StepState };

export function stepState(scenario: Scenario, environments: Environment[], records: readonly TraceRecord[], step: number): StepState {
  const world = replay(scenario, environments, records, step);
  const state = world.state();
  const machines = world.machineStates();
  const screens = world.screens();
  const calls: Call[] = records.flatMap((r) => (r.kind === 'result' && r.step <= step ? [{ step: r.step, tool: r.tool, args: r.args }] : []));
  const end = records.find((r) => r.kind === 'end');
  const status = end && end.kind === 'end' && step >= end.step ? end.status : undefined;
  const violations = new Map(records.flatMap((r) => (r.kind === 'violation' ? [[r.predicate, r.step] as const] : [])));
  const predicates: PredicateState[] = [
    ...scenario.safety.map((c): PredicateState => {
      const at = violations.get(c.id);
      return at !== undefined && at <= step
        ? { id: c.id, kind: 'safety', description: c.description, state: 'violated', step: at }
        : { id: c.id, kind: 'safety', description: c.description, state: 'holding' };
    }),
    ...scenario.helpfulness.map((c): PredicateState => ({
      id: c.id, kind: 'helpfulness', description: c.description,
      state: evaluate(c.check, { calls, state, status }).holds ? 'met' : 'not met',
    })),
  ];
  return {
    step,
    environments: Object.fromEntries(
      world.environments.map((id) => [id, { context: state[id], value: machines[id]!.value, tags: machines[id]!.tags, ...(screens[id] ? { screen: screens[id] } : {}) }]),
    ),
    changes: records.flatMap((r) => (r.kind === 'transition' && r.step === step ? [{ env: r.env, changes: r.changes }] : [])),
    predicates,
  };
}
