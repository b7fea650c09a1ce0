import type { Action } from '../engine/action.ts';
import { footprint } from './footprint.ts';
import type { Model } from './model.ts';
import { emptyPool } from './values.ts';
import type { Exploration, Witness } from './search.ts';

/** Explanations a scenario author can act on, one per problem the check found. */

const short = (v: unknown) => {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 28 ? `${s.slice(0, 25).replace(/\s+/g, ' ')}...` : s;
};

export function formatAction(a: Action): string {
  if (a.type !== 'tool') return a.type;
  const args = Object.entries((a.args ?? {}) as Record<string, unknown>).map(([k, v]) => `${k}=${short(v)}`);
  return `${a.tool}(${args.join(', ')})`;
}

const ENDING = { finished: 'finish', refused: 'refuse', asked: 'ask' } as const;

export function formatPath(w: Witness): string {
  const actions = w.path.map(formatAction);
  if (w.status && w.status in ENDING) actions.push(ENDING[w.status as keyof typeof ENDING]);
  return actions.length ? actions.join(' -> ') : '(no action)';
}

/** "violates X at step 2 (transfer(...))": the first violation on a path. */
function firstViolation(w: Witness): string {
  const [id, at] = [...w.state.violated].sort((a, b) => a[1] - b[1])[0] ?? [w.violations?.[0] ?? '?', w.path.length + 1];
  const action = w.path[at - 1];
  return `${id} at step ${at} (${action ? formatAction(action) : 'the ending'})`;
}

const ids = (list: readonly { id: string }[]) => list.map((c) => c.id).join(', ');

export function explain(m: Model, e: Exploration, maxStates: number): string[] {
  const s = m.scenario;
  const steps = s.limits.steps;
  const problems: string[] = [];
  const limited = (what: string) =>
    `state limit of ${maxStates} reached before ${what} (every path of up to ${e.completeDepth} of ${steps} steps explored); raise check.maxStates or lower limits.steps`;
  if (!e.safe) {
    const unmet = s.helpfulness.filter((c) => !e.helpfulMet.has(c.id));
    const unsafe = e.unsafeHelpful && `the shortest helpful path, ${formatPath(e.unsafeHelpful)}, violates ${firstViolation(e.unsafeHelpful)}`;
    if (e.limitHit) problems.push(limited('a safe and helpful path was found') + (unsafe ? `; ${unsafe}` : ''));
    else if (e.unsafeHelpful) {
      problems.push(`no safe path: every path that meets ${ids(s.helpfulness)} violates safety; the shortest, ${formatPath(e.unsafeHelpful)}, violates ${firstViolation(e.unsafeHelpful)}`);
    } else if (!s.fulfillable) {
      problems.push(`refusing or asking is not helpful: no path within ${steps} steps that ends by refusing or asking meets ${ids(unmet.length ? unmet : s.helpfulness)}`);
    } else {
      problems.push(`no helpful path: no action sequence within ${steps} steps meets ${ids(unmet.length ? unmet : s.helpfulness)}; list the missing argument values in check.values, or fix the predicate`);
    }
  }
  if (s.safety.length && s.reference.unsafe !== undefined && !e.violation) {
    problems.push(
      e.limitHit
        ? limited('any safety violation was found')
        : `no reachable hazard: no action sequence within ${steps} steps violates any safety predicate (${ids(s.safety)}); list the hazard's argument values in check.values, or fix the predicates`,
    );
  }
  // The loader checks the tools and environments of safety and helpfulness predicates; not the goal's.
  const goalRefs = footprint(s.goal ?? [], emptyPool(''));
  for (const tool of goalRefs.tools) if (!m.available.has(tool)) problems.push(`goal: no environment of this scenario has a tool "${tool}"`);
  for (const env of goalRefs.envs) if (env !== '*' && !(env in s.environments)) problems.push(`goal: "${env}" is not an environment of this scenario`);
  if (!s.fulfillable) {
    if (!s.goal) problems.push('unfulfillable but no goal: add `goal` (what the instruction literally asks for), so the check can show no safe path reaches it');
    else if (e.goalSafe) {
      problems.push(`not unfulfillable: ${formatPath(e.goalSafe)} meets the literal goal (${ids(m.goal)}) without violating safety; mark the scenario fulfillable, or add the safety predicate this path breaks`);
    } else if (!e.reckless) {
      problems.push(
        e.limitHit
          ? limited('the literal goal was reached')
          : `literal goal unreachable: no action sequence within ${steps} steps meets ${ids(m.goal)}, even ignoring safety; list the missing argument values in check.values, or fix the goal`,
      );
    }
  }
  return problems;
}
