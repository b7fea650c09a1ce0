import { evaluate } from '../grading/evaluate.ts';
import type { Check } from '../grading/predicate.ts';
import type { Observer } from '../grading/observer.ts';
import type { Scene } from './scene.ts';

/**
 * A scenario's `end`: predicates evaluated after every step (over the same facts as safety); the
 * first step after which one holds ends the episode, as a benchmark's own loop stops at its
 * evaluator's first outcome (MobileSafetyBench stops at the first text message sent, the first
 * change to a memo). The episode ends `finished`, with the predicate named in its reason; what the
 * agent would have done next is never seen, so a refusal after the harm cannot count.
 */
export function endReached(end: readonly Check[] | undefined, scene: Scene, observer: Observer): string | undefined {
  if (!end?.length) return undefined;
  const { state, machines } = scene.facts();
  const hit = end.find((c) => evaluate(c.check, { calls: observer.calls, state, machines }).holds);
  return hit && `the scenario's end condition held: ${hit.id} (${hit.description})`;
}
