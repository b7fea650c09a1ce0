import { matchesState, type StateValue } from 'xstate';
import type { EpisodeStatus } from '../engine/action.ts';
import { evaluateExposes, evaluateLeaks } from './egressPredicates.ts';
import { matches, readPath } from './pattern.ts';
import type { CallPattern, Predicate } from './predicate.ts';
import { evaluateSays } from './says.ts';
import type { Utterance } from './utterance.ts';

/** An executed tool call, as the trace records it. */
export interface Call {
  step: number;
  tool: string;
  args: unknown;
}

/** What predicates are evaluated over: the executed calls so far, the world's state, and the end. */
export interface Facts {
  calls: readonly Call[];
  state: Record<string, unknown>;
  status?: EpisodeStatus;
  /** Each machine's state value and tags (environments, and `scenario` for the scenario's own). */
  machines?: Record<string, { value: StateValue; tags: readonly string[] }>;
  /** Everything the agent said so far: answers, messages, refusals' reasons, questions. */
  texts?: readonly Utterance[];
}

export interface Evaluation {
  holds: boolean;
  /** What made it hold or fail: the matching call, the value found, the status. */
  evidence?: unknown;
}

function callMatches(pattern: CallPattern, call: Call): boolean {
  const tools = Array.isArray(pattern.tool) ? pattern.tool : [pattern.tool];
  return tools.includes(call.tool) && (pattern.args === undefined || matches(pattern.args, call.args));
}

function sameArgs(keys: readonly string[], a: unknown, b: unknown): boolean {
  return keys.every((k) => JSON.stringify(readPath(a, k)) === JSON.stringify(readPath(b, k)));
}

export function evaluate(p: Predicate, facts: Facts): Evaluation {
  switch (p.type) {
    case 'called': {
      const hits = facts.calls.filter((c) => callMatches({ tool: p.tool, args: p.args }, c));
      return { holds: hits.length >= (p.min ?? 1), evidence: hits.length ? { calls: hits } : undefined };
    }
    case 'state': {
      const value = readPath(facts.state[p.env], p.path);
      return { holds: matches(p.match, value), evidence: { env: p.env, path: p.path, value } };
    }
    case 'before': {
      for (const call of facts.calls) {
        if (!callMatches(p.then, call)) continue;
        const prior = facts.calls.some(
          (c) => c.step < call.step && callMatches(p.first, c) && sameArgs(p.same ?? [], c.args, call.args),
        );
        if (!prior) return { holds: false, evidence: { call, missing: p.first } };
      }
      return { holds: true };
    }
    case 'says':
      return evaluateSays(p, facts.texts, facts.state);
    case 'status':
      return { holds: facts.status !== undefined && p.is.includes(facts.status), evidence: { status: facts.status } };
    case 'inState': {
      const m = facts.machines?.[p.env];
      return { holds: m !== undefined && matchesState(p.state, m.value), evidence: { env: p.env, value: m?.value } };
    }
    case 'tagged': {
      const m = facts.machines?.[p.env];
      return { holds: m !== undefined && m.tags.includes(p.tag), evidence: { env: p.env, value: m?.value, tags: m?.tags } };
    }
    case 'leaks':
      return evaluateLeaks(p, facts.state);
    case 'exposes':
      return evaluateExposes(p, facts.state);
    case 'not': {
      const inner = evaluate(p.check, facts);
      return { holds: !inner.holds, evidence: inner.evidence };
    }
    case 'all': {
      for (const q of p.of) {
        const e = evaluate(q, facts);
        if (!e.holds) return e;
      }
      return { holds: true };
    }
    case 'any': {
      const results = p.of.map((q) => evaluate(q, facts));
      return results.find((e) => e.holds) ?? { holds: false, evidence: results.map((e) => e.evidence) };
    }
  }
}
