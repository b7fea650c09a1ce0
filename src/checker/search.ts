import { fromTransition } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import type { Action, EpisodeStatus } from '../engine/action.ts';
import { ending, initialState, step, toolActions, type CheckState, type Model } from './model.ts';

/**
 * What to search for. `check` establishes what `tripwire check` reports and stops as soon as it
 * can; `oracle` wants the shortest safe and helpful path; `reckless` the shortest path to the
 * literal goal, preferring one that trips the hazard on the way (a naive agent falls for the trap);
 * `explain`, when no safe path exists, the shortest helpful path that is not safe.
 */
export type Mode = 'check' | 'oracle' | 'reckless' | 'explain';

/** A path found: the actions from the start, the ending (for paths that end), and the state. */
export interface Witness {
  state: CheckState;
  status?: EpisodeStatus;
  violations?: string[];
  path: Action[];
}

export interface Exploration {
  states: number;
  limitHit: boolean;
  /** Every path of up to this many tool actions was explored. */
  completeDepth: number;
  /** A path that ends (finished/refused/asked) safe, with every helpfulness predicate met. */
  safe?: Witness;
  /** The shortest path that ends helpful but violates safety on the way (explains a missing safe path). */
  unsafeHelpful?: Witness;
  /** The shortest path to a safety violation. */
  violation?: Witness;
  /** A path that meets the literal goal without any violation (refutes an unfulfillable scenario). */
  goalSafe?: Witness;
  /** The reckless path: the literal goal, tripping the hazard on the way if any path does. */
  reckless?: Witness & { rank: number };
  /** Helpfulness predicates met by some ending. */
  helpfulMet: Set<string>;
}

/** A witness whose path is filled in once the traversal is done. */
const at = (state: CheckState, status?: EpisodeStatus, violations?: string[]): Witness => ({ state, status, violations, path: [] });

/** Records what a newly reached state shows: violations, safe and helpful endings, the goal. */
function record(m: Model, e: Exploration, s: CheckState, limit: number): void {
  if (s.violated.size > 0) e.violation ??= at(s);
  if (s.depth >= limit) return; // no step left for an ending
  const endingsNeeded = !e.safe || (m.endingMatters && !e.violation);
  const statuses: EpisodeStatus[] = m.scenario.fulfillable ? ['finished', 'asked', 'refused'] : ['refused', 'asked'];
  for (const status of endingsNeeded ? statuses : []) {
    const end = ending(m, s, status);
    const violations = end.violations.map((v) => v.predicate);
    end.goalsMet.forEach((id) => e.helpfulMet.add(id));
    if (violations.length) e.violation ??= at(s, status, violations);
    if (!end.helpful) continue;
    if (violations.length) e.unsafeHelpful ??= at(s, status, violations);
    else e.safe ??= at(s, status);
  }
  if (!s.goalMet) return;
  const end = ending(m, s, 'finished');
  if (!end.violations.length) e.goalSafe ??= at(s, 'finished');
  const rank = !end.violations.length ? 1 : s.violated.size > 0 && s.lead ? 3 : 2;
  if (rank > (e.reckless?.rank ?? 0)) e.reckless = { ...at(s, 'finished', end.violations.map((v) => v.predicate)), rank };
}

/** Whether a state is still worth expanding, given what has been found so far. */
function wanted(m: Model, e: Exploration, mode: Mode, s: CheckState): boolean {
  const violating = s.violated.size > 0;
  if (mode === 'oracle') return !violating && !e.safe;
  if (mode === 'reckless') return (e.reckless?.rank ?? 0) < 3;
  if (mode === 'explain') return !e.unsafeHelpful;
  const needGoal = !m.scenario.fulfillable && !e.reckless;
  if (violating) return needGoal; // a safe path never goes through a violation
  const needProof = !m.scenario.fulfillable && !e.goalSafe; // an unfulfillable claim needs every safe path
  return !e.safe || (hasHazardToFind(m) && !e.violation) || needGoal || needProof;
}

const hasHazardToFind = (m: Model) => m.scenario.safety.length > 0 && m.scenario.reference.unsafe !== undefined;

/**
 * Breadth-first exploration of the scenario's world with xstate/graph: the actor logic's snapshot
 * is a CheckState, its events the candidate actions. `stopWhen` prunes (depth, nothing left to
 * find, state limit); every new state is graded as it is reached, so the search stops early.
 */
/**
 * Runs `fn` with stack traces off. Each World transition builds a throwaway XState actor whose
 * initial context throws for want of input; capturing those stacks was a third of the search's time.
 */
export function withoutStacks<T>(fn: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return fn();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

export function explore(m: Model, mode: Mode, maxStates: number): Exploration {
  const limit = m.scenario.limits.steps;
  const e: Exploration = { states: 0, limitHit: false, completeDepth: limit, helpfulMet: new Set() };
  const seen = new Set<string>();
  const visit = (s: CheckState) => {
    if (seen.has(s.key)) return;
    seen.add(s.key);
    record(m, e, s, limit);
  };
  const root = initialState(m);
  visit(root);
  const logic = fromTransition((s: CheckState, action: Action) => {
    const next = step(m, s, action);
    visit(next);
    return next;
  }, root);
  const stop = (s: CheckState): boolean => {
    if (s.depth >= limit || !wanted(m, e, mode, s)) return true;
    if (seen.size < maxStates) return false;
    e.limitHit = true;
    e.completeDepth = Math.min(e.completeDepth, s.depth);
    return true;
  };
  const targets = () => [e.safe, e.unsafeHelpful, e.violation, e.goalSafe, e.reckless].filter((w) => w !== undefined);
  const paths = getShortestPaths(logic, {
    serializeState: (snap) => snap.context.key,
    events: (snap) => toolActions(m, snap.context),
    stopWhen: (snap) => stop(snap.context),
    toState: (snap) => targets().some((w) => w.state.key === snap.context.key),
  });
  const pathTo = new Map(paths.map((p) => [p.state.context.key, p.steps.slice(1).map((st) => st.event)]));
  for (const w of targets()) w.path = pathTo.get(w.state.key) ?? [];
  e.states = seen.size;
  return e;
}
